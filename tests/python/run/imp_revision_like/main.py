import os
import sys

versions = os.path.join(os.path.dirname(__file__), "migrations", "versions")
sys.path.insert(0, versions)
import ae1027a6acf_add_users
import b1975ea83b712_add_posts as posts_rev

print(sorted(f for f in os.listdir(versions) if f.endswith(".py")))
revisions = {}
for module in (posts_rev, ae1027a6acf_add_users):
    revisions[module.revision] = module
    print(module.__name__, "->", module.revision, module.down_revision)

heads = [r for r in revisions if not any(m.down_revision == r for m in revisions.values())]
print("heads:", heads)
chain = []
rev = heads[0]
while rev is not None:
    chain.append(rev)
    rev = revisions[rev].down_revision
print("chain:", " -> ".join(reversed(chain)))
for rev in reversed(chain):
    mod = revisions[rev]
    print(rev, mod.upgrade(), mod.__doc__.splitlines()[0])
for rev in chain:
    print("down", rev, revisions[rev].downgrade())
