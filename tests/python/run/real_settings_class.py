import os
from typing import List, Optional


class BaseSettings:
    prefix = ""

    def __init__(self, **overrides):
        for name, default in self._fields():
            env_name = (self.prefix + name).upper()
            raw = overrides.get(name, os.environ.get(env_name))
            value = default if raw is None else self._coerce(name, raw, default)
            setattr(self, name, value)

    @classmethod
    def _fields(cls):
        seen = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if not name.startswith("_") and name.islower() and not callable(value) and not isinstance(value, property) and name != "prefix":
                    seen[name] = value
        return list(seen.items())

    @staticmethod
    def _coerce(name, raw, default):
        if isinstance(raw, str):
            if isinstance(default, bool):
                return raw.lower() in ("1", "true", "yes", "on")
            if isinstance(default, int):
                return int(raw)
            if isinstance(default, list):
                return [part.strip() for part in raw.split(",") if part.strip()]
        return raw

    def dict(self):
        return {name: getattr(self, name) for name, _ in self._fields()}


class Settings(BaseSettings):
    prefix = "app_"
    project_name = "Alembic Tutorial"
    debug = False
    port = 8000
    cors_origins: List[str] = []
    database_url: Optional[str] = None

    @property
    def sqlalchemy_url(self):
        return self.database_url or f"sqlite:///./{self.project_name.lower().replace(' ', '_')}.db"


os.environ["APP_DEBUG"] = "yes"
os.environ["APP_PORT"] = "9000"
os.environ["APP_CORS_ORIGINS"] = "http://localhost:3000, http://example.com,"
settings = Settings()
print(settings.dict())
print(settings.sqlalchemy_url)
custom = Settings(project_name="Demo", database_url="postgresql://demo", port="1234")
print(custom.dict()["port"], custom.sqlalchemy_url, type(custom.port).__name__)
print(sorted(Settings.__annotations__))
