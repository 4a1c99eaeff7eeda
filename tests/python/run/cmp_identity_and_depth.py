class Never:
    def __eq__(self, other):
        return False


x = Never()
print(x == x, x in [x], [x] == [x], (x,) == (x,), [x].count(x), [x].index(x), {"k": x} == {"k": x})

t = ()
for i in range(5000):
    t = (t,)
l = []
for i in range(5000):
    l = [l]
for label, f in [
    ("repr", repr),
    ("str", str),
    ("eq", lambda v: v == (t[0],)),
    ("lt", lambda v: v < (t[0],)),
    ("list repr", lambda v: repr(l)),
    ("list eq", lambda v: l == [l[0]]),
]:
    try:
        f(t)
        print(label, "ok")
    except RecursionError as e:
        print(label, "RecursionError:", e)


def nested(n):
    if n == 0:
        return repr([[[[1]]]])
    return nested(n - 1)


print(nested(900))
