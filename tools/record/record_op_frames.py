"""Record the frames Alembic and SQLAlchemy add to a traceback when a migration step fails,
into src/command/op_frames.txt.

Each probe is a revision whose upgrade() fails in one directive in one way (a SQLite error, a
NotImplementedError). `alembic upgrade head` runs it; from its traceback this keeps:

    == run_migrations            frames between env.py's context.run_migrations() and the revision
    == op <probe>                frames after the revision's line, down to the exception
    == cause <probe>             the chained DBAPI error's frames (database errors only)

Paths to the virtualenv are written as {venv}.
"""

import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
VENV_BIN = pathlib.Path(sys.executable).parent

SETUP = "op.create_table('t', sa.Column('id', sa.Integer, primary_key=True), sa.Column('a', sa.Integer))"
# Batch probes: the copy fails on a NULL; the temporary table is already there.
BATCH_COPY = """op.execute('INSERT INTO t (id, a) VALUES (1, NULL)')
    with op.batch_alter_table('t') as batch_op:
        batch_op.alter_column('a', existing_type=sa.Integer, nullable=False)"""
BATCH_CREATE = """op.execute('CREATE TABLE _alembic_tmp_t (id INTEGER)')
    with op.batch_alter_table('t') as batch_op:
        batch_op.alter_column('a', existing_type=sa.Integer, nullable=False)"""
# A batch drop of a constraint without a name fails when the block ends (batch.py's flush).
BATCH_UNNAMED = """with op.batch_alter_table('t') as batch_op:
        batch_op.drop_constraint(None, type_='foreignkey')"""
PROBES = {
    "batch_copy:db": BATCH_COPY,
    "batch_drop_constraint:value": BATCH_UNNAMED,
    "batch_create:db": BATCH_CREATE,
    "alter_column:db": "op.alter_column('t', 'a', nullable=False)",
    # Alembic's impl runs nullable, then server_default, then type_: each from its own line.
    "alter_column_default:db": "op.alter_column('t', 'a', server_default='1')",
    "alter_column_type:db": "op.alter_column('t', 'a', type_=sa.BigInteger())",
    "add_column:db": "op.add_column('t', sa.Column('a', sa.Integer))",
    "add_column:notimpl": "op.add_column('t', sa.Column('p', sa.Integer, sa.ForeignKey('t.id')))",
    "drop_column:db": "op.drop_column('t', 'nope')",
    "create_table:db": "op.create_table('t', sa.Column('id', sa.Integer, primary_key=True))",
    "drop_table:db": "op.drop_table('nope')",
    "rename_table:db": "op.rename_table('nope', 'x')",
    "create_index:db": "op.create_index('ix', 'nope', ['a'])",
    "drop_index:db": "op.drop_index('nope')",
    "execute:db": "op.execute('SELECT * FROM nope')",
    "create_unique_constraint:notimpl": "op.create_unique_constraint('uq', 't', ['a'])",
    "create_foreign_key:notimpl": "op.create_foreign_key('fk', 't', 't', ['a'], ['id'])",
    "create_check_constraint:notimpl": "op.create_check_constraint('ck', 't', 'a > 0')",
    "create_primary_key:notimpl": "op.create_primary_key('pk', 't', ['a'])",
    "drop_constraint:notimpl": "op.drop_constraint('uq', 't')",
    # Arguments that do not bind fail in the proxy `op` builds with exec(): one frame, the
    # same for every directive but for its name.
    "add_column:signature": "op.add_column('t')",
}


def run_probe(tmp, body):
    env = dict(os.environ)
    subprocess.run([VENV_BIN / "alembic", "init", "alembic"], cwd=tmp, check=True, capture_output=True, env=env)
    ini = tmp / "alembic.ini"
    ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"))
    subprocess.run([VENV_BIN / "alembic", "revision", "-m", "probe", "--rev-id", "aaaa"], cwd=tmp, check=True, capture_output=True, env=env)
    script = tmp / "alembic" / "versions" / "aaaa_probe.py"
    text = script.read_text().replace(
        '    """Upgrade schema."""\n    pass', f'    """Upgrade schema."""\n    {SETUP}\n    {body}'
    )
    script.write_text(text)
    proc = subprocess.run([VENV_BIN / "alembic", "upgrade", "head"], cwd=tmp, capture_output=True, text=True, env=env)
    return proc.stderr.splitlines(), str(script)


def frame_end(lines, start):
    """The index after a frame's lines (its `File` line, source line and carets)."""
    i = start + 1
    while i < len(lines) and lines[i].startswith("    "):
        i += 1
    return i


def main():
    import sysconfig
    venv = str(VENV_BIN.parent)
    stdlib = sysconfig.get_paths()["stdlib"]
    out = []
    for name, body in PROBES.items():
        with tempfile.TemporaryDirectory() as tmp:
            lines, script = run_probe(pathlib.Path(tmp), body)
        main_tb = max(i for i, l in enumerate(lines) if l == "Traceback (most recent call last):")
        rev = next(i for i in range(main_tb, len(lines)) if script in lines[i])
        if not out:
            env_call = max(i for i in range(main_tb, rev) if "env.py" in lines[i])
            out.append("== run_migrations")
            out += lines[frame_end(lines, env_call):rev]
        tail = lines[frame_end(lines, rev):]
        exc_at = next(i for i, l in enumerate(tail) if not l.startswith("  "))
        out.append(f"== op {name}")
        out += tail[:exc_at]
        first_tb = lines.index("Traceback (most recent call last):")
        if first_tb != main_tb:
            out.append(f"== cause {name}")
            end = next(i for i in range(first_tb, main_tb) if not lines[i].startswith(" ") and i > first_tb)
            out += lines[first_tb + 1:end]
    text = "\n".join(l.replace(venv, "{venv}").replace(stdlib, "{stdlib}") for l in out) + "\n"
    (ROOT / "src" / "command" / "op_frames.txt").write_text(text)
    print("recorded src/command/op_frames.txt")


if __name__ == "__main__":
    main()
