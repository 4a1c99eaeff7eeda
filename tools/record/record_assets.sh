#!/usr/bin/env bash
# Records what the playground's `alembic` writes verbatim, from the oracle (Alembic 1.20.1):
#   src/command/help/<command>.txt   each `alembic <command> --help` page, and `alembic -h`
#   src/command/help/list_templates.txt
#   src/command/templates/<name>/    the files `alembic init -t <name>` writes, for every
#                                    template Alembic ships (alembic.ini and pyproject.toml
#                                    as the templates they are rendered from:
#                                    `${script_location}`)
# Usage: tools/record/record_assets.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.build/oracle-venv"
if ! "$venv/bin/alembic" --version 2>/dev/null | grep -qx 'alembic 1.20.1'; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$root/tools/record/requirements.txt"
fi
help="$root/src/command/help"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export COLUMNS=80
"$venv/bin/alembic" -h > "$help/alembic.txt"
for cmd in branches check current downgrade edit ensure_version heads history init \
           list_templates merge revision show stamp upgrade; do
  "$venv/bin/alembic" "$cmd" --help > "$help/$cmd.txt"
done
"$venv/bin/alembic" list_templates > "$help/list_templates.txt"
templates=$("$venv/bin/python" -c 'import alembic, os; print(os.path.join(os.path.dirname(alembic.__file__), "templates"))')
for name in generic async multidb pyproject pyproject_async; do
  out="$root/src/command/templates/$name"
  mkdir -p "$out"
  for f in README alembic.ini.mako env.py script.py.mako pyproject.toml.mako; do
    if [ -f "$templates/$name/$f" ]; then
      cp "$templates/$name/$f" "$out/$f"
    fi
  done
done
echo "recorded help pages and the templates into src/command/"
