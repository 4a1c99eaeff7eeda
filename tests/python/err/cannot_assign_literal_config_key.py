from alembic import context

from app.core.config import settings

config = context.config
"sqlalchemy.url" = settings.DATABASE_URL
