from app import a
