"""Module docstring.

With several lines, and "quotes".
"""


def single_line():
    """Return nothing."""


def multi_line():
    """Summary line.

    Details here.
    """
    return 1


def raw_docstring():
    r"""Raw docstring with \d backslashes."""


def single_quoted():
    'single-quoted docstring'
    pass


def not_a_docstring():
    x = 1
    """just a string expression"""
    return x


def bytes_first():
    b"bytes are not docstrings"


def fstring_first():
    f"f-strings are not docstrings {1}"


class Documented:
    """Class docstring."""

    attr = 1
    """Attribute docstring (just an expression)."""

    def method(self):
        '''Triple single quoted.'''


class ConcatDocstring:
    "implicitly " "concatenated"
