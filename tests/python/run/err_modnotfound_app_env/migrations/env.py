import os
import sys

sys.path.append(os.path.dirname(__file__))

from app.models import Base

target_metadata = Base.metadata
