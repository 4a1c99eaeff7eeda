import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), "migrations"))
import env  # noqa: E402,F401
from fakealembic import context  # noqa: E402

context._offline = True
env.run_migrations_offline() if context.is_offline_mode() else env.run_migrations_online()
