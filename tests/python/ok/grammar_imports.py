"""Every import form of the subset."""
from __future__ import annotations

import os
import os.path
import sys, json
import xml.etree.ElementTree as ET
import collections.abc as cabc, typing as t
from os import path
from os import path as p, sep
from os.path import (
    join,
    dirname as dn,
    basename,
)
from typing import (Any, Dict,)
from collections import *
from . import sibling
from .models import User
from .. import parent
from ..pkg import (a, b as c,)
from ...deep.module import thing
from .sub.module import (x)
