class CommandError(Exception):
    def __init__(self, command, code):
        super().__init__(command, code)
        self.command = command
        self.code = code

    def __str__(self):
        return f"command {self.command!r} exited with {self.code}"


raise CommandError("alembic upgrade head", 1)
