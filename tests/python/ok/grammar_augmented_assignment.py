x = 10
y = 3
m = [[1]]
s = "a"
flags = 0b1111

x += 1
x -= 2
x *= 3
x /= 4
x //= 2
x %= 7
x **= 2
x = int(x)
x <<= 1
x >>= 1
flags &= 0b1010
flags |= 0b0001
flags ^= 0b0100
s += "b" * 2
m[0][0] += 5
m[0] += [2]


class Counter:
    total = 0


Counter.total += 1
Counter.total -= 1
try:
    m @= m
except TypeError:
    pass
