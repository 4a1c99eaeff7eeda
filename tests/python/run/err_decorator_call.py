def logged(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def divide(a, b):
    return a / b


print(divide(1, 2))
divide(1, 0)
