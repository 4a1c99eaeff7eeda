"""Record golden transcripts for tests/scenarios/*.scn by running real Alembic.

A scenario is a list of steps; `#` lines are comments. A step is a terminal line
(`$ alembic upgrade head`) or a file edit, as a learner makes it in the editor:

    @ setup fastapi_template    copy the starting project (src/project/<name>) in
    @ write PATH                replace PATH with the `| `-prefixed lines that follow
    @ replace PATH              replace the `- ` lines that follow with the `+ ` lines
Each scenario runs in a fresh project folder; every line runs through an interactive bash
(`bash -i -c`) so shell messages read as they do at a prompt. The transcript is written next to
the scenario as NAME.golden, in the format tests/scenarios.rs reads:

    $ <line>
    1> <stdout line>       (a bare `1>` is an empty line)
    2> <stderr line>
    \\ no newline at end    (after the last line of a stream that did not end with one)
    ? <exit code>
    = rev <id> / = date <d>  the revision ids and dates Alembic generated in this step
    = file PATH              a file the step created or changed, then its `|` lines
    = deleted PATH           a file the step removed
    = db PATH                a SQLite file the step changed: `sqlite_master` and the rows

The project folder's real path is written as /home/learner/fastapi_template, the path the
browser shows, and the home folder as /home/learner.

pip runs with no index, as the playground's does, except for a `pip install` that names only
drivers the playground has built in (drivers.txt): that line reaches PyPI, at the pinned
versions, and what its downloads print (sizes, speeds, progress bars) is left out, as the
playground prints a `playground:` note there. A scenario that runs `pip install` gets its own
copy of the oracle's virtualenv (venvcopy.py), so what it installs is gone afterwards.
"""

import os
import pathlib
import re
import sqlite3
import sysconfig
import shutil
import subprocess
import sys
import tempfile

import venvcopy

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
    steps = []
    for raw in path.read_text().splitlines():
        if raw.startswith("$ "):
            steps.append(["$", raw[2:]])
        elif raw.startswith("@ "):
            steps.append(["@", raw[2:], []])
        elif raw.startswith(("| ", "- ", "+ ")) or raw in ("|", "-", "+"):
            if not steps or steps[-1][0] != "@":
                raise SystemExit(f"{path}: edit line outside an edit: {raw!r}")
            steps[-1][2].append(raw)
        elif raw.strip() and not raw.startswith("#"):
            raise SystemExit(f"{path}: cannot read line: {raw!r}")
    return steps


def body(line):
    return line[2:] if len(line) > 1 else ""


def apply_edit(project, directive, lines):
    kind, _, arg = directive.partition(" ")
    if kind == "setup":
        shutil.copytree(ROOT / "src" / "project" / arg, project, dirs_exist_ok=True)
        return
    target = project / arg
    if kind == "write":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(body(l) + "\n" for l in lines))
    elif kind == "replace":
        old = "".join(body(l) + "\n" for l in lines if l.startswith("-"))
        new = "".join(body(l) + "\n" for l in lines if l.startswith("+"))
        text = target.read_text()
        if old not in text:
            raise SystemExit(f"@ replace {arg}: text not found")
        target.write_text(text.replace(old, new, 1))
    else:
        raise SystemExit(f"unknown edit: @ {directive}")


