class ConfigError(Exception):
    pass


def check(url):
    if not url.startswith(("sqlite", "postgresql")):
        raise ConfigError(f"unsupported database URL: {url!r}")
    return url
