class Column:
    def __init__(self, name, type_):
        self.name = name
        self.type = type_

    def compile(self):
        return f"{self.name} {self.type.upper()}"


class Table:
    def __init__(self, name, *columns):
        self.name = name
        self.columns = columns

    def create_sql(self):
        body = ", ".join(col.compile() for col in self.columns)
        return f"CREATE TABLE {self.name} ({body})"


print(Table("users", Column("id", "integer")).create_sql())
print(Table("posts", Column("id", "integer"), Column("title", None)).create_sql())
