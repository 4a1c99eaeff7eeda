def log(level, *args, sep=" ", **kwargs):
    extras = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    message = sep.join(str(a) for a in args)
    return f"[{level}] {message}" + (f" ({extras})" if extras else "")


print(log("INFO", "started", 3, "workers"))
print(log("DEBUG", "a", "b", sep="-", user="ann", retry=2))
print(log("WARN"))

parts = ["x", "y", "z"]
opts = {"sep": "/", "path": "/tmp"}
print(log("INFO", *parts, **opts))
print(log(*["ERROR", "boom"], **{"code": 500}))


def wrapper(*args, **kwargs):
    return args, kwargs


print(wrapper())
print(wrapper(1, 2, a=3))
print(wrapper(*range(3), *"ab", **{"k": 1}, z=0))


def first_rest(first, *rest):
    return first, rest


print(first_rest(1), first_rest(1, 2, 3))
merged = {**{"a": 1, "b": 2}, **{"b": 3}, "c": 4}
print(merged)
