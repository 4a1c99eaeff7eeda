#!/usr/bin/env bash
# Builds the one SQLite both builds use: 3.41.2, the version learners' Python ships (pre-3.53, so
# `ALTER TABLE ... ALTER COLUMN` fails with `near "ALTER": syntax error` as the tutorial expects).
# The amalgamation comes from crates.io (libsqlite3-sys 0.26.0 carries it), never vendored.
# Output, read by .cargo/config.toml:
#   .build/sqlite/src/      sqlite3.c + headers   -> SQLITE_WASM_RS_SOURCE_DIR (wasm32 build)
#   .build/sqlite/lib/      libsqlite3.a          -> SQLITE3_LIB_DIR (native build, static)
#   .build/sqlite/include/  sqlite3.h             -> SQLITE3_INCLUDE_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.build/sqlite"
version=3.41.2

if [ -f "$out/lib/libsqlite3.a" ] && [ "$(cat "$out/VERSION" 2>/dev/null)" = "$version" ]; then
  exit 0
fi

manifest=$(cargo metadata --format-version 1 --manifest-path "$root/tools/sqlite-src/Cargo.toml" \
  | grep -o '"manifest_path":"[^"]*libsqlite3-sys-0\.26\.0/Cargo\.toml"' | head -n 1 | cut -d'"' -f4)
src="$(dirname "$manifest")/sqlite3"
if [ ! -f "$src/sqlite3.c" ]; then
  echo "tools/sqlite.sh: could not find the SQLite amalgamation in libsqlite3-sys 0.26.0 ($src)" >&2
  exit 1
fi
grep -q "#define SQLITE_VERSION *\"$version\"" "$src/sqlite3.h" || {
  echo "tools/sqlite.sh: $src/sqlite3.h is not SQLite $version" >&2
  exit 1
}

rm -rf "$out"
mkdir -p "$out/src" "$out/lib" "$out/include"
cp "$src/sqlite3.c" "$src/sqlite3.h" "$src/sqlite3ext.h" "$out/src/"
cp "$src/sqlite3.h" "$src/sqlite3ext.h" "$out/include/"

# Native compile: the features that change SQL behaviour match sqlite-wasm-rs's wasm32 flags
# (math functions, FTS5, R*Tree, column metadata, URIs), so both builds answer SQL alike.
echo "tools/sqlite.sh: compiling SQLite $version for the native build" >&2
gcc -O2 -fPIC -c "$out/src/sqlite3.c" -o "$out/lib/sqlite3.o" \
  -DSQLITE_THREADSAFE=1 -DSQLITE_USE_URI=1 -DSQLITE_ENABLE_MATH_FUNCTIONS \
  -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_COLUMN_METADATA \
  -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_OFFSET_SQL_FUNC -DSQLITE_OMIT_DEPRECATED
ar rcs "$out/lib/libsqlite3.a" "$out/lib/sqlite3.o"
rm "$out/lib/sqlite3.o"
echo "$version" > "$out/VERSION"
