import os
import sys

url = os.getenv("DATABASE_URL")
print("checking configuration...")
if url is None:
    sys.exit("ERROR: DATABASE_URL is not set")
print("unreachable")
