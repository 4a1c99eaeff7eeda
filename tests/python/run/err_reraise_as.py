def step():
    return {}["missing"]


try:
    step()
except KeyError as exc:
    print("caught", repr(exc))
    raise exc
