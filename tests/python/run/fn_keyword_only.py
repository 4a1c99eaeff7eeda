def create_engine(url, *, echo=False, future=True):
    return (url, echo, future)


def run_migrations(*, url, target_metadata=None, literal_binds=False):
    return f"url={url} metadata={target_metadata} literal={literal_binds}"


def ratio(a, b, /, precision=2):
    return round(a / b, precision)


def mixed(a, b=2, /, c=3, *, d, e=5, **rest):
    return a, b, c, d, e, rest


print(create_engine("sqlite://", echo=True))
print(run_migrations(url="sqlite:///x.db", literal_binds=True))
print(ratio(1, 3), ratio(2, 3, precision=4), ratio(2, 3, 1))
print(mixed(1, d=4))
print(mixed(1, 20, 30, d=40, e=50, f=60))
print(mixed(1, c=9, d=8, a=7))
