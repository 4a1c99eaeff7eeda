"""Info module docstring."""
import os

NAME = __name__
FILE = os.path.basename(__file__)
DOC = __doc__


def where():
    return __name__
