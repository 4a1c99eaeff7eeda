totals = {"users": 3, "posts": None}
count = 0
for table, n in totals.items():
    count += n
