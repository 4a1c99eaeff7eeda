#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test:
#   1. native: the engine and the conformance scenarios (cargo test);
#   2. wasm: tests/web.rs in headless Chromium (wasm-bindgen-test-runner + chromedriver);
#   3. end-to-end: the release build of the site, driven in headless Chromium (node --test).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
eval "$(bash tools/setup.sh test)"

echo "== native tests"
cargo test --locked

echo "== export check (the exported .zip, run by real Alembic from PyPI)"
bash tools/export_check.sh

echo "== in-browser tests (wasm32, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --profile browser-test --target wasm32-unknown-unknown --test web

echo "== end-to-end tests (release build, headless Chromium)"
trunk build --release
node --test tests/e2e/
