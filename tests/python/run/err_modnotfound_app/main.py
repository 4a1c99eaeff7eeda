from logging.config import fileConfig

from app.models import User

target_metadata = None
