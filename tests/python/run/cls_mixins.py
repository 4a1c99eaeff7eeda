class TimestampMixin:
    created_at = "2024-01-01"
    updated_at = None

    def touch(self, when):
        self.updated_at = when
        return self


class SoftDeleteMixin:
    deleted = False

    def delete(self):
        self.deleted = True
        return f"{self.__class__.__name__} soft-deleted"


class ReprMixin:
    repr_fields = ()

    def __repr__(self):
        parts = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.repr_fields)
        return f"{type(self).__name__}({parts})"


class Base:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class Post(TimestampMixin, SoftDeleteMixin, ReprMixin, Base):
    repr_fields = ("id", "title", "deleted")


post = Post(id=1, title="Hello")
print(post)
print(post.touch("2024-02-02").updated_at, post.created_at)
print(post.delete())
print(post)
print([c.__name__ for c in Post.__mro__])
print(isinstance(post, SoftDeleteMixin), Post.deleted)
