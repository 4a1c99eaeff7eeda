import app.user

print("post module body running; user has User:", hasattr(app.user, "User"))


class Post:
    def __init__(self, author):
        self.author = author

    def author_type(self):
        return type(self.author) is app.user.User
