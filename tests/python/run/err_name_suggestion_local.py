def build_url(username, password, hostname):
    port = 5432
    return f"postgresql://{username}:{pasword}@{hostname}:{port}/app"


print(build_url("app", "secret", "db"))
