import app.post

print("user module body running")


class User:
    def posts(self):
        return [app.post.Post(self)]


def describe():
    return "user module"
