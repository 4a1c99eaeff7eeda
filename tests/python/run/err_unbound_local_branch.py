def dialect(url):
    if url.startswith("sqlite"):
        name = "sqlite"
    elif url.startswith("postgresql"):
        name = "postgresql"
    return name


print(dialect("sqlite://"))
print(dialect("mysql://"))
