def rollback():
    raise RuntimeError("rollback failed: connection closed")


def migrate():
    try:
        raise ValueError("column 'age' already exists")
    except ValueError:
        rollback()


migrate()
