class Migration:
    def upgrade(self, op):
        return op


m = Migration()
m.upgrade("op", "extra")
