"""Record CPython 3.11's view of the Python fixtures, for the parser conformance test.

    python3.11 tools/pyast/record.py

- tests/python/ok/NAME.py  -> NAME.ast: CPython's `ast` in the canonical dump below.
- tests/python/err/NAME.py -> NAME.err: the SyntaxError block exactly as the interpreter's
  own error printer writes it for an uncaught error (`sys.__excepthook__`, which is what a
  learner sees when Alembic dies on a broken file), compiled from inside the fixture folder so
  that compiler errors find their source line; the file is named `NAME.py`.

The canonical dump is the contract with src/python/dump.rs. One line per top-level
statement; each node is `Type@L:C-L:C(field=value, ...)` with CPython's positions (1-based
lines, UTF-8 byte columns) on statements and expressions, except inside f-strings, where 3.11's
positions are not meaningful. The fields `ctx`, `kind` and `type_comment` are left out.
Constants: None/True/False/..., ints in decimal, floats and complex as repr(), strings as JSON,
bytes as `b` + the JSON of their Latin-1 decoding.
"""

import ast
import io
import json
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "python"
SKIPPED_FIELDS = {"ctx", "kind", "type_comment"}


def constant(value):
    if value is None or value is True or value is False:
        return repr(value)
    if value is Ellipsis:
        return "..."
    if isinstance(value, (int, float, complex)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, bytes):
        return "b" + json.dumps(value.decode("latin-1"))
    raise TypeError(f"unexpected constant {value!r}")


def dump(node, in_fstring=False):
    if isinstance(node, list):
        return "[" + ", ".join(dump(item, in_fstring) for item in node) + "]"
    if not isinstance(node, ast.AST):
        return constant(node)
    name = type(node).__name__
    pos = ""
    if isinstance(node, (ast.stmt, ast.expr)) and not in_fstring:
        pos = f"@{node.lineno}:{node.col_offset}-{node.end_lineno}:{node.end_col_offset}"
    inner = in_fstring or isinstance(node, ast.JoinedStr)
    fields = [
        f"{field}={dump(getattr(node, field), inner)}"
        for field in node._fields
        if field not in SKIPPED_FIELDS
    ]
    return f"{name}{pos}(" + ", ".join(fields) + ")"


def dump_module(source):
    # compile() as well as parse(): a file CPython's compiler rejects is not an ok fixture.
    compile(source, "<fixture>", "exec")
    tree = ast.parse(source)
    return "".join(dump(stmt) + "\n" for stmt in tree.body)


def syntax_error(path, source):
    cwd = os.getcwd()
    os.chdir(path.parent)
    try:
        compile(source, path.name, "exec")
    except SyntaxError as err:
        captured = io.StringIO()
        stderr, sys.stderr = sys.stderr, captured
        try:
            sys.__excepthook__(type(err), err.with_traceback(None), None)
        finally:
            sys.stderr = stderr
        return captured.getvalue()
    finally:
        os.chdir(cwd)
    raise SystemExit(f"{path} compiles: it belongs in tests/python/ok/")


def main():
    if sys.version_info[:2] != (3, 11):
        raise SystemExit("record with CPython 3.11: its messages are the ones the playground shows")
    for path in sorted((FIXTURES / "ok").glob("*.py")):
        path.with_suffix(".ast").write_text(dump_module(path.read_text(encoding="utf-8")), encoding="utf-8")
    for path in sorted((FIXTURES / "err").glob("*.py")):
        path.with_suffix(".err").write_text(syntax_error(path, path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"recorded {len(list((FIXTURES / 'ok').glob('*.py')))} ok and "
          f"{len(list((FIXTURES / 'err').glob('*.py')))} err fixtures")


if __name__ == "__main__":
    main()
