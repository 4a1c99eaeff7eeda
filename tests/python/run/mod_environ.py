import os

print(os.environ["APP_ENV"], os.environ.get("APP_ENV"), os.getenv("APP_ENV"))
print(os.getenv("DATABASE_URL"), os.getenv("DATABASE_URL", "sqlite:///./app.db"))
print("APP_ENV" in os.environ, "NOPE" in os.environ)
os.environ["DATABASE_URL"] = "postgresql://app@db/app"
print(os.getenv("DATABASE_URL"), os.environ.get("DATABASE_URL"))
os.environ.setdefault("LOG_LEVEL", "INFO")
os.environ.setdefault("APP_ENV", "prod")
print(os.environ["LOG_LEVEL"], os.environ["APP_ENV"])
debug = os.getenv("DEBUG", "false").lower() in ("1", "true", "yes")
port = int(os.getenv("PORT", "8000"))
print(debug, port, port + 1)
del os.environ["DATABASE_URL"]
print(os.getenv("DATABASE_URL"))
print(os.environ.pop("LOG_LEVEL"), os.environ.pop("LOG_LEVEL", "gone"))
try:
    os.environ["PORT"] = 8000
except TypeError as exc:
    print("TypeError:", exc)
settings = {key: os.environ[key] for key in ("APP_ENV", "LANG")}
print(settings)
