class Backend:
    name = "abstract"

    def connect(self):
        raise NotImplementedError(f"{type(self).__name__} must implement connect()")

    def run(self, sql):
        conn = self.connect()
        return f"[{self.name}] {conn}: {sql}"


class SQLiteBackend(Backend):
    name = "sqlite"

    def connect(self):
        return "sqlite3.connect(':memory:')"


class Broken(Backend):
    pass


print(SQLiteBackend().run("SELECT 1"))
try:
    Broken().run("SELECT 1")
except NotImplementedError as exc:
    print("NotImplementedError:", exc)
    print(repr(exc))
    print(exc.args)
print(issubclass(NotImplementedError, RuntimeError))
