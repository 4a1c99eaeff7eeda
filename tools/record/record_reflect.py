"""Record goldens for tests/schema/reflect/*.sql: what SQLAlchemy's inspector reads back.

Each fixture is SQL run on a fresh SQLite 3.41.2 database. For every table, in
`sqlite_master` order, NAME.golden lists what `sqlalchemy.inspect(engine)` returns: columns
(with the repr of the reflected type), the primary key, foreign keys, indexes, unique
constraints and CHECK constraints, in the order the inspector returns them.
"""

import pathlib
import sqlite3
import sys

import sqlalchemy as sa

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIR = ROOT / "tests" / "schema" / "reflect"


def record(path):
    engine = sa.create_engine("sqlite://")
    with engine.connect() as conn:
        conn.connection.dbapi_connection.executescript(path.read_text())
        insp = sa.inspect(conn)
        out = []
        for name in insp.get_table_names():
            out.append(f"-- table {name}")
            for c in insp.get_columns(name):
                out.append(
                    f"column {c['name']} {c['type']!r} nullable={c['nullable']} "
                    f"default={c['default']!r} primary_key={c['primary_key']}"
                )
            pk = insp.get_pk_constraint(name)
            out.append(f"pk name={pk['name']!r} columns={pk['constrained_columns']!r}")
            for fk in insp.get_foreign_keys(name):
                out.append(
                    f"fk name={fk['name']!r} columns={fk['constrained_columns']!r} "
                    f"referred={fk['referred_table']!r} {fk['referred_columns']!r} "
                    f"options={dict(sorted(fk['options'].items()))!r}"
                )
            for ix in insp.get_indexes(name):
                out.append(
                    f"index name={ix['name']!r} columns={ix['column_names']!r} "
                    f"unique={bool(ix['unique'])}"
                )
            for uq in insp.get_unique_constraints(name):
                out.append(f"unique name={uq['name']!r} columns={uq['column_names']!r}")
            for ck in insp.get_check_constraints(name):
                out.append(f"check name={ck['name']!r} sqltext={ck['sqltext']!r}")
    return out


def main(argv):
    assert sqlite3.sqlite_version == "3.41.2", sqlite3.sqlite_version
    paths = [pathlib.Path(p).resolve() for p in argv] or sorted(DIR.glob("*.sql"))
    for path in paths:
        golden = path.with_suffix(".golden")
        golden.write_text("\n".join(record(path)) + "\n")
        print(f"recorded {golden.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
