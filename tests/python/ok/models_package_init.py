"""app/models/__init__.py: import every model so Base.metadata knows them all."""
from .base import Base
from .user import User, UserRole
from .post import Post
from .comment import Comment as Comment
from . import tag, tag_link
from .audit import *  # noqa: F401,F403

__all__ = [
    "Base",
    "User",
    "UserRole",
    "Post",
    "Comment",
    "tag",
    "tag_link",
]
