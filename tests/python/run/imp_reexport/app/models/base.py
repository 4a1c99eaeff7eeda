class Base:
    registry = []

    def __init_subclass__(cls):
        Base.registry.append(cls.__name__)
