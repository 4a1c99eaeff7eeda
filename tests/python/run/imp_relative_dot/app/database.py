from .config import DATABASE_URL as engine_url
from . import config


class Base:
    url = config.DATABASE_URL
