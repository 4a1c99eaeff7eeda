raise ValueError("bad value", 42, None)
