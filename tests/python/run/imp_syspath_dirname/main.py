import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

import mylib
from mylib import slugify
from mylib.util import slugify as slug2

print(mylib.__version__, slugify("Add Users Table"), slug2 is slugify)
print(sys.path[0].endswith("/src"), os.path.basename(sys.path[0]))
