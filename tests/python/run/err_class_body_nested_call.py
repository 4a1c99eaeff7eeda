def column(type_name, **kw):
    if type_name not in ("INTEGER", "TEXT"):
        raise ValueError(f"unknown type {type_name}")
    return (type_name, kw)


class User:
    id = column("INTEGER", primary_key=True)
    name = column("VARCHAR")
