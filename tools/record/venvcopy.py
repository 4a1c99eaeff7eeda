"""Throwaway copies of the oracle's virtualenv, for recordings that install packages.

Installing into .build/oracle-venv would change what every later recording sees (`pip list`,
which drivers import), so anything that runs `pip install` works on a copy instead.
"""

import os
import pathlib
import shutil
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
# pip's constraints: the oracle's pins and the drivers', so PyPI gives the recorded versions.
CONSTRAINTS = f"{HERE / 'requirements.txt'} {HERE / 'drivers.txt'}"


def driver_names():
    """The project names drivers.txt pins, as pip normalizes them."""
    names = set()
    for line in (HERE / "drivers.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            names.add(normalize_name(line.split("==")[0]))
    return names


def normalize_name(name):
    return name.lower().replace("_", "-").replace(".", "-")


def copy_venv(src, dest):
    """Copies the virtualenv at `src` to `dest`. Console scripts name their interpreter by
    absolute path, so their `#!` lines are pointed at the copy's."""
    src, dest = pathlib.Path(src), pathlib.Path(dest)
    shutil.copytree(src, dest, symlinks=True)
    old = f"#!{src}/bin/".encode()
    for script in (dest / "bin").iterdir():
        if script.is_file() and not script.is_symlink():
            data = script.read_bytes()
            if data.startswith(old):
                script.write_bytes(f"#!{dest}/bin/".encode() + data[len(old):])
    return dest


def install(venv, *requirements):
    """Installs `requirements` from PyPI into the copy at `venv`, at the pinned versions."""
    env = dict(os.environ, PIP_CONSTRAINT=CONSTRAINTS, PIP_DISABLE_PIP_VERSION_CHECK="1")
    subprocess.run(
        [pathlib.Path(venv) / "bin" / "python", "-m", "pip", "install", "--quiet", *requirements],
        env=env, check=True,
    )
