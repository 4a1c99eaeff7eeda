import contextlib
import threading

lock = threading.Lock()

with open(__file__) as f:
    data = f.read()

with lock:
    pass

with open(__file__) as a, open(__file__) as b:
    pass

with (
    open(__file__) as first,
    open(__file__) as second,
):
    pass

with (open(__file__) as only):
    pass

with (open(__file__)) as wrapped:
    pass

with contextlib.suppress(KeyError), lock:
    {}["missing"]

with contextlib.nullcontext((1, 2)) as (x, y):
    pass

with contextlib.nullcontext([1]) as [z]:
    pass

holder = type("H", (), {})()
with contextlib.nullcontext(3) as holder.value:
    pass

with lock, contextlib.nullcontext() as n: pass

with (
    lock,
    contextlib.nullcontext(),
):
    pass
