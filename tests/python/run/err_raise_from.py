class ConfigError(Exception):
    pass


def read_port(env):
    try:
        return int(env["PORT"])
    except KeyError as exc:
        raise ConfigError("PORT is not configured") from exc


read_port({})
