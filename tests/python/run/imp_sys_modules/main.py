import sys
import counter

counter.hit()
import counter as again
again.hit()
print(counter.hits, again is counter, sys.modules["counter"] is counter)
del sys.modules["counter"]
import counter as fresh
print(fresh.hits, fresh is counter, counter.hits)
print(__name__, counter.__name__)
