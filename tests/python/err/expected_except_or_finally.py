import os

try:
    from dotenv import load_dotenv
    load_dotenv()

DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./app.db")
