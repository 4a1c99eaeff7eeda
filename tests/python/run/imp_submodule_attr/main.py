import sys
import pkg

print(pkg.NAME, hasattr(pkg, "lazy"), "pkg.lazy" in sys.modules)
import pkg.lazy
print(hasattr(pkg, "lazy"), pkg.lazy.VALUE, "pkg.lazy" in sys.modules)
from pkg import other
print(other.VALUE, pkg.other is other, sys.modules["pkg.other"] is other)
print(sys.modules["pkg"] is pkg)
