x, y, z, w = 0b1010, 0b0110, 0xF0, 7

b1 = x | y & z ^ w << 1
b2 = x | (y & z) ^ (w << 1)
b3 = (x | y) & (z ^ w) >> 2
b4 = x << 2 >> 1
b5 = ~x & 0xFF
b6 = x ^ y ^ z
b7 = x & y | z & w
b8 = x + y << z - w
b9 = x | y == z
b10 = 1 << 3 | 1 << 5
FLAGS = READ, WRITE, EXEC = 1 << 0, 1 << 1, 1 << 2
mode = READ | WRITE & ~EXEC
