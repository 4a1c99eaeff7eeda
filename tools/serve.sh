#!/usr/bin/env bash
# The README's serve command: installs what is missing, then serves the playground's release
# build at http://127.0.0.1:8080 (rebuilding when sources change).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
eval "$(bash tools/setup.sh build)"
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080
