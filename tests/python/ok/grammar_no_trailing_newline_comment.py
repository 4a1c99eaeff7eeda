def f():
    return 1
# trailing comment, no newline