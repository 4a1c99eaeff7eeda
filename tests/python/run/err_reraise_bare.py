def upgrade():
    raise NotImplementedError("upgrade() is not written yet")


try:
    upgrade()
except NotImplementedError:
    print("upgrade failed, re-raising")
    raise
