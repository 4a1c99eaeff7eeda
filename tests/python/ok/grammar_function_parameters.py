def no_args():
    pass


def positional(a, b, c):
    return a, b, c


def defaults(a, b=2, c="three"):
    return a, b, c


def annotated(a: int, b: str = "x", *args: int, key: bool = False, **kwargs: object) -> dict:
    return {}


def star_args(*args):
    return args


def kw_only(*, a, b=1):
    return a, b


def after_args(x, *args, y, z=0, **kwargs):
    return x, args, y, z, kwargs


def pos_only(a, b, /):
    return a + b


def pos_only_defaults(a, b=1, /, c=2, *, d, e=3, **rest):
    return a, b, c, d, e, rest


def pos_only_then_star(a, /, *args):
    return a, args


def trailing_comma(
    first,
    second=None,
    *,
    third,
):
    return first


def complex_defaults(items=[], mapping={}, fn=lambda x: x, tup=(1, 2), neg=-1):
    return items


def annotated_return() -> "list[int]":
    return []


def nested_fn(x):
    def inner(y):
        def innermost(z):
            return x + y + z
        return innermost
    return inner


def one_liner(x): return x * 2
