from app import registry


@registry.register
class Tag:
    pass
