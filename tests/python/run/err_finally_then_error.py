def run():
    try:
        print("starting")
        return {}["k"]
    finally:
        print("cleanup in finally")


run()
