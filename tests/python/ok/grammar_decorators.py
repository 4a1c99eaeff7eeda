import functools
from dataclasses import dataclass, field


def simple(fn):
    return fn


def with_args(*args, **kwargs):
    def wrap(fn):
        return fn
    return wrap


registry = {"hooks": [simple]}


@simple
def a():
    pass


@with_args(1, 2, key="value")
def b():
    pass


@functools.lru_cache(maxsize=None)
def c(n):
    return n


@functools.wraps(c)
@simple
@with_args()
def d():
    pass


@registry["hooks"][0]
def e():
    pass


@(lambda fn: fn)
def f():
    pass


@simple if True else with_args
def g():
    pass


@dataclass(frozen=True, order=True)
class Point:
    x: int = 0
    y: int = field(default=0, compare=False)

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    @norm.setter
    def norm(self, value):
        raise AttributeError("read-only")

    @staticmethod
    def origin():
        return Point()

    @classmethod
    def from_tuple(cls, t):
        return cls(*t)
