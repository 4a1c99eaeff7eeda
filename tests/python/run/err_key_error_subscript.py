config = {
    "sqlalchemy.url": "sqlite:///app.db",
    "script_location": "migrations",
}


def get_option(name):
    return config[name]


print(get_option("script_location"))
print(get_option("version_locations"))
