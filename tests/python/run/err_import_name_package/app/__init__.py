from .database import engine
