import sys
import app.user

print("post module body running; app.user in sys.modules:", "app.user" in sys.modules)


class Post:
    def __init__(self, author):
        self.author = author

    def author_type(self):
        return type(self.author) is app.user.User
