x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 < 3 < 2)
print("a" < "b" < "c", [1] == [1] != [2], None is None is not False)
print(1 == 1.0, "1" == 1, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(True == 1, False < True, (1, 2) == [1, 2], "abc" < "abd", "Z" < "a")
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"long list ({n} items)")
print([y for v in data if (y := v * 2) > 10])
lines = ["x=1", "", "y=2"]
while lines and (line := lines.pop(0)) is not None:
    if not line:
        continue
    print("line", line)
print(n, line)
env = {"APP_ENV": "test"}
if (mode := env.get("APP_ENV")) in ("test", "dev"):
    print("non-prod mode:", mode)
print(x if x > 3 else -x, "yes" if [] else "no", 0 or "" or None, 1 and "a" and [0])
print(None or "default", "" and "never", not None, not 0, not "x")
print(3 in [1, 2, 3] and "a" not in "bcd")
print(x is not None, type(x) is int, x in range(10))
