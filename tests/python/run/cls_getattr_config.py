class Config:
    def __init__(self, values):
        self._values = dict(values)

    def __getattr__(self, name):
        key = name.upper()
        if key in self._values:
            return self._values[key]
        raise AttributeError(f"config has no option {name!r}")

    def get_main_option(self, name, default=None):
        return self._values.get(name, default)


cfg = Config({"SQLALCHEMY_URL": "sqlite:///app.db", "SCRIPT_LOCATION": "migrations"})
print(cfg.sqlalchemy_url)
print(cfg.script_location)
print(cfg.get_main_option("SQLALCHEMY_URL"), cfg.get_main_option("missing", "n/a"))
print(hasattr(cfg, "nothing"), getattr(cfg, "nothing", "fallback"))
try:
    cfg.timezone
except AttributeError as exc:
    print("AttributeError:", exc)
print(cfg._values["SCRIPT_LOCATION"])
