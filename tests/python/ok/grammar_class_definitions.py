import abc


class Empty:
    pass


class WithParens():
    ...


class Child(Empty):
    """A docstring."""


class Multi(Empty, WithParens, object):
    x = 1


class Meta(type):
    def __new__(mcs, name, bases, namespace, **kwargs):
        return super().__new__(mcs, name, bases, namespace)


class WithMeta(metaclass=Meta):
    pass


class Abstract(abc.ABC, metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def run(self):
        raise NotImplementedError


class Plugin:
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name


class MyPlugin(Plugin, name="mine"):
    pass


bases = (Empty,)
options = {"name": "dyn"}


class Dynamic(*bases, Plugin, **options):
    pass


class Outer:
    class Inner:
        class Innermost:
            value = "deep"

    def method(self):
        class Local:
            pass
        return Local


class OneLiner: x = 1; y = 2
