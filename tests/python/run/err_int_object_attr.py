count = 5
count.append(6)
