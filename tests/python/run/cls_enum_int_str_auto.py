from enum import Enum, IntEnum, StrEnum, auto


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


class Role(StrEnum):
    ADMIN = auto()
    EDITOR = auto()
    VIEWER = "view-only"


class Step(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = auto()


print(Priority.HIGH > Priority.LOW, Priority.MEDIUM == 2, Priority.HIGH + 1)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]))
print(int(Priority.MEDIUM), Priority(3).name)
print(Role.ADMIN, Role.ADMIN.value, Role.VIEWER == "view-only")
print(repr(Role.EDITOR), Role.EDITOR.upper())
print(f"role={Role.ADMIN}", "x-" + Role.VIEWER)
print([s.value for s in Step], Step.SECOND.name)
print(repr(Step.THIRD))
print(max(Priority).name, min(Priority, key=lambda p: -p.value).name)
