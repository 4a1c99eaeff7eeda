import os


def require(name):
    value = os.environ.get(name)
    if value is None:
        raise RuntimeError(f"environment variable {name} is required")
    return value


APP_ENV = require("APP_ENV")
DATABASE_URL = require("DATABASE_URL")
