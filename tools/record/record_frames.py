"""Record the frames Alembic's own code adds to a traceback, per command, into
src/command/frames.txt.

A traceback from env.py starts with Alembic's frames (bin/alembic, config.py, command.py,
script/base.py, pyfiles.py, importlib) before env.py's own. The playground's evaluator prints
env.py's frames itself; these recorded lines go in front of them. Recorded by running each
command against an env.py whose first line raises.

    == <command words>
    <the lines between "Traceback (most recent call last):" and env.py's first frame>

A SyntaxError in env.py goes through more of importlib (it fails compiling, not running):

    == syntax
    <the importlib lines that replace the last two of a command's section>

A revision file that raises as it loads shows the frames of whatever first needed the
revision map: the command itself, or (commands that run env.py) the command's function
that `context.run_migrations()` calls back:

    == scripts <command words>
    <the lines between "Traceback (most recent call last):" and the revision file's frame>
    == scripts_env <command words>
    <the lines between env.py's last frame and the revision file's frame>

SQLAlchemy's own frames under a line of Python that fails inside it, recorded from env.py
(each probe's lines between its last env.py frame and the exception):

    == sqlalchemy <probe>

An online command against a PostgreSQL URL whose driver is installed but whose server is not
running fails in `connect()`: SQLAlchemy wraps the driver's OperationalError and raises it
`from` it. Recorded with each driver installed (from PyPI, into a throwaway copy of the
virtualenv: venvcopy.py):

    == sqlalchemy connect <probe>          the frames under env.py's `connectable.connect()`
    == sqlalchemy connect <probe> cause    the frames of the driver's error, the first traceback
    == sqlalchemy connect <probe> error    the exception SQLAlchemy raises, as printed

A `file_template` that does not format (an unknown token) fails in Alembic alone:

    == rev_path revision
    <the lines between "Traceback (most recent call last):" and the exception>

Paths to the virtualenv are written as {venv}.
"""

import pathlib
import subprocess
import sys
import tempfile

import venvcopy

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
# Commands that load the revision files themselves, and those whose env.py run does.
SCRIPT_COMMANDS = ["heads", "history", "show head", "branches", "revision -m x", "merge heads -m x"]
SCRIPT_ENV_COMMANDS = [
    "upgrade head",
    "downgrade base",
    "current",
    "stamp head",
    "history -i",
    "check",
    "revision --autogenerate -m x",
]


def frame_end(lines, start):
    """The index after a frame's lines (its `File` line, source line and carets)."""
    i = start + 1
    while i < len(lines) and lines[i].startswith("    "):
        i += 1
    return i


def run(tmp, command, bin=VENV_BIN):
    proc = subprocess.run([bin / "alembic", *command.split()], cwd=tmp, capture_output=True, text=True)
    return proc.stderr.splitlines()


# Python put in front of env.py; its last line fails inside SQLAlchemy.
SA_PROBES = {
    # A second declarative class on a table name already in the MetaData.
    "declarative_table_exists": """from sqlalchemy import Integer
from sqlalchemy.orm import DeclarativeBase, mapped_column
class Base(DeclarativeBase):
    pass
class A(Base):
    __tablename__ = "a"
    id = mapped_column(Integer, primary_key=True)
class B(Base):
    __tablename__ = "a"
    id = mapped_column(Integer, primary_key=True)
""",
    "table_exists": """from sqlalchemy import Column, Integer, MetaData, Table
md = MetaData()
Table("a", md, Column("id", Integer))
Table("a", md, Column("id", Integer))
""",
}
# URLs whose DBAPI is not installed, reached through the generic env.py's engine_from_config.
SA_URLS = {
    "engine_from_config postgresql": "postgresql://user:pass@localhost/db",
    "engine_from_config postgresql+psycopg2": "postgresql+psycopg2://user:pass@localhost/db",
    # The generic alembic.ini's placeholder names no dialect SQLAlchemy has.
    "engine_from_config unknown": "driver://user:pass@localhost/dbname",
}


def record_sqlalchemy(tmp, env_py, text, venv):
    out = []
    for name, probe in SA_PROBES.items():
        env_py.write_text(probe + text)
        lines = run(tmp, "current")
        last = max(i for i, l in enumerate(lines) if str(env_py) in l)
        end = next(i for i in range(last + 1, len(lines)) if not lines[i].startswith(" "))
        out.append(f"== sqlalchemy {name}")
        out += [l.replace(venv, "{venv}") for l in lines[frame_end(lines, last):end]]
    env_py.write_text(text)
    ini = tmp / "alembic.ini"
    original = ini.read_text()
    for name, url in SA_URLS.items():
        ini.write_text(original.replace("driver://user:pass@localhost/dbname", url))
        lines = run(tmp, "current")
        last = max(i for i, l in enumerate(lines) if str(env_py) in l)
        end = next(i for i in range(last + 1, len(lines)) if not lines[i].startswith(" "))
        out.append(f"== sqlalchemy {name}")
        out += [l.replace(venv, "{venv}") for l in lines[frame_end(lines, last):end]]
    ini.write_text(original)
    return out


