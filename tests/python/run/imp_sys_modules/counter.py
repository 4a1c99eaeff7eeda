print("counter module executing")
hits = 0


def hit():
    global hits
    hits += 1
    return hits
