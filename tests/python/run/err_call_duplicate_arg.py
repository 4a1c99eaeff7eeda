def column(name, type_, nullable=True):
    return name


column("id", "INTEGER", name="ident")
