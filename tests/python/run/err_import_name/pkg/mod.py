class Base:
    pass


def helper():
    return 1
