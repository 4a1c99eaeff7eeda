def render(rev, down):
    return (
        "Revision ID: " + rev + "\n"
        + "Revises: " + down
    )


print(render("a1", "b2"))
print(render("a1", None))
