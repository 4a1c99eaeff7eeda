from typing import Literal

from pydantic import BaseModel, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class DatabaseConfig(BaseModel):
    driver: Literal["sqlite", "postgresql", "mysql"] = "sqlite"
    host: str = "localhost"
    port: int = 5432
    user: str = "app"
    password: SecretStr = SecretStr("")
    name: str = "app"

    def url(self) -> str:
        if self.driver == "sqlite":
            return f"sqlite:///./{self.name}.db"
        secret = self.password.get_secret_value()
        return f"{self.driver}://{self.user}:{secret}@{self.host}:{self.port}/{self.name}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_nested_delimiter="__", env_prefix="APP_")

    debug: bool = False
    database: DatabaseConfig = DatabaseConfig()


settings = Settings()
DATABASE_URL = settings.database.url()
