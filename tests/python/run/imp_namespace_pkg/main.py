import plugins.csv_export
from plugins.db import sqlite
from plugins.db.sqlite import NAME

print(plugins.csv_export.NAME, sqlite.NAME, NAME)
print(hasattr(plugins, "__file__") and plugins.__file__ is not None)
print(plugins.__name__, sqlite.__name__)
print(hasattr(plugins, "db"), hasattr(plugins.db, "sqlite"))
