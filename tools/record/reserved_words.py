"""Write src/schema/reserved.rs: the words SQLAlchemy quotes as identifiers on SQLite and on
PostgreSQL, taken from the oracle's own identifier preparers (data, so they stay in step)."""

import pathlib

from sqlalchemy.dialects import postgresql, sqlite

ROOT = pathlib.Path(__file__).resolve().parents[2]


def words(dialect):
    return sorted(dialect.dialect().identifier_preparer.reserved_words)


def rust_list(name, items):
    body = "".join(f'    "{w}",\n' for w in items)
    return f"pub const {name}: &[&str] = &[\n{body}];\n"


out = (
    "//! The words SQLAlchemy 2.x quotes when they are used as names, per dialect (sorted, for\n"
    "//! binary search). Written by tools/record/reserved_words.py from the oracle; do not edit.\n\n"
    + rust_list("SQLITE", words(sqlite))
    + "\n"
    + rust_list("POSTGRESQL", words(postgresql))
)
(ROOT / "src" / "schema" / "reserved.rs").write_text(out)
