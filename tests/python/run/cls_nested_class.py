class Settings:
    app_name = "Alembic Playground"
    debug = False

    class Config:
        env_file = ".env"
        case_sensitive = True

    class Meta:
        ordering = ["-created"]

    def describe(self):
        return f"{self.app_name} (env_file={self.Config.env_file})"


s = Settings()
print(s.describe())
print(Settings.Config.case_sensitive, Settings.Meta.ordering)
print(Settings.Config.__name__, Settings.Config.__qualname__)
print(type(s).Meta.ordering[0].lstrip("-"))


class Outer:
    value = 1

    class Inner:
        value = 2

        def get(self):
            return self.value


print(Outer.Inner().get(), Outer.value)
