from app import engine, SessionLocal
