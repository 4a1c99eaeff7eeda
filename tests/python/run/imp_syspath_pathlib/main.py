import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
sys.path.append(str(BASE_DIR / "backend"))

from app.models import tables, User
import app

print(tables, User.__tablename__)
print(sys.path[-1].endswith("/run/backend"), app.__file__.endswith("/backend/app/__init__.py"))
