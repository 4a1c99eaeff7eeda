class Storage:
    def save(self, obj):
        raise NotImplementedError


class Memory(Storage):
    pass


Memory().save("x")
