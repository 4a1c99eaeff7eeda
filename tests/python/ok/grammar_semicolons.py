import os; import sys
a = 1; b = 2; c = a + b
x = 0;
if a: a += 1; b += 1
for i in range(2): a += i; b -= i
while False: pass; pass
def f(): x = 1; return x
class K: a = 1; b = 2;
print(a); print(b);
