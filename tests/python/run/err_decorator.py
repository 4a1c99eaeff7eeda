def route(path):
    if not path.startswith("/"):
        raise ValueError(f"path must start with '/': {path!r}")

    def decorate(func):
        return func
    return decorate


@route("/users")
def users():
    return []


@route("items")
def items():
    return []
