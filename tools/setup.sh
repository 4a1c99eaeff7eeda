#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) the playground needs, and only what is
# missing, so a second run takes seconds. Usage: tools/setup.sh build|test
# Everything comes from the package registries this project may use: Debian's packages,
# crates.io, npm (see ../shared/reference/toolchain.md for the versions that work here).
# Prints `export PATH=...` lines for the caller to eval: the npm tools come first on PATH.
set -euo pipefail
mode=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"
log() { echo "setup: $*" >&2; }

# --- Debian packages: clang/llvm compile SQLite for wasm32; Chromium runs the browser tests.
apt_packages=()
command -v clang >/dev/null || apt_packages+=(clang)
command -v llvm-ar >/dev/null || apt_packages+=(llvm)
if [ "$mode" = test ]; then
  [ -x /usr/bin/chromium ] || apt_packages+=(chromium)
  [ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  log "installing ${apt_packages[*]} from Debian"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${apt_packages[@]}" >&2
fi

# --- Rust: the wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

# --- Trunk 0.21 (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  log "installing trunk 0.21 (about 8 minutes on 2 cores)"
  cargo install trunk --version "~0.21" --locked >&2
fi

# --- wasm-bindgen-cli at exactly the version Cargo.lock resolved. Not --locked: one of its
# locked dependencies is no longer on crates.io.
wbg=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg"; then
  log "installing wasm-bindgen-cli $wbg (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$wbg" >&2
fi
grep -q "^wasm_bindgen = \"$wbg\"$" Trunk.toml || {
  log "Trunk.toml's [tools] wasm_bindgen must be $wbg, the version in Cargo.lock"
  exit 1
}

# --- npm tools: wasm-opt (binaryen 132; Debian's 108 cannot read current rustc output),
# CodeMirror 6 and esbuild (the editor's bundle, built by Trunk's post-build hook) and
# playwright-core. `npm ci` only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# --- SQLite 3.41.2 for both builds.
bash tools/sqlite.sh

echo "export PATH=\"$root/node_modules/.bin:$cargo_bin:\$PATH\""
