revisions = [3, "head", 1]
print(sorted(revisions))
