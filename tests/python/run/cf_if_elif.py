def dialect_for(url):
    if url.startswith("sqlite"):
        return "sqlite"
    elif url.startswith(("postgresql", "postgres")):
        return "postgresql"
    elif "mysql" in url:
        return "mysql"
    else:
        return "unknown"


for url in ["sqlite:///a.db", "postgres://x", "mysql+pymysql://y", "oracle://z"]:
    print(url, "->", dialect_for(url))


def level(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n < 10:
        kind = "small"
    else:
        kind = "large"
    return kind


print([level(n) for n in (-5, 0, 3, 42)])
value = None
if value:
    print("truthy")
elif value is None:
    print("none")
if not []:
    pass
print("done")
