DATABASE_URL = "sqlite:///app.db"
target_metadata = None


def run_migrations_online():
    return DATABASE_URl


run_migrations_online()
