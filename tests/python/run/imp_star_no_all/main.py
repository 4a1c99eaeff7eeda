from helpers import *

print(PUBLIC, utility())
print("_private" in globals(), "_internal" in globals(), "os" in globals())
print(sorted(n for n in globals() if not n.startswith("__")))
