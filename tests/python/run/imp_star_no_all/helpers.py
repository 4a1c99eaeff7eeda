import os

PUBLIC = 1
_private = 2
__dunder = 3


def utility():
    return "utility"


def _internal():
    return "internal"
