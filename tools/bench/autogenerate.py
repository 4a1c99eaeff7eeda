"""Benchmark `alembic revision --autogenerate` against N model tables (BENCHMARKS.md).

For each N it builds a project (alembic init, a SQLite URL, a models module of N tables, each
with an indexed column and a foreign key to the one before, and env.py's target_metadata), then
times, against an empty database, generating the revision that creates all N tables:

  alembic     real Alembic 1.20.1 (the oracle venv's `alembic` console script)
  playground  target/release/alembic-playground --dir DIR alembic revision --autogenerate

The same project in the browser: `autogenerate_benchmark` in tests/web.rs.
Usage: .build/oracle-venv/bin/python tools/bench/autogenerate.py [N ...]  (default 10 100 500)
"""

import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
VENV_BIN = pathlib.Path(sys.executable).parent
PLAYGROUND = ROOT / "target" / "release" / "alembic-playground"


def models(n):
    out = [
        "from sqlalchemy import ForeignKey, Integer, String",
        "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column",
        "",
        "",
        "class Base(DeclarativeBase):",
        "    pass",
    ]
    for i in range(n):
        out += [
            "",
            "",
            f"class T{i}(Base):",
            f"    __tablename__ = 't{i}'",
            "    id: Mapped[int] = mapped_column(primary_key=True)",
            "    name: Mapped[str] = mapped_column(String(50), index=True)",
            "    value: Mapped[int | None] = mapped_column(Integer)",
        ]
        if i:
            out.append(f"    parent_id: Mapped[int | None] = mapped_column(ForeignKey('t{i - 1}.id'))")
    return "\n".join(out) + "\n"


def make_project(n):
    d = pathlib.Path(tempfile.mkdtemp(prefix=f"bench-ag-{n}-"))
    subprocess.run([VENV_BIN / "alembic", "init", "alembic"], cwd=d, check=True, capture_output=True)
    ini = d / "alembic.ini"
    ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"))
    (d / "models.py").write_text(models(n))
    env = d / "alembic" / "env.py"
    env.write_text(env.read_text().replace("target_metadata = None", "from models import Base\ntarget_metadata = Base.metadata"))
    return d


def run(cmd, d):
    for f in (d / "alembic" / "versions").glob("*.py"):
        f.unlink()
    (d / "app.db").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=d, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv):
    sizes = [int(a) for a in argv] or [10, 100, 500]
    print("| tables | real Alembic | playground (native) | Alembic / playground |")
    print("|---|---|---|---|")
    for n in sizes:
        d = make_project(n)
        repeat = 3
        alembic = min(run([VENV_BIN / "alembic", "revision", "--autogenerate", "-m", "bench"], d) for _ in range(repeat))
        ours = min(run([PLAYGROUND, "--dir", d, "alembic", "revision", "--autogenerate", "-m", "bench"], d) for _ in range(repeat))
        print(f"| {n} | {alembic*1000:.0f} ms | {ours*1000:.0f} ms | {alembic/ours:.1f}x |")
        shutil.rmtree(d)


if __name__ == "__main__":
    main(sys.argv[1:])
