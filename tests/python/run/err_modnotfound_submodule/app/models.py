from app.core.config import settings
