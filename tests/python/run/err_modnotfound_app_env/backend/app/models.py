class Base:
    metadata = "metadata"
