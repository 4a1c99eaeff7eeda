"""A stand-in for alembic.context, enough for env.py to run."""


class Config:
    config_file_name = None
    config_ini_section = "alembic"

    def __init__(self, options):
        self._options = dict(options)

    def get_main_option(self, name, default=None):
        return self._options.get(name, default)

    def set_main_option(self, name, value):
        self._options[name] = value

    def get_section(self, name, default=None):
        return {k: v for k, v in self._options.items()} if name == self.config_ini_section else default


config = Config({"sqlalchemy.url": "driver://user:pass@localhost/dbname", "script_location": "migrations"})
_offline = False
_configured = {}


def is_offline_mode():
    return _offline


def configure(**kwargs):
    _configured.clear()
    _configured.update(kwargs)
    print("configure(" + ", ".join(f"{k}={v!r}" for k, v in sorted(kwargs.items())) + ")")


class _Tx:
    def __enter__(self):
        print("BEGIN")

    def __exit__(self, *exc):
        print("COMMIT" if exc[0] is None else "ROLLBACK")
        return False


def begin_transaction():
    return _Tx()


def run_migrations(**kw):
    print("running migrations with", sorted(_configured))
