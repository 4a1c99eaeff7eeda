from typing import ClassVar, List, Optional


class UserSchema:
    id: int
    name: str
    email: Optional[str] = None
    tags: List[str] = []
    table: ClassVar[str] = "users"

    def __init__(self, **data):
        for field in self.__annotations__:
            if field in data:
                setattr(self, field, data[field])


print(list(UserSchema.__annotations__))
print(UserSchema.email, UserSchema.table, UserSchema.tags)
print(hasattr(UserSchema, "id"), hasattr(UserSchema, "email"))
u = UserSchema(id=1, name="ann", unknown=True)
print(u.id, u.name, u.email, hasattr(u, "unknown"))

count: int = 0
label: str
print(__annotations__["count"].__name__, "label" in __annotations__, count)
try:
    print(label)
except NameError as exc:
    print("NameError:", exc)
