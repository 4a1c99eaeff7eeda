def configure(url, *, literal_binds=False):
    return url


configure("sqlite://", True)
