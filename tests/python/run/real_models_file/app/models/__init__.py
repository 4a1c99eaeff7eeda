from .user import User
from .post import Post
