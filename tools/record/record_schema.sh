#!/usr/bin/env bash
# Records the schema goldens (tests/schema/) with real SQLAlchemy and Alembic on SQLite 3.41.2.
# Usage: tools/record/record_schema.sh [FILE ...] (models/*.py, ops/*.py, batch/*.py,
# reflect/*.sql; no arguments: all of them).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.build/oracle-venv"
if ! "$venv/bin/alembic" --version 2>/dev/null | grep -qx 'alembic 1.20.1'; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$root/tools/record/requirements.txt"
fi
lib=$(bash "$root/tools/record/oracle_sqlite.sh")
models=(); ops=(); reflect=()
for f in "$@"; do
  case "$f" in
    *schema/models/*) models+=("$f") ;;
    *schema/reflect/*) reflect+=("$f") ;;
    *) ops+=("$f") ;;
  esac
done
if [ $# -eq 0 ] || [ ${#models[@]} -gt 0 ]; then
  LD_LIBRARY_PATH="$lib" "$venv/bin/python" "$root/tools/record/record_schema.py" "${models[@]}"
fi
if [ $# -eq 0 ] || [ ${#reflect[@]} -gt 0 ]; then
  LD_LIBRARY_PATH="$lib" "$venv/bin/python" "$root/tools/record/record_reflect.py" "${reflect[@]}"
fi
if [ $# -eq 0 ] || [ ${#ops[@]} -gt 0 ]; then
  LD_LIBRARY_PATH="$lib" "$venv/bin/python" "$root/tools/record/record_ops.py" "${ops[@]}"
fi
