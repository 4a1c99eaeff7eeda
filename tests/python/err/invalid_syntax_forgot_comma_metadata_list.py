from logging.config import fileConfig

from alembic import context
from app.accounts.models import Base as AccountsBase
from app.shop.models import Base as ShopBase

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

target_metadata = [AccountsBase.metadata ShopBase.metadata]
