class Revision:
    registry = {}

    def __init__(self, rev, down=None):
        self.rev = rev
        self.down = down

    @classmethod
    def create(cls, rev, down=None):
        obj = cls(rev, down)
        cls.registry[rev] = obj
        return obj

    @classmethod
    def kind(cls):
        return cls.__name__.lower()

    @staticmethod
    def normalize(rev):
        return rev.strip().lower()[:12]

    def __repr__(self):
        return f"<{self.kind()} {self.rev} <- {self.down}>"


class MergeRevision(Revision):
    pass


r1 = Revision.create(Revision.normalize("  ABCDEF123456789 "))
r2 = MergeRevision.create("ff00", r1.rev)
print(r1, r2)
print(Revision.kind(), MergeRevision.kind(), r2.kind())
print(sorted(Revision.registry))
print(r1.normalize(" X "), Revision.normalize("YY"))
print(type(r2).__name__, isinstance(r2, Revision))
