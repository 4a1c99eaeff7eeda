items = [1, 2, 3, 4, 5]

for item in items:
    if item == 2:
        continue
    if item == 4:
        break
else:
    print("no break")

for i, item in enumerate(items, start=1):
    pass
else:
    pass

n = 10
while n > 0:
    n -= 1
    if n % 2:
        continue
    elif n == 4:
        break
else:
    print("loop finished")

while True:
    break

for x in range(3):
    for y in range(3):
        if x == y:
            continue
        break
    else:
        continue
    break

for _ in items: pass
while n < 3: n += 1
for ch in "사용자":
    print(ch)
