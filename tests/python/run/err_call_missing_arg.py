def create_table(name, *columns, schema=None):
    return name


def add_column(table_name, column, nullable=True):
    return f"{table_name}.{column}"


print(create_table("users", "id"))
add_column("users")
