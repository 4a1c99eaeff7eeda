def scale(values, k):
    return values * k - 1


scale([1, 2], 2)
