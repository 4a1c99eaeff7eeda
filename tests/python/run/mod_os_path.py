import os
import os.path
from os.path import join, dirname

here = os.path.dirname(os.path.abspath(__file__))
print(here)
print(os.path.basename(__file__), __file__ == os.path.join(here, "main.py"))
print(join("a", "b", "c.py"), join("/abs", "/root", "x"), join("a/", "b"))
print(dirname("/a/b/c.py"), dirname("c.py") == "", os.path.basename("/a/b/"))
print(os.path.splitext("alembic.ini"), os.path.splitext("archive.tar.gz"), os.path.splitext("noext"))
print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath("a/b/.."))
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(here), os.path.exists(join(here, "nope")))
print(os.path.isdir(__file__), os.path.isfile(here))
print(os.getcwd() == here, os.path.abspath("x") == join(here, "x"))
print(os.path.realpath(join(here, "sub", "..", "main.py")) == __file__)
print(sorted(os.listdir(here)))
print(os.path.join(here, "migrations", "versions").replace(here, "<here>"))
