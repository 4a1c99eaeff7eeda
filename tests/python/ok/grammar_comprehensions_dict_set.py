words = ["apple", "banana", "cherry", "avocado"]

lengths = {w: len(w) for w in words}
by_letter = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
inverted = {v: k for k, v in lengths.items() if v > 5}
first_letters = {w[0] for w in words}
nested = {(i, j) for i in range(3) for j in range(i)}
mixed = {k: {x for x in v} for k, v in {"a": [1, 1, 2]}.items()}
computed_keys = {f"{w}_len": len(w) for w in words}
default_dict = {name: None for name in ("id", "email", "이름")}
