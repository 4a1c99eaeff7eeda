import os

port = int(os.getenv("PORT", "8000"))
print(port)
workers = int("x")
