def create_engine(url, echo=False):
    return url


create_engine("sqlite://", echo=True)
create_engine("sqlite://", ehco=True)
