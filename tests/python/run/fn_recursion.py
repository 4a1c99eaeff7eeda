def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def fib(n, memo={}):
    if n in memo:
        return memo[n]
    result = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result


def flatten(tree, prefix=""):
    items = []
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            items.extend(flatten(value, path))
        else:
            items.append((path, value))
    return items


def depth(revisions, rev):
    down = revisions[rev]
    return 0 if down is None else 1 + depth(revisions, down)


print(factorial(10), factorial(20))
print(fib(50), fib(90))
config = {"db": {"url": "sqlite://", "pool": {"size": 5, "timeout": 30}}, "debug": True}
for path, value in flatten(config):
    print(path, "=", value)
revs = {"a1": None, "b2": "a1", "c3": "b2", "d4": "c3"}
print({r: depth(revs, r) for r in revs})


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves


print(hanoi(3, "A", "C", "B", []))
print(factorial(200) % 1000007)
