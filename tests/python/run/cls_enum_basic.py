import enum
from enum import Enum


class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    BANNED = "banned"


print(Status.ACTIVE)
print(repr(Status.BANNED))
print(Status.ACTIVE.name, Status.ACTIVE.value)
print([s.name for s in Status])
print([s.value for s in Status])
print(len(Status), list(Status)[1])
print(Status("inactive"), Status["BANNED"])
print(Status.ACTIVE is Status("active"), Status.ACTIVE == "active")
print(Status.ACTIVE == Status.ACTIVE, Status.ACTIVE != Status.BANNED)
print(isinstance(Status.ACTIVE, Status), type(Status.ACTIVE).__name__)
print(Status.ACTIVE in Status, f"{Status.INACTIVE.value}")
print(getattr(Status, "BANNED").value)
try:
    Status("deleted")
except ValueError as exc:
    print("ValueError:", exc)
try:
    Status["DELETED"]
except KeyError as exc:
    print("KeyError:", exc)

counts = {Status.ACTIVE: 3, Status.BANNED: 1}
for status, n in counts.items():
    print(status.name, n)


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1


print(Color.ALIAS is Color.RED, [c.name for c in Color])
print(Color(2).name, Color.RED.value + 10)
