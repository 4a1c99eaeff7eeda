import os

print(os.environ["APP_ENV"])
url = os.environ["DATABASE_URL"]
