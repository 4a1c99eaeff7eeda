def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError):
        return "lookup"
    except ArithmeticError:
        return "arith"
    except (TypeError, ValueError) as e:
        return f"type/value: {e}"
    except Exception as e:
        return f"other {type(e).__name__}"


for exc in [KeyError("k"), IndexError(), ZeroDivisionError("z"), OverflowError(), ValueError("v"), TypeError("t"), RuntimeError(), NotImplementedError(), AttributeError("a"), ModuleNotFoundError("m")]:
    print(type(exc).__name__, "->", classify(exc))

hierarchy = [ZeroDivisionError, KeyError, ModuleNotFoundError, UnboundLocalError, RecursionError, FileNotFoundError, NotImplementedError, StopIteration]
for cls in hierarchy:
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:]])
try:
    raise SystemExit(3)
except BaseException as exc:
    print("SystemExit code", exc.code, isinstance(exc, Exception))
try:
    import definitely_missing_module
except ImportError as exc:
    print(type(exc).__name__, exc, exc.name)
