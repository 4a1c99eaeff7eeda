import re

data = [1, 5, 10, 15]
text = "id=42"

if (n := len(data)) > 3:
    print(f"list is too long ({n} elements)")

if m := re.match(r"id=(\d+)", text):
    user_id = int(m.group(1))

while (chunk := data.pop()) > 5:
    print(chunk)

filtered = [y for x in data if (y := x * 2) > 1]
total = sum(last := v for v in range(3))
values = {k: (v := k * 2) for k in range(3)}
print((z := 10), z)
result = [(w := 1), w + 1]
if any((hit := v) > 4 for v in [1, 5, 7]):
    print(hit)
def f(x=(default := 3)):
    return x
