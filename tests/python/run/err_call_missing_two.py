def alter_column(table_name, column_name, new_type):
    return table_name


alter_column("users")
