import os

ALLOWED_HOSTS = os.getenv("ALLOWED_HOSTS", "localhost").split(",")
DEBUG = os.getenv("DEBUG", "0") == "1"
DATABASES = ["primary", "replica"]]
