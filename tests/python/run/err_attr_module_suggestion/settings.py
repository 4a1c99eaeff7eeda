DATABASE_URL = "sqlite:///./app.db"
ECHO_SQL = False
