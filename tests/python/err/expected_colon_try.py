import os

DATABASE_URL = os.getenv("DATABASE_URL")

try
    from dotenv import load_dotenv
except ImportError:
    load_dotenv = None
