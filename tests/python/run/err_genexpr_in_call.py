sizes = ["3", "4", "five"]
total = sum(int(s) for s in sizes)
