"""Record golden transcripts for tests/scenarios/*.scn by running real Alembic.

A scenario is a list of terminal lines (`$ alembic upgrade head`); `#` lines are comments.
Each scenario runs in a fresh project folder; every line runs through an interactive bash
(`bash -i -c`) so shell messages read as they do at a prompt. The transcript is written next to
the scenario as NAME.golden, in the format tests/scenarios.rs reads:

    $ <line>
    1> <stdout line>       (a bare `1>` is an empty line)
    2> <stderr line>
    \\ no newline at end    (after the last line of a stream that did not end with one)
    ? <exit code>

The project folder's real path is written as /home/learner/fastapi_template, the path the
browser shows, and the home folder as /home/learner.
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "tests" / "scenarios"
VENV_BIN = pathlib.Path(sys.executable).parent
PROJECT = "/home/learner/fastapi_template"
HOME = "/home/learner"
# What bash -i says when it has no terminal; a prompt in a real terminal never shows them.
JOB_CONTROL_NOISE = (
    "bash: cannot set terminal process group",
    "bash: no job control in this shell",
)


def parse_scenario(path):
    lines = []
    for raw in path.read_text().splitlines():
        if raw.startswith("$ "):
            lines.append(raw[2:])
        elif raw.strip() and not raw.startswith("#"):
            raise SystemExit(f"{path}: cannot read line: {raw!r}")
    return lines


def stream_block(prefix, text):
    if not text:
        return []
    out = []
    body = text[:-1] if text.endswith("\n") else text
    for line in body.split("\n"):
        out.append(f"{prefix} {line}" if line else prefix)
    if not text.endswith("\n"):
        out.append("\\ no newline at end")
    return out


def normalize(text, project, home):
    venv = str(VENV_BIN.parent)
    return (
        text.replace(str(project), PROJECT)
        .replace(str(home), HOME)
        .replace(venv, "/home/learner/.venv")
    )


def record(path):
    home = pathlib.Path(tempfile.mkdtemp(prefix="alembic-oracle-")).resolve()
    project = home / "fastapi_template"
    project.mkdir()
    env = {
        "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "COLUMNS": "80",
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    out = [f"# Recorded from alembic 1.20.1 by tools/record/record.sh; do not edit."]
    state = home / ".shell-state"
    cwd = project
    try:
        for line in parse_scenario(path):
            # Each line is its own bash, so the trap carries `cd` and `export` to the next one,
            # as one terminal session would.
            script = f"trap 'pwd > {state}.cwd; env -0 > {state}.env' EXIT\n{line}"
            proc = subprocess.run(
                ["bash", "--norc", "--noprofile", "-i", "-c", script],
                cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
            )
            cwd = pathlib.Path((state.parent / (state.name + ".cwd")).read_text().strip())
            env = dict(
                item.split("=", 1)
                for item in (state.parent / (state.name + ".env")).read_text().split("\0")
                if "=" in item and not item.startswith(("_=", "SHLVL=", "PWD=", "OLDPWD="))
            )
            stderr = "".join(
                l for l in proc.stderr.splitlines(keepends=True)
                if not l.startswith(JOB_CONTROL_NOISE)
            )
            out.append(f"$ {line}")
            out += stream_block("1>", normalize(proc.stdout, project, home))
            out += stream_block("2>", normalize(stderr, project, home))
            out.append(f"? {proc.returncode}")
    finally:
        shutil.rmtree(home)
    path.with_suffix(".golden").write_text("\n".join(out) + "\n")
    print(f"recorded {path.relative_to(ROOT)}")


def main():
    paths = [pathlib.Path(p).resolve() for p in sys.argv[1:]] or sorted(SCENARIOS.rglob("*.scn"))
    for path in paths:
        record(path)


if __name__ == "__main__":
    main()
