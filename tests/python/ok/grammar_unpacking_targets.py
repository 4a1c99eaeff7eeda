c = [1, 2, 3, 4]

a, *b = c
*init, last = c
head, *middle, tail = c
(p, q), r = (1, 2), 3
[s, t] = 5, 6
u, = [7]
(v,) = [8]
[w] = [9]
x, (y, z) = 1, (2, 3)
((i, j), k), l = ((1, 2), 3), 4
[m1, [m2, *m3]] = [1, [2, 3, 4]]
*everything, = c
d = {}
d["a"], d["b"] = 1, 2
obj = type("O", (), {})()
obj.x, obj.y = 0, 0
c[0], c[1] = c[1], c[0]
c[1:3], = [[9, 9]]
for key, (left, right) in {"k": (1, 2)}.items():
    pass
for idx, *rest in [(1, 2, 3)]:
    pass
a, b = b, a
