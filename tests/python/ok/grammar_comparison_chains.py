a, b, c = 1, 2, 3
items = [1, 2]

c1 = a < b < c
c2 = a <= b <= c >= a
c3 = a == b != c
c4 = a is b
c5 = a is not None
c6 = a in items
c7 = a not in items
c8 = 0 < a < 10 and a not in items
c9 = a < b == c > a
c10 = (a < b) < c
c11 = a > b
c12 = not a < b
c13 = a is not b is not c
c14 = a + 1 < b * 2 <= c ** 2
c15 = [a] != items
