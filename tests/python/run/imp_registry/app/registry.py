MODELS = {}
print("registry loaded")


def register(cls):
    MODELS[cls.__name__] = cls
    print("registered", cls.__name__, "from", cls.__module__)
    return cls
