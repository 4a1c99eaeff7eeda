import os
import psycopg2

print(os.getenv("APP_ENV"))
