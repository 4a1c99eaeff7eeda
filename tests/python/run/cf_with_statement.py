class Transaction:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"BEGIN {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print(f"COMMIT {self.name}")
        else:
            print(f"ROLLBACK {self.name}: {exc_type.__name__}: {exc}")
        return self.suppress


with Transaction("t1") as tx:
    print("inside", tx.name)

with Transaction("t2", suppress=True):
    raise ValueError("boom")
print("after suppressed")

try:
    with Transaction("t3"):
        raise KeyError("id")
except KeyError as exc:
    print("propagated", repr(exc))

with Transaction("outer") as a, Transaction("inner") as b:
    print("both", a.name, b.name)


def early():
    with Transaction("t4"):
        return "returned"


print(early())

for i in range(3):
    with Transaction(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)


class Resource:
    def __enter__(self):
        return "resource-value"

    def __exit__(self, *args):
        print("exit args are None:", all(a is None for a in args))


with Resource() as value:
    print(value)
