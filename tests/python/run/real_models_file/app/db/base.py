from typing import Any, Dict, Optional

NAMING_CONVENTION: Dict[str, str] = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
}


class Column:
    _counter = 0

    def __init__(self, type_: str, *, primary_key: bool = False, nullable: Optional[bool] = None,
                 unique: bool = False, foreign_key: Optional[str] = None, default: Any = None):
        Column._counter += 1
        self.order = Column._counter
        self.type = type_
        self.primary_key = primary_key
        self.nullable = (not primary_key) if nullable is None else nullable
        self.unique = unique
        self.foreign_key = foreign_key
        self.default = default
        self.name = None

    def ddl(self) -> str:
        parts = [self.name, self.type]
        if not self.nullable:
            parts.append("NOT NULL")
        if self.default is not None:
            parts.append(f"DEFAULT {self.default!r}")
        return " ".join(parts)


class MetaData:
    def __init__(self, naming_convention=None):
        self.naming_convention = naming_convention or {}
        self.tables = {}

    def sorted_tables(self):
        done, order = set(), []

        def visit(name):
            if name in done:
                return
            done.add(name)
            for col in self.tables[name].columns:
                if col.foreign_key:
                    visit(col.foreign_key.split(".")[0])
            order.append(name)

        for name in sorted(self.tables):
            visit(name)
        return order


metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Table:
    def __init__(self, name, columns):
        self.name = name
        self.columns = sorted(columns, key=lambda c: c.order)

    def constraints(self):
        conv = metadata.naming_convention
        out = []
        pk = [c.name for c in self.columns if c.primary_key]
        if pk:
            out.append(conv["pk"] % {"table_name": self.name})
        for c in self.columns:
            if c.unique:
                out.append(conv["uq"] % {"table_name": self.name, "column_0_name": c.name})
            if c.foreign_key:
                out.append(conv["fk"] % {"table_name": self.name, "column_0_name": c.name,
                                         "referred_table_name": c.foreign_key.split(".")[0]})
        return out


class Base:
    metadata = metadata

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cols = []
        for klass in reversed(cls.__mro__):
            for key, value in vars(klass).items():
                if isinstance(value, Column):
                    value.name = value.name or key
                    cols.append(value)
        if "__tablename__" in cls.__dict__:
            cls.__table__ = Table(cls.__tablename__, cols)
            cls.metadata.tables[cls.__tablename__] = cls.__table__

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            if not hasattr(type(self), key):
                raise TypeError(f"{key!r} is an invalid keyword argument for {type(self).__name__}")
            setattr(self, key, value)

    def __repr__(self):
        pk = [c.name for c in self.__table__.columns if c.primary_key]
        values = ", ".join(f"{n}={getattr(self, n, None)!r}" for n in pk)
        return f"<{type(self).__name__} {values}>"
