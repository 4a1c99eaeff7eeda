import logging

logger = logging.getLogger(__name__)
print(logger.name)
logger.debug("debug hidden")
logger.info("info hidden")
logger.warning("warning shown: %s", "disk low")
logger.error("error shown %d", 42)
alembic_log = logging.getLogger("alembic.runtime.migration")
alembic_log.info("Context impl SQLiteImpl.")
alembic_log.warning("Will assume non-transactional DDL.")
print(alembic_log.name, logging.getLogger("alembic.runtime.migration") is alembic_log)
print("done")
