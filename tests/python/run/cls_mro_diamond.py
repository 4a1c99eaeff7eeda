class Base:
    def hello(self):
        return ["Base"]


class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()


class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()


class Child(Left, Right):
    def hello(self):
        return ["Child"] + super().hello()


print(Child().hello())
print([k.__name__ for k in Child.__mro__])
print([k.__name__ for k in Child.mro()])


class A:
    x = "A"


class B(A):
    pass


class C(A):
    x = "C"


class D(B, C):
    pass


print(D.x, D().x)
print([k.__name__ for k in D.__mro__])

try:
    class Bad(A, B):
        pass
except TypeError as exc:
    print("TypeError:", exc)
