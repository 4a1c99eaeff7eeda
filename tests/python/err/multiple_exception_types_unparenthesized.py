import os

try:
    PORT = int(os.environ["DB_PORT"])
except KeyError, ValueError:
    PORT = 5432
