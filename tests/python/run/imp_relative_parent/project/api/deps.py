from ..core import settings


def get_db():
    return "db session for " + settings.API_PREFIX
