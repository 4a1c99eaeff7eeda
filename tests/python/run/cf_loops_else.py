revisions = ["a1", "b2", "c3"]
for rev in revisions:
    if rev == "b2":
        print("found", rev)
        break
else:
    print("not found")

for rev in revisions:
    if rev == "zz":
        break
else:
    print("loop finished without break")

n = 0
while n < 3:
    n += 1
else:
    print("while else", n)

n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)

for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()

for item in []:
    print("never")
else:
    print("empty loop else")

count = 0
while count < 10:
    count += 3
    if count == 9:
        break
else:
    print("not printed")
print("count", count)

for i in range(3):
    pass
print("i after loop", i)
print("a", "b", sep="-", end="!\n")
print()
print("x", end="")
print("y")
