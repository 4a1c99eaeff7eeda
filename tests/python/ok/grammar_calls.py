def f(*args, **kwargs):
    return args, kwargs


args = [1, 2]
extra = [3]
kw = {"sep": ", "}
more = {"end": "\n"}

f()
f(1)
f(1, 2, 3)
f(a=1)
f(1, b=2)
f(*args)
f(**kw)
f(*args, **kw)
f(0, *args, 4, *extra, key=5, **kw, **more)
f(*args, key=1, *extra)
f(key=1, **kw)
f(x for x in args)
f((x for x in args), 1)
f(
    1,
    2,
)
f(
    name="value",
    other=[1, 2],
)
f(1)(2)(3)
f()()
f(*[1, 2], **{"k": "v"})
f(a := 5, a)
f(lambda: 0, lambda x, y=1: x + y)
result = f(1, 2)[0][1]
print("사용자", "목록", sep=" | ", end="\n", flush=True)
