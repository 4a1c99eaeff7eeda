first = [1, 2]
second = (3, 4)

combined = *first, *second
as_list = [*first, *second]
for value in *first, 5:
    pass
print(*first, *second, sep=",")
head, *tail = combined


def gather(*args, **kwargs):
    return (*args, *kwargs)


def spread():
    return *first, *second


merged = {**{"a": 1}, **dict(b=2)}
chars = {*"abc", *"cde"}