# The tutorial's URL, with no server listening on localhost:5432, per installed driver.
CONNECT_URLS = {
    "postgresql": "postgresql://postgres:postgres@localhost:5432/fastapi_db",
    "postgresql+psycopg2": "postgresql+psycopg2://postgres:postgres@localhost:5432/fastapi_db",
}


def record_connect(tmp, env_py):
    out = []
    venv = venvcopy.copy_venv(VENV_BIN.parent, tmp / "drivers-venv")
    venvcopy.install(venv, "psycopg[binary]", "psycopg2-binary")
    ini = tmp / "alembic.ini"
    original = ini.read_text()
    for name, url in CONNECT_URLS.items():
        ini.write_text(original.replace("driver://user:pass@localhost/dbname", url))
        lines = run(tmp, "current", venv / "bin")
        cause = lines.index("Traceback (most recent call last):") + 1
        cause_end = next(i for i in range(cause, len(lines)) if not lines[i].startswith(" "))
        last = max(i for i, l in enumerate(lines) if str(env_py) in l)
        end = next(i for i in range(last + 1, len(lines)) if not lines[i].startswith(" "))
        clean = lambda ls: [l.replace(str(venv), "{venv}") for l in ls]
        out.append(f"== sqlalchemy connect {name}")
        out += clean(lines[frame_end(lines, last):end])
        out.append(f"== sqlalchemy connect {name} cause")
        out += clean(lines[cause:cause_end])
        out.append(f"== sqlalchemy connect {name} error")
        out += clean(lines[end:])
    ini.write_text(original)
    return out


def record_rev_path(tmp, venv):
    ini = tmp / "alembic.ini"
    original = ini.read_text()
    ini.write_text(original.replace("[alembic]\n", "[alembic]\nfile_template = %%(nope)s\n", 1))
    lines = run(tmp, "revision -m x")
    ini.write_text(original)
    start = lines.index("Traceback (most recent call last):") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith(" "))
    return ["== rev_path revision"] + [l.replace(venv, "{venv}") for l in lines[start:end]]


def record_syntax(tmp, env_py, text):
    """The importlib frames of a SyntaxError in env.py."""
    env_py.write_text("target_metadata = None:\n" + text)
    lines = run(tmp, "current")
    start = max(i for i, l in enumerate(lines) if "load_module_py" in l)
    end = next(i for i, l in enumerate(lines) if str(env_py) in l)
    env_py.write_text(text)
    return ["== syntax"] + lines[frame_end(lines, start):end]


def record_scripts(tmp, venv):
    """The frames above a revision file that raises as it loads, per command."""
    out = []
    ini = tmp / "alembic.ini"
    ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"))
    subprocess.run([VENV_BIN / "alembic", "revision", "-m", "first", "--rev-id", "aaaa"], cwd=tmp, check=True, capture_output=True)
    script = tmp / "alembic" / "versions" / "aaaa_first.py"
    script.write_text("raise RuntimeError('frames')\n" + script.read_text())
    for kind, commands in (("scripts", SCRIPT_COMMANDS), ("scripts_env", SCRIPT_ENV_COMMANDS)):
        for command in commands:
            lines = run(tmp, command)
            start = lines.index("Traceback (most recent call last):") + 1
            end = next(i for i, l in enumerate(lines) if str(script) in l)
            if kind == "scripts_env":
                env_call = max(i for i in range(start, end) if "env.py" in lines[i])
                start = frame_end(lines, env_call)
            out.append(f"== {kind} {command}")
            out += [l.replace(venv, "{venv}") for l in lines[start:end]]
    return out


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
        env_py.write_text(env_py.read_text().replace("raise RuntimeError('frames')\n", "", 1))
        out += record_syntax(tmp, env_py, env_py.read_text())
        out += record_sqlalchemy(tmp, env_py, env_py.read_text(), str(VENV_BIN.parent))
        out += record_connect(tmp, env_py)
        out += record_rev_path(tmp, str(VENV_BIN.parent))
        out += record_scripts(tmp, str(VENV_BIN.parent))
    (ROOT / "src" / "command" / "frames.txt").write_text("\n".join(out) + "\n")
    print("recorded src/command/frames.txt")


if __name__ == "__main__":
    main()
