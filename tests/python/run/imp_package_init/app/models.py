print("init app.models, __name__ =", __name__)


class User:
    __tablename__ = "users"
