a = b = c = d = 1

r1 = not a == b
r2 = not a is b
r3 = not a in [b]
r4 = a and b or c
r5 = a or b and c
r6 = not a and not b
r7 = not not a
r8 = a or not b and c or d
r9 = (a or b) and (c or d)
r10 = a and (b or c) and d
r11 = not (a and b)
r12 = a == b and c != d or a < b
r13 = a if not b else not c
