"""Record what CPython 3.11 prints when it runs each evaluator fixture.

    python3.11 tools/pyast/record_run.py

A fixture is tests/python/run/NAME.py (a script), or a folder tests/python/run/NAME/ whose
`main.py` is the script and whose other files are importable modules and packages. Each runs
as `python3 main.py` in a copy of the fixture placed at a temporary folder, with a clean
environment; the recording NAME.out holds stdout, stderr (tracebacks included) and the exit
code, in the `1>`/`2>`/`? N` format of the scenario goldens, with the temporary folder written
as /home/learner/run.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
RUN = ROOT / "tests" / "python" / "run"
PLACE = "/home/learner/run"


def block(prefix, text):
    if not text:
        return []
    body = text[:-1] if text.endswith("\n") else text
    out = [f"{prefix} {line}" if line else prefix for line in body.split("\n")]
    if not text.endswith("\n"):
        out.append("\\ no newline at end")
    return out


def record(fixture):
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="pyrun-")).resolve()
    work = tmp / "run"
    if fixture.is_dir():
        shutil.copytree(fixture, work, ignore=shutil.ignore_patterns("*.out", "__pycache__"))
        out_path = fixture.with_suffix(".out")
    else:
        work.mkdir()
        shutil.copy(fixture, work / "main.py")
        out_path = fixture.with_suffix(".out")
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "APP_ENV": "test"}
    proc = subprocess.run(
        [sys.executable, "main.py"],
        cwd=work, env=env, capture_output=True, text=True, timeout=60,
    )
    shutil.rmtree(tmp)
    fix = lambda s: s.replace(str(work), PLACE)
    lines = ["# Recorded from CPython 3.11 by tools/pyast/record_run.py; do not edit."]
    lines += block("1>", fix(proc.stdout))
    lines += block("2>", fix(proc.stderr))
    lines.append(f"? {proc.returncode}")
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    if sys.version_info[:2] != (3, 11):
        raise SystemExit("record with CPython 3.11")
    fixtures = sorted(p for p in RUN.iterdir() if p.suffix == ".py" or (p.is_dir() and (p / "main.py").exists()))
    for fixture in fixtures:
        record(fixture)
    print(f"recorded {len(fixtures)} run fixtures")


if __name__ == "__main__":
    main()
