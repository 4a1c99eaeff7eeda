import contextlib

if True: a = 1
if False: pass
else: a = 2
for i in range(3): a += i
while a > 100: a -= 1
with contextlib.suppress(Exception): a = 1 / 0
try: b = 1
except Exception: b = 2
def f(x): return x + 1
class C: pass
class D(C): value = f(1); other = 2
if a: b = 1; c = 2; d = 3
