from typing import ClassVar, Optional

a = b = c = 1
x = y = [1, 2]
first, second = third, fourth = 1, 2
count: int
name: str = "kim"
maybe: Optional[int] = None
mapping: dict[str, list[int]] = {}
tuple_ann: tuple[int, ...] = (1, 2)
(parenthesized): int = 5
obj = type("O", (), {})()
obj.attr: int = 3
store = {}
store["key"]: str = "v"
union: int | None = None


class Config:
    debug: bool = False
    level: ClassVar[int] = 1
    name: str
    items: "list[str]" = []


def f() -> None:
    local: int = 0
    other: str
    local = local + 1
