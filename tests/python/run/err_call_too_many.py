def drop_table(name, schema=None):
    return name


drop_table("users", "public", "extra")
