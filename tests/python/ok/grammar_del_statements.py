a = 1
b = 2
c = 3
d = {"k": 1, "j": 2, "i": 3}
items = list(range(10))
obj = type("O", (), {})()
obj.attr = 1
obj.other = 2

del a
del b, c
del d["k"]
del d["j"], d["i"]
del items[0]
del items[1:3]
del items[::2]
del obj.attr
x = y = z = 0
del (x, y)
del [z]
p = q = 0
del (p), q,
