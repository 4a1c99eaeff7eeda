class Settings:
    PROJECT_NAME = "demo"


settings = Settings()
