from __future__ import annotations

from typing import Optional


class Point:
    x: int
    y: Optional["Point"] = None
    tags: list[str]


def move(p: Point, dx: int = 1) -> Point | None:
    return p


print(Point.__annotations__)
print(move.__annotations__)
print(annotations)
