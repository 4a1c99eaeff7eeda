import os
import sys

here = os.path.dirname(__file__)
sys.path.append(os.path.join(here, "migrations"))
import env

print(env.target_metadata.tables["address"].__name__)
os.environ["OFFLINE"] = "1"
env.run_migrations_offline(env.URL) if env.is_offline_mode() else None
