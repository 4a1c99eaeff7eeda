import os

"a string statement"
42
...
None
os.getcwd()
os.path
[1, 2, 3]
{"k": "v"}
(1, 2)
1 + 2
not True
-1
x = 1
x
x if x else None
lambda: None
(yield_ := 5)
os.environ.get("HOME") or "/"
[i for i in range(2)]
f"{x}"
b"bytes"
