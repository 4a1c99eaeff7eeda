class MetaData:
    def __init__(self):
        self.tables = {}

    def __repr__(self):
        return f"MetaData(tables={sorted(self.tables)})"


class Base:
    metadata = MetaData()

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.metadata.tables[cls.__tablename__] = cls