def snapshot(project):
    files = {}
    for p in sorted(project.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            files[p.relative_to(project).as_posix()] = p.read_bytes()
    return files


def db_dump(data):
    with tempfile.NamedTemporaryFile(suffix=".db") as f:
        f.write(data)
        f.flush()
        conn = sqlite3.connect(f.name)
        out = []
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
        tables = []
        for kind, name, tbl, sql in rows:
            out.append(f"-- sqlite_master {kind} {name} {tbl}")
            if sql is not None:
                out += ["|" + l for l in sql.split("\n")]
            if kind == "table":
                tables.append(name)
        for name in tables:
            q = '"' + name.replace('"', '""') + '"'
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({q})").fetchall()]
            sel = ", ".join('quote("%s")' % c.replace('"', '""') for c in cols)
            out.append(f"-- rows {name}")
            for r in conn.execute(f"SELECT {sel} FROM {q} ORDER BY rowid").fetchall():
                out.append(", ".join(r))
        conn.close()
        return out


def changes(before, after, project, home):
    out = []
    for rel, data in after.items():
        if before.get(rel) == data:
            continue
        if data.startswith(b"SQLite format 3\0") or (rel.endswith(".db") and not data):
            out.append(f"= db {rel}")
            out += db_dump(data) if data else []
            continue
        text = normalize(data.decode("utf-8", "replace"), project, home)
        is_revision = "/versions/" in "/" + rel and rel.endswith(".py")
        for m in [] if not is_revision else re.finditer(r"^Revision ID: (\S+)$", text, re.M):
            out.insert(0, f"= rev {m.group(1)}")
        for m in [] if not is_revision else re.finditer(r"^Create Date: (.+)$", text, re.M):
            out.insert(1 if out and out[0].startswith("= rev") else 0, f"= date {m.group(1)}")
        out.append(f"= file {rel}")
        out += ["|" + l for l in text.split("\n")]
    for rel in before:
        if rel not in after:
            out.append(f"= deleted {rel}")
    return out


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
    # The oracle's standard library shows where the playground's Python keeps it.
    stdlib = sysconfig.get_paths()["stdlib"]
    return (
        text.replace(stdlib, "/usr/lib/python3.11")
        .replace(str(project), PROJECT)
        .replace(str(home), HOME)
        .replace(venv, "/home/learner/.venv")
    )


# What reaching PyPI from this machine may need (a proxy, its certificate authority).
NETWORK_VARS = ("PIP_CERT", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "HTTPS_PROXY", "https_proxy")


def installs_drivers(line):
    """Whether `line` is a `pip install` of built-in drivers only (those may reach PyPI)."""
    words = line.split()
    if len(words) < 3 or words[0] not in ("pip", "pip3") or words[1] != "install":
        return False
    names = [
        venvcopy.normalize_name(re.split(r"[\[=<>~!; ]", w.strip("'\""))[0])
        for w in words[2:] if not w.startswith("-")
    ]
    return bool(names) and set(names) <= venvcopy.driver_names()


def without_downloads(text):
    """pip's output without what a download prints: it depends on the network, not on pip."""
    return "".join(
        l for l in text.splitlines(keepends=True)
        if not l.startswith(("  Downloading ", "  Using cached ")) and not l.lstrip().startswith("━")
    )


def record(path):
    home = pathlib.Path(tempfile.mkdtemp(prefix="alembic-oracle-")).resolve()
    project = home / "fastapi_template"
    project.mkdir()
    venv_bin = VENV_BIN
    steps = parse_scenario(path)
    if any(s[0] == "$" and re.match(r"pip3? install\b", s[1]) for s in steps):
        # Under the home folder, the copy reads as /home/learner/.venv like the oracle's.
        venv_bin = venvcopy.copy_venv(VENV_BIN.parent, home / ".venv") / "bin"
    # The sqlite3 shell is Debian's (3.40.1, whose dot commands and output modes print as
    # 3.41.2's do; `sqlite3 --version` is never recorded). It needs its own libsqlite3, not the
    # oracle's 3.41.2 in LD_LIBRARY_PATH, which lacks the session extension it links.
    tools = home / ".oracle-bin"
    tools.mkdir()
    (tools / "sqlite3").write_text('#!/bin/sh\nexec env -u LD_LIBRARY_PATH /usr/bin/sqlite3 "$@"\n')
    (tools / "sqlite3").chmod(0o755)
    env = {
        "PATH": f"{venv_bin}:{tools}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "COLUMNS": "80",
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        # pip as the playground's: no index to reach, no machine-wide config, no nagging.
        "PIP_CONFIG_FILE": "/dev/null",
        "PIP_NO_INDEX": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        # The oracle's Python runs the SQLite 3.41.2 the playground links (record.sh).
        "LD_LIBRARY_PATH": os.environ.get("LD_LIBRARY_PATH", ""),
    }
    out = [f"# Recorded from alembic 1.20.1 by tools/record/record.sh; do not edit."]
    state = home / ".shell-state"
    cwd = project
    try:
        files = snapshot(project)
        for step in steps:
            if step[0] == "@":
                apply_edit(project, step[1], step[2])
                out.append(f"@ {step[1]}")
                out += step[2]
                after = snapshot(project)
                out += changes(files, after, project, home)
                files = after
                continue
            line = step[1]
            # Each line is its own bash, so the trap carries `cd` and `export` to the next one,
            # as one terminal session would.
            script = f"trap 'pwd > {state}.cwd; env -0 > {state}.env' EXIT\n{line}"
            network = installs_drivers(line)
            line_env = dict(env)
            if network:
                line_env.pop("PIP_NO_INDEX", None)
                line_env["PIP_CONSTRAINT"] = venvcopy.CONSTRAINTS
                for k in NETWORK_VARS:
                    if k in os.environ:
                        line_env[k] = os.environ[k]
            proc = subprocess.run(
                ["bash", "--norc", "--noprofile", "-i", "-c", script],
                cwd=cwd, env=line_env, capture_output=True, text=True, timeout=120,
            )
            cwd = pathlib.Path((state.parent / (state.name + ".cwd")).read_text().strip())
            env = dict(
                item.split("=", 1)
                for item in (state.parent / (state.name + ".env")).read_text().split("\0")
                if "=" in item and not item.startswith(("_=", "SHLVL=", "PWD=", "OLDPWD="))
            )
            if network:
                # The next line is back to the playground's pip: no index.
                for k in NETWORK_VARS + ("PIP_CONSTRAINT",):
                    env.pop(k, None)
                env["PIP_NO_INDEX"] = "1"
            stderr = "".join(
                l for l in proc.stderr.splitlines(keepends=True)
                if not l.startswith(JOB_CONTROL_NOISE)
            )
            stdout = without_downloads(proc.stdout) if network else proc.stdout
            out.append(f"$ {line}")
            out += stream_block("1>", normalize(stdout, project, home))
            out += stream_block("2>", normalize(stderr, project, home))
            out.append(f"? {proc.returncode}")
            after = snapshot(project)
            out += changes(files, after, project, home)
            files = after
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
