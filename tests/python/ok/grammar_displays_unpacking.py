a = [1, 2]
b = (3, 4)
d1 = {"x": 1}
d2 = {"y": 2}

empty_list = []
empty_dict = {}
empty_tuple = ()
empty_set = set()
single_tuple = (1,)
bare_tuple = 1, 2, 3
trailing = [1, 2, 3,]
merged_list = [*a, *b]
merged_list2 = [0, *a, 5, *b, 9]
merged_tuple = (*a, *b)
merged_set = {*a, *b}
set_display = {1, 2, 3}
merged_dict = {**d1, **d2}
merged_dict2 = {**d1, "z": 3, **d2, "x": 0}
nested = {"list": [1, {"k": (2, 3)}], "set": {4}, "tuple": ()}
star_tuple = *a, *b
star_tuple2 = *a,
dict_with_exprs = {1 + 1: "two", "a" "b": [x for x in a], (1, 2): None}
multiline = {
    "name": "value",
    "other": [
        1,
        2,
    ],
}
for item in *a, *b:
    pass
