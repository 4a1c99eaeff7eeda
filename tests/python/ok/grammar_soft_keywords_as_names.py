# match/case/type/_ are soft keywords: they are ordinary names here.
match = {"pattern": 1}
case = 2
_ = 3
type = "column type"
print = print


def match_user(match, case=None):
    return match, case


result = match["pattern"]
match.get("pattern")
case += 1
matches = [match for match in range(3)]
_, value = 1, 2
for _ in range(2):
    pass


class type_registry:
    match = None
    case = None


type_registry.match = match
