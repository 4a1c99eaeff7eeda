import logging
from logging.config import fileConfig
from pathlib import Path

config_file_name = str(Path(__file__).parent / "alembic.ini")
fileConfig(config_file_name)
log = logging.getLogger("alembic.runtime.migration")
log.info("Context impl SQLiteImpl.")
log.info("Will assume non-transactional DDL.")
logging.getLogger("sqlalchemy.engine").info("hidden at WARN")
logging.getLogger("app").warning("root handler shows this")
print("configured")
