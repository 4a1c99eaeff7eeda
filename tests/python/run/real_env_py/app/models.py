class MetaData:
    def __repr__(self):
        return "MetaData()"


class Base:
    metadata = MetaData()
