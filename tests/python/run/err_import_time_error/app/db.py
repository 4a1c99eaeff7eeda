from app.config import DATABASE_URL

engine = DATABASE_URL
