import os

try:
    url = os.environ["DATABASE_URL"]
except KeyError:
    url = default_url
