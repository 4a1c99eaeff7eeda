import os


def load_secret():
    return os.getenv("SECRET_KEY")


secret = load_secret()
print(secret.strip())
