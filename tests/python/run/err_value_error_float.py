values = ["1.5", "2", "n/a"]
print(sum(float(v) for v in values))
