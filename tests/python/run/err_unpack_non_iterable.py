def get_pair():
    return None


a, b = get_pair()
