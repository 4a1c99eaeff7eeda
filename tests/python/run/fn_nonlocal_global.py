counter = 0
config = {"loaded": False}


def bump():
    global counter
    counter += 1
    return counter


def load():
    config["loaded"] = True


def define_late():
    global LATE
    LATE = "now defined"


bump()
bump()
load()
define_late()
print(counter, config, LATE)


def scope_test():
    def do_local():
        spam = "local spam"

    def do_nonlocal():
        nonlocal spam
        spam = "nonlocal spam"

    def do_global():
        global spam
        spam = "global spam"

    spam = "test spam"
    do_local()
    print("After local assignment:", spam)
    do_nonlocal()
    print("After nonlocal assignment:", spam)
    do_global()
    print("After global assignment:", spam)


scope_test()
print("In global scope:", spam)
x = 10


def shadow():
    x = 20
    return x


print(shadow(), x)
