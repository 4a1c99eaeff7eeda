def parse(value):
    try:
        return int(value)
    except ValueError as exc:
        raise RuntimeError(f"cannot parse {value!r}") from exc


def load(values):
    return [parse(v) for v in values]


load(["1", "two"])
