#!/usr/bin/env bash
# Records golden transcripts from the oracle: real Alembic 1.20.1 and SQLAlchemy from PyPI, in a
# virtualenv under .build/. Usage: tools/record/record.sh [tests/scenarios/NAME.scn ...]
# (no arguments: every scenario). Tests never need Python; only recording does.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.build/oracle-venv"
if ! "$venv/bin/alembic" --version 2>/dev/null | grep -qx 'alembic 1.20.1'; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$root/tools/record/requirements.txt"
fi
lib=$(bash "$root/tools/record/oracle_sqlite.sh")
LD_LIBRARY_PATH="$lib" exec "$venv/bin/python" "$root/tools/record/record.py" "$@"
