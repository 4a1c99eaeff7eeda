from app.user import User, describe

posts = User().posts()
print(len(posts), posts[0].author_type(), describe())
