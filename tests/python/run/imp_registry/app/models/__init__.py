from .user import User
from .post import Post
from . import tag
