class AppError(Exception):
    """Base error."""


class ConfigError(AppError):
    def __init__(self, key, hint=None):
        super().__init__(f"missing setting {key!r}")
        self.key = key
        self.hint = hint


class CommandError(AppError):
    pass


class DetailedError(Exception):
    def __init__(self, code, message):
        self.code = code
        self.message = message

    def __str__(self):
        return f"[{self.code}] {self.message}"


errors = [ConfigError("DATABASE_URL", hint="set it in .env"), CommandError("Can't locate revision"), DetailedError(404, "not found"), AppError(), AppError("a", "b")]
for err in errors:
    print(type(err).__name__, "|", str(err), "|", repr(err), "|", err.args)
try:
    raise ConfigError("SECRET_KEY")
except AppError as exc:
    print("caught", exc.key, exc.hint, isinstance(exc, Exception))
print(issubclass(ConfigError, AppError), ConfigError.__mro__[-2].__name__, ConfigError.__doc__)
print([c.__name__ for c in ConfigError.__mro__])
try:
    raise CommandError
except CommandError as exc:
    print("class raised:", repr(exc), exc.args)
print(repr(Exception()), str(Exception("x", 1)), repr(ValueError("v")))
