def check(value, limit=10):
    assert value is not None
    assert value >= 0, "value must be non-negative"
    assert isinstance(value, int), f"expected int, got {type(value).__name__}"
    assert value <= limit, (
        "value exceeds limit: "
        f"{value} > {limit}"
    )
    if value == limit:
        raise ValueError("at limit")
    if value == limit - 1:
        raise ValueError
    if value == 3:
        raise KeyError("three") from None
    if value == 4:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ArithmeticError("bad") from e
    if value == 5:
        raise
    return value


def reraise():
    try:
        check(None)
    except AssertionError:
        raise
