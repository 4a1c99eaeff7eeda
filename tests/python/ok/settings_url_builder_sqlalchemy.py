import os

from sqlalchemy.engine import URL, make_url

DB_DRIVER = os.getenv("DB_DRIVER", "postgresql+psycopg2")

DATABASE_URL = URL.create(
    drivername=DB_DRIVER,
    username=os.getenv("DB_USER", "postgres"),
    password=os.getenv("DB_PASSWORD"),  # may contain @ or %, URL.create escapes them
    host=os.getenv("DB_HOST", "localhost"),
    port=int(os.getenv("DB_PORT", "5432")),
    database=os.getenv("DB_NAME", "fastapi_db"),
    query={"sslmode": os.getenv("DB_SSLMODE", "prefer")},
)

if override := os.getenv("DATABASE_URL"):
    DATABASE_URL = make_url(override)

# Alembic's config file is parsed by ConfigParser: escape '%'
ALEMBIC_URL = DATABASE_URL.render_as_string(hide_password=False).replace("%", "%%")
