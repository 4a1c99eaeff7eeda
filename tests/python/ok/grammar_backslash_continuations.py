total = 1 + \
    2 + \
    3

if total > 1 and \
   total < 100:
    result = "ok"

with open(__file__) as f, \
     open(__file__) as g:
    pass

assert total == 6, \
    "total should be 6"

value = \
    42

long_name = "first" \
    "second"

def function(a,
             b): return a + \
    b

x = [1,
     2] \
    + [3]
