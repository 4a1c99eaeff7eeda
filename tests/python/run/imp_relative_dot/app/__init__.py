from . import config
from .database import Base, engine_url
