def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        pass
    else:
        return "large"
    return "medium"


x = 5
if x:
    pass
if x > 1:
    y = 1
else:
    y = 2
if x: y = 3
if x: y = 4; z = 5
elif y: z = 6
else: z = 7
if (x > 1
        and y < 10):
    pass
if not x:
    if y:
        if z:
            pass
        else:
            pass
