from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, List, Literal, Optional, Sequence, Set, Tuple, Type, TypeVar, Union, cast

if TYPE_CHECKING:
    from app.models import User

T = TypeVar("T")
Handler = Callable[[str], None]


class Repository:
    model: ClassVar[str] = "user"
    items: Dict[int, "User"]

    def __init__(self) -> None:
        self.items = {}

    def add(self, key: int, obj: Any) -> Optional[Any]:
        previous = self.items.get(key)
        self.items[key] = obj
        return previous

    def keys(self) -> List[int]:
        return sorted(self.items)


def first(seq: Sequence[T], default: Optional[T] = None) -> Optional[T]:
    return seq[0] if seq else default


def mode(m: Literal["online", "offline"] = "online") -> str:
    return m


def names(xs: Union[List[str], Tuple[str, ...]], seen: Set[str] = None) -> Tuple[str, ...]:
    return tuple(xs)


r = Repository()
print(r.add(2, "b"), r.add(1, "a"), r.add(2, "B"), r.keys())
print(first([3, 2]), first([], "none"), mode(), mode("offline"), names(["x", "y"]))
print(cast(int, "not really an int"), cast("str", 5))
print(TYPE_CHECKING, Repository.model)
print(first.__annotations__["return"] is not None, list(mode.__annotations__))
kinds: Type[Repository] = Repository
print(kinds.__name__)
