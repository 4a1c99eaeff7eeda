d = {"a": 1}
key = ""
d[key]
