config = {
    "databases": [
        {
            "name": "main",
            "options": {
                "pool": {"size": (5, [10, {"max": ((20,),)}])},
                "tags": [[["a"], ["b", ["c", ["d"]]]]],
            },
        },
    ],
}
value = config["databases"][0]["options"]["pool"]["size"][1][1]["max"][0][0]
call = dict(a=dict(b=dict(c=list((1, 2, [3, (4, {5})])))))
expr = ((((((1 + 2) * 3) - 4) / 5) ** 6) % 7)
lam = (lambda a: (lambda b: (lambda c: [a, b, c])))(1)(2)(3)
