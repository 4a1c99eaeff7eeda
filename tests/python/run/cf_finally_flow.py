def f():
    try:
        return "try"
    finally:
        print("finally runs before return")


def g():
    try:
        return "try"
    finally:
        return "finally wins"


def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return i


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(f())
print(g())
print(h())
print(swallow())
log = []
try:
    try:
        log.append("try")
        raise RuntimeError("x")
    finally:
        log.append("finally")
except RuntimeError:
    log.append("except")
print(log)
