from ..registry import register
from .user import User


@register
class Post:
    author = User
