#!/usr/bin/env bash
# Records what real pip prints when the tutorial's first command, `pip install alembic`, runs in
# a virtualenv that has SQLAlchemy but not Alembic: the state the browser playground starts in.
# Writes tests/shell/pip_install_alembic.golden. Needs the package registry (PyPI); tests don't.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/.build/pip-venv"
rm -rf "$venv"
python3 -m venv "$venv"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CONSTRAINT="$root/tools/record/requirements.txt"
"$venv/bin/pip" install --quiet SQLAlchemy
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
# Download progress and the machine's own index settings are not what a learner's pip says.
(cd "$(mktemp -d)" && "$venv/bin/pip" install alembic 2>&1) \
  | grep -v -e '^Looking in ' -e '^  Downloading ' -e '^     ━' \
  | sed "s|$site|/home/learner/.venv/lib/python3.11/site-packages|g" \
  > "$root/tests/shell/pip_install_alembic.golden"
echo "recorded tests/shell/pip_install_alembic.golden"
