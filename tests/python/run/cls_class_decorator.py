MODELS = {}


def register(cls):
    MODELS[cls.__name__.lower()] = cls
    return cls


def tablename(name):
    def decorate(cls):
        cls.__tablename__ = name
        return register(cls)
    return decorate


@register
class User:
    __tablename__ = "users"


@tablename("blog_posts")
class Post:
    pass


print(sorted(MODELS))
print(MODELS["post"].__tablename__, MODELS["user"].__tablename__)
print(MODELS["post"] is Post, Post.__name__)
