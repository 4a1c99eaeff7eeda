class MigrationError(Exception):
    pass


def step(n):
    if n == 2:
        raise MigrationError(f"step {n} failed")
    return n


def run_all():
    done = []
    try:
        for n in range(4):
            try:
                done.append(step(n))
            except MigrationError:
                print("rolling back after", done)
                raise
            finally:
                print("end of step", n)
    except MigrationError as exc:
        print("outer caught:", exc)
        return done
    return None


print(run_all())

try:
    try:
        raise ValueError("inner")
    except ValueError as exc:
        raise TypeError("outer") from exc
except TypeError as exc:
    print(repr(exc), repr(exc.__cause__), exc.__suppress_context__)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("implicit")
except TypeError as exc:
    print(repr(exc.__context__), exc.__cause__)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("hidden") from None
except TypeError as exc:
    print(exc.__cause__, exc.__suppress_context__, repr(exc.__context__))

e = RuntimeError("bare")
print(e.__cause__, e.__context__, e.args)
