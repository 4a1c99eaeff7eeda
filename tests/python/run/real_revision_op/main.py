import op
import revision_1a2b as rev

print(rev.__doc__.strip().splitlines()[0], rev.revision, rev.down_revision)
rev.upgrade()
rev.downgrade()
for number, sql in enumerate(op.statements, 1):
    print(f"{number:02d}. {sql}")
