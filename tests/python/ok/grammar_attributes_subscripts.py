import os.path

config = {"db": {"url": "sqlite://", "options": [1, 2, 3]}}

p = os.path.join("a", "b")
u = config["db"]["url"]
first = config["db"]["options"][0]
last = config["db"]["options"][-1]
upper = u.upper().strip().split(":")[0]
length = len(config["db"]["options"])
method = "".join
chained = " x ".strip().title().replace("X", "Y")[::-1]
nested = [[1, 2], [3, 4]][1][0]
attr_of_call = dict(a=1).keys
attr_of_literal = "abc".upper()
float_attr = 1.5.is_integer()
int_attr = (3).bit_length()
int_attr2 = 3 .bit_length()
sub_of_attr = os.environ["HOME"] if "HOME" in os.environ else None
config["db"]["url"] = "sqlite:///new.db"
config["db"]["options"][0] += 10
obj = type("Obj", (), {})()
obj.attr = 1
obj.attr += 1
