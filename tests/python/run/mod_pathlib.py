from pathlib import Path

here = Path(__file__).parent
print(here, here.name, type(here).__name__ in ("PosixPath", "Path"))
p = Path(__file__)
print(p.name, p.stem, p.suffix, p.parent == here, p.exists(), p.is_file(), p.is_dir())
print(here / "app" / "models.py", (here / "app").joinpath("core", "config.py"))
print(Path("/a/b/c.tar.gz").suffix, Path("/a/b/c.tar.gz").stem, Path("/a/b/c.tar.gz").parent.parent)
print(Path("alembic.ini").resolve() == here / "alembic.ini", Path(".").resolve() == here)
print(Path("rel/x.py").absolute() == here / "rel" / "x.py")
print(str(here / "migrations").endswith("/run/migrations"), here.is_dir(), (here / "nope").exists())
print(Path("/a/b/../c").resolve(), Path("a") / "b" == Path("a/b"), Path("/") / "etc")
print(repr(Path("/x/y.py")), str(Path("x/y/")), Path("x", "y", "z"))
src = p.read_text()
print(src.splitlines()[0])
print(here.parent.name != "", Path("/").name == "")
