total = (
    1
    + 2
    - 3
)
condition = (
    total > 0
    and total < 10
    or total == -1
)
call = max(
    total,
    (
        5
    ),
)
chained = (
    "  text  "
    .strip()
    .upper()
    .replace("T", "t")
)
subscript = [1, 2, 3][
    0
]
tuple_in_parens = (1, 2,
                   3, 4)
generator = (
    x
    for x in range(3)
    if x
)
lambda_in_parens = (lambda: (
    1
))
nested_parens = ((((total))))
