"""Benchmark `alembic upgrade head` over N generated linear revisions (BENCHMARKS.md).

For each N it builds a project (alembic init, a SQLite URL, N revisions each creating a table
and adding a column), then times, on a fresh database each time:

  alembic     real Alembic 1.20.1 (the oracle venv's `alembic` console script)
  playground  target/release/alembic-playground --dir DIR alembic upgrade head
  floor       SQLite running the same statements (`alembic upgrade head --sql`) in one
              transaction, through Python's sqlite3

Usage: .build/oracle-venv/bin/python tools/bench/upgrade.py [N ...]   (default 10 100 1000)
"""

import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
VENV_BIN = pathlib.Path(sys.executable).parent
PLAYGROUND = ROOT / "target" / "release" / "alembic-playground"

TEMPLATE = '''"""step {i}

Revision ID: {rev}
Revises: {down}
Create Date: 2026-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = {rev!r}
down_revision = {down_repr}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        't{i}',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=50), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.add_column('t{i}', sa.Column('extra', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_table('t{i}')
'''


def make_project(n):
    d = pathlib.Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    subprocess.run([VENV_BIN / "alembic", "init", "alembic"], cwd=d, check=True, capture_output=True)
    ini = d / "alembic.ini"
    ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"))
    versions = d / "alembic" / "versions"
    down = None
    for i in range(n):
        rev = f"{i:012x}"
        (versions / f"{rev}_step_{i}.py").write_text(
            TEMPLATE.format(i=i, rev=rev, down=down or "", down_repr=repr(down))
        )
        down = rev
    return d


def timed(fn, repeat):
    best = None
    for _ in range(repeat):
        t = fn()
        best = t if best is None else min(best, t)
    return best


def run(cmd, cwd):
    (cwd / "app.db").unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def floor(d):
    sql = subprocess.run(
        [VENV_BIN / "alembic", "upgrade", "head", "--sql"], cwd=d, check=True, capture_output=True, text=True
    ).stdout
    db = d / "floor.db"

    def once():
        db.unlink(missing_ok=True)
        start = time.perf_counter()
        conn = sqlite3.connect(db)
        conn.executescript("BEGIN;\n" + sql + "\nCOMMIT;")
        conn.close()
        return time.perf_counter() - start

    return once


def main(argv):
    sizes = [int(a) for a in argv] or [10, 100, 1000]
    print("| revisions | real Alembic | playground (native) | floor (SQLite, one transaction) | Alembic / playground | playground / floor |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        d = make_project(n)
        repeat = 3 if n <= 100 else 1
        alembic = timed(lambda: run([VENV_BIN / "alembic", "upgrade", "head"], d), repeat)
        ours = timed(lambda: run([PLAYGROUND, "--dir", d, "alembic", "upgrade", "head"], d), repeat)
        fl = timed(floor(d), repeat)
        print(f"| {n} | {alembic*1000:.0f} ms | {ours*1000:.0f} ms | {fl*1000:.1f} ms | {alembic/ours:.1f}x | {ours/fl:.1f}x |")
        shutil.rmtree(d)


if __name__ == "__main__":
    main(sys.argv[1:])
