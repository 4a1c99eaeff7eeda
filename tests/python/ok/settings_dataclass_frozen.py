import os
from dataclasses import dataclass, field


def _bool(name: str, default: bool = False) -> bool:
    value = os.getenv(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes")


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = field(default_factory=lambda: os.getenv("DATABASE_URL", "sqlite:///./app.db"))
    echo: bool = field(default_factory=lambda: _bool("DB_ECHO"))
    pool_size: int = int(os.getenv("DB_POOL_SIZE", 5))

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")


@dataclass(frozen=True)
class Settings:
    app_name: str = "playground"
    db: DatabaseSettings = field(default_factory=DatabaseSettings)


settings = Settings()
