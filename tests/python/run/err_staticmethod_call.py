class Util:
    @classmethod
    def make(cls, value):
        return cls()


Util.make()
