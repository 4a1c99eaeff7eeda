print(7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** 0.5)
print(10 / 5, 1e3, 1.0, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e16, 1e-4, 123456789012345678.0)
print(3 * 1.0, 7.0 // 2, 7.5 % 2, -7.5 // 2, int("010"), 0o17, 0xFF, 0b11, 1_000_000)
print(2 ** 64, -2 ** 2, (-2) ** 2, 10 ** 20 + 1, 99999999999 * 99999999999)
print(True + True, True * 3, False - 1, 5 + 0.0)
print(round(3.14159, 3), round(2.5), round(0.125, 2), round(7), round(7.0), round(-2.5))
print(float("nan") == float("nan"), 1e308 * 10, -1e308 * 10)
print(int(1e10), float(2 ** 53), 3.0 == 3, hash(3.0) == hash(3))
print(abs(-0.0), max(1, 2.0), min(1.0, 1), 5 // 2.0, divmod(7.5, 2))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
y = 7
y /= 2
print(y, type(y).__name__)
print(1.5.is_integer(), (3).bit_length(), 255 .to_bytes(2, "big"), (10).__add__(5))
print(f"{0.1 + 0.2!r} {1.1 * 3} {1e22} {1e21 / 10} {123.456e5}")
