from app.db import engine
