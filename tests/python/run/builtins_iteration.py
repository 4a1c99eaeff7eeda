names = ["id", "name", "email"]
types = ["INTEGER", "VARCHAR", "VARCHAR"]
for i, (n, t) in enumerate(zip(names, types), start=1):
    print(i, n, t)
print(list(zip(names, types)), list(zip([1, 2, 3], "ab")))
print(list(enumerate("ab")), dict(enumerate(names)))
print(list(map(str.upper, names)), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(lambda n: n.startswith("e"), names)))
print(list(reversed(names)), list(reversed(range(3))), "".join(reversed("abc")))
print(any([]), all([]), any([0, "", 1]), all([1, "x", [0]]), any(n == "email" for n in names))
print(list(range(5)), list(range(10, 0, -3)), range(3)[-1], len(range(0, 10, 2)))
print(list(zip(*[(1, "a"), (2, "b")])))
it = iter([1, 2, 3])
print(next(it), next(it), list(it), next(it, "done"))
pairs = dict(zip(names, types))
print(pairs)
print(sorted(enumerate(["c", "a", "b"]), key=lambda p: p[1]))
print(list(map(int, "1 2 3".split())), sum(map(len, names)))
total = 0
for n in range(1, 11):
    if n % 2:
        continue
    total += n
print(total)
