import os
from dotenv import load_dotenv

print(os.getenv("DATABASE_URL"))
result = load_dotenv()
print(result)
print(os.getenv("DATABASE_URL"), os.getenv("SECRET_KEY"))
print(os.getenv("APP_ENV"))
load_dotenv(override=True)
print(os.getenv("APP_ENV"))
