#!/usr/bin/env bash
# Proves that the playground's .zip export works with real Alembic on a real machine: the
# engine runs the tutorial to its finished state and exports it (tests/workspace.rs writes
# target/export-check/tutorial.zip and the playground's schema), then this script unpacks it
# with Python's zipfile, removes app.db so the migrations must rebuild it, and in a fresh
# virtualenv runs exactly what a learner would:
#   pip install -r requirements.txt && alembic upgrade head
# with every package from PyPI. It fails unless sqlite_master and alembic_version match.
#
# With a ZIP argument (the end-to-end test passes the .zip the page downloaded), that zip is
# checked instead, against the schema of the app.db inside it: the page's own database.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
  zip=$(realpath "$1")
  out="$work/out"
  mkdir -p "$out"
else
  out="$root/target/export-check"
  rm -rf "$out"
  cargo test --locked -q --test workspace export_writes_a_project_zip_for_real_alembic >/dev/null
  zip="$out/tutorial.zip"
fi
python3 - "$zip" "$work" <<'EOF'
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])
EOF
project="$work/fastapi_template"
# The schema and revision a database holds, in the form tests/workspace.rs writes.
cat > "$work/schema.py" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name"):
    print("\t".join(row))
for (v,) in db.execute("SELECT version_num FROM alembic_version"):
    print(v)
EOF
if [ $# -ge 1 ]; then
  python3 "$work/schema.py" "$project/app.db" > "$out/playground_schema.txt"
fi
rm -f "$project/app.db"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$project/requirements.txt"
(cd "$project" && "$work/venv/bin/alembic" upgrade head)
"$work/venv/bin/python" "$work/schema.py" "$project/app.db" > "$out/alembic_schema.txt"
if diff -u "$out/playground_schema.txt" "$out/alembic_schema.txt"; then
  echo "export check: real $("$work/venv/bin/alembic" --version) rebuilt the playground's schema from the exported zip"
else
  echo "export check: the schema real Alembic built differs from the playground's (diff above)" >&2
  exit 1
fi
