import os


class Settings:
    def __init__(self):
        self.env = os.getenv("APP_ENV", "development")
        self.debug = self.env != "production"
        self.database_url = os.environ.get("DATABASE_URL", f"sqlite:///./{self.env}.db")
        self.secret = os.getenv("SECRET_KEY") or "change-me"
        self.workers = int(os.getenv("WORKERS", "2"))

    def __repr__(self):
        return f"Settings(env={self.env!r}, debug={self.debug}, url={self.database_url!r})"


settings = Settings()
