#!/usr/bin/env bash
# Builds a shared libsqlite3.so.0 from the same SQLite 3.41.2 amalgamation and flags as
# tools/sqlite.sh, so the oracle's Python `sqlite3` runs the SQLite the playground links (the
# system one may be older or newer, and SQLite's messages change between versions).
# Prints the directory to put on LD_LIBRARY_PATH.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bash "$root/tools/sqlite.sh"
out="$root/.build/oracle-sqlite"
if [ ! -f "$out/libsqlite3.so.0" ] || [ "$out/libsqlite3.so.0" -ot "$root/.build/sqlite/VERSION" ]; then
  mkdir -p "$out"
  gcc -O2 -fPIC -shared -o "$out/libsqlite3.so.0" "$root/.build/sqlite/src/sqlite3.c" \
    -DSQLITE_THREADSAFE=1 -DSQLITE_USE_URI=1 -DSQLITE_ENABLE_MATH_FUNCTIONS \
    -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_COLUMN_METADATA \
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_OFFSET_SQL_FUNC -DSQLITE_OMIT_DEPRECATED \
    -Wl,-soname,libsqlite3.so.0 -lm
fi
echo "$out"
