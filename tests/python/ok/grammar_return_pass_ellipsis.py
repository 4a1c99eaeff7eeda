def nothing():
    return


def none():
    return None


def tuple_return():
    return 1, 2


def starred_return(items):
    return *items, 0


def paren_return():
    return (
        1
    )


def stub(): ...


def stub_with_doc():
    """Doc."""
    ...


class Protocolish:
    def method(self) -> int: ...

    def other(self):
        pass


def early(x):
    if x:
        return x
    pass
    return not x


value = ...
ellipsis_name = Ellipsis
slice_with_ellipsis = {...: "key"}[...]
