def parse_port(value):
    try:
        port = int(value)
    except ValueError:
        print(f"bad port {value!r}")
        return None
    except TypeError as exc:
        print("TypeError:", exc)
        return None
    else:
        print("parsed", port)
        return port
    finally:
        print("finally for", repr(value))


print(parse_port("8000"))
print(parse_port("http"))
print(parse_port(None))


def lookup(d, key):
    try:
        return d[key]
    except (KeyError, IndexError) as exc:
        return f"missing: {type(exc).__name__} {exc}"


print(lookup({"a": 1}, "a"), lookup({}, "b"), lookup([1], 5))
try:
    1 / 0
except Exception as exc:
    print(type(exc).__name__, exc, exc.args, isinstance(exc, ArithmeticError))
try:
    raise ValueError("first", 2)
except ValueError as exc:
    print(exc, repr(exc), exc.args)
try:
    raise KeyError("k")
except LookupError as exc:
    print("LookupError caught:", repr(exc), str(exc))
try:
    pass
except Exception:
    print("never")
else:
    print("no exception")
try:
    exc_var = "before"
    raise RuntimeError("x")
except RuntimeError as exc_var:
    pass
try:
    exc_var
except NameError as e:
    print("NameError:", e)
