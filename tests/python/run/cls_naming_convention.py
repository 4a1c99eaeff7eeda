NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class MetaData:
    def __init__(self, naming_convention=None, schema=None):
        self.naming_convention = dict(naming_convention or {})
        self.schema = schema
        self.tables = {}

    def name_for(self, kind, **values):
        template = self.naming_convention.get(kind)
        if template is None:
            return None
        return template % values


class Base:
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class OtherBase:
    metadata = MetaData()


m = Base.metadata
print(m.name_for("pk", table_name="users"))
print(m.name_for("uq", table_name="users", column_0_name="email"))
print(m.name_for("fk", table_name="posts", column_0_name="user_id", referred_table_name="users"))
print(m.name_for("ix", column_0_label="users_email"))
print(OtherBase.metadata.name_for("pk", table_name="users"))
print(sorted(m.naming_convention), len(m.naming_convention))
print(m.naming_convention is NAMING_CONVENTION, m.naming_convention == NAMING_CONVENTION)
for key in ("pk", "uq"):
    print(f"{key:>4}: {NAMING_CONVENTION[key]}")
