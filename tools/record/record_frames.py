"""Record the frames Alembic's own code adds to a traceback, per command, into
src/command/frames.txt.

A traceback from env.py starts with Alembic's frames (bin/alembic, config.py, command.py,
script/base.py, pyfiles.py, importlib) before env.py's own. The playground's evaluator prints
env.py's frames itself; these recorded lines go in front of them. Recorded by running each
command against an env.py whose first line raises.

    == <command words>
    <the lines between "Traceback (most recent call last):" and env.py's first frame>

Paths to the virtualenv are written as {venv}.
"""

import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
VENV_BIN = pathlib.Path(sys.executable).parent
COMMANDS = [
    "upgrade head",
    "downgrade base",
    "current",
    "stamp head",
    "ensure_version",
    "history -i",
    "check",
    "revision --autogenerate -m x",
    "show current",
]


def main():
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        subprocess.run([VENV_BIN / "alembic", "init", "alembic"], cwd=tmp, check=True, capture_output=True)
        env_py = tmp / "alembic" / "env.py"
        env_py.write_text("raise RuntimeError('frames')\n" + env_py.read_text())
        for command in COMMANDS:
            proc = subprocess.run(
                [VENV_BIN / "alembic", *command.split()], cwd=tmp, capture_output=True, text=True
            )
            lines = proc.stderr.splitlines()
            start = lines.index("Traceback (most recent call last):") + 1
            end = next(i for i, l in enumerate(lines) if str(env_py) in l)
            out.append(f"== {command}")
            venv = str(VENV_BIN.parent)
            out += [l.replace(venv, "{venv}") for l in lines[start:end]]
    (ROOT / "src" / "command" / "frames.txt").write_text("\n".join(out) + "\n")
    print("recorded src/command/frames.txt")


if __name__ == "__main__":
    main()
