class Transaction:
    def __enter__(self):
        print("BEGIN")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("ROLLBACK" if exc_type else "COMMIT")
        return False


with Transaction():
    print("inserting")
    raise RuntimeError("constraint failed: NOT NULL")
