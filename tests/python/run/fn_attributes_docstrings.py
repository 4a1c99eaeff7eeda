def upgrade():
    """Add the users table."""
    return "upgrade"


def downgrade():
    return "downgrade"


upgrade.revision = "1a2b3c"
print(upgrade.__name__, upgrade.__doc__, downgrade.__doc__)
print(upgrade.revision, getattr(downgrade, "revision", None))


class Op:
    """Operations proxy."""

    def create_table(self, name, *cols):
        """Create a table."""
        return name


print(Op.__doc__, Op.create_table.__doc__, Op().create_table.__name__)
print(Op.create_table.__qualname__)
funcs = [upgrade, downgrade]
print([f.__name__ for f in funcs], [f() for f in funcs])
