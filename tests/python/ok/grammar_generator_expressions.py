data = [3, 1, 4, 1, 5, 9, 2, 6]

total = sum(x for x in data)
total_sq = sum(x * x for x in data if x % 2)
has_big = any(x > 5 for x in data)
all_pos = all(x > 0 for x in data)
gen = (x for x in data)
pairs = dict((str(i), i) for i in range(3))
joined = ", ".join(str(x) for x in sorted(set(data)))
maximum = max((x for x in data if x < 5), default=None)
nested = list(y for x in [[1, 2], [3]] for y in x)
first = next((x for x in data if x > 4), None)
tuple_of = tuple(c.upper() for c in "abc")
sorted_pairs = sorted(((v, k) for k, v in enumerate(data)), reverse=True)
