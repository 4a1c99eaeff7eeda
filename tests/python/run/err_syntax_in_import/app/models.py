class User:
    id = 1
    name = "x"

    def __repr__(self)
        return f"User({self.id})"
