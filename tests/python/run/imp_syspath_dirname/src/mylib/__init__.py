from mylib.util import slugify

__version__ = "0.1.0"
