revisions = [("c3", 3), ("a1", 1), ("d4", 4), ("b2", 2)]
print(sorted(revisions))
print(sorted(revisions, key=lambda r: r[1], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("cba"), sorted({"b": 1, "a": 2}))
print(min(4, 2, 8), max([4, 2, 8]), min("apple", "fig", key=len), max([], default="empty"))
print(max(revisions, key=lambda r: r[1]), min(revisions)[0])
print(sum([1, 2, 3]), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum([], 10))
words = ["bb", "a", "ccc", "dd"]
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
print(max(words, key=len), min(words, key=len))
stable = sorted([("x", 2), ("y", 1), ("z", 2), ("w", 1)], key=lambda p: p[1])
print(stable)
print(abs(-5), abs(-2.5), round(2.675, 2), round(3.5), round(4.5), round(-0.5), round(1234, -2))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), 2 ** -1)
try:
    min([])
except ValueError as exc:
    print("ValueError:", exc)
