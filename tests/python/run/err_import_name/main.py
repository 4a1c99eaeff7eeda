from pkg.mod import Base, helper
print(Base.__name__, helper())
from pkg.mod import X
