__all__ = ["User", "Post"]


class User:
    pass


class Post:
    pass


class Secret:
    pass


helper = "not exported"
