identity = lambda x: x
constant = lambda: 42
add = lambda a, b=1: a + b
varargs = lambda *args: sum(args)
kwargs_only = lambda **kw: sorted(kw)
kw_only = lambda a, *, scale=2: a * scale
positional_only = lambda a, b, /, c: (a, b, c)
everything = lambda a, /, b=2, *args, c, d=4, **kw: (a, b, args, c, d, kw)
bare_star = lambda *, key: key
nested = lambda x: lambda y: x + y
conditional = lambda n: "even" if n % 2 == 0 else "odd"
tuple_body = lambda a, b: (b, a)
default_lambda = lambda f=lambda: None: f()
walrus_in_lambda = lambda: (y := 10)
keyed = sorted(["b", "A", "c"], key=lambda s: s.lower())
pairs = sorted({"x": 2, "y": 1}.items(), key=lambda kv: (kv[1], kv[0]), reverse=True)
