INI = """
[alembic]
# path to migration scripts
script_location = %(here)s/migrations
prepend_sys_path = .
version_path_separator = os
sqlalchemy.url = sqlite:///./app.db

[post_write_hooks]

[loggers]
keys = root,sqlalchemy,alembic
"""


def parse_ini(text, defaults=None):
    sections = {}
    current = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        if current is None:
            raise ValueError(f"line {lineno}: option outside of a section")
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {lineno}: expected 'key = value', got {line!r}")
        current[key.strip()] = value.strip() % (defaults or {}) if "%(" in value else value.strip()
    return sections


cfg = parse_ini(INI, {"here": "/home/learner/project"})
for name, options in cfg.items():
    print(f"[{name}] {len(options)} option(s)")
    for key, value in options.items():
        print(f"  {key!s:<24}= {value}")
keys = [k.strip() for k in cfg["loggers"]["keys"].split(",")]
print(keys, cfg["alembic"].get("file_template", "%%(rev)s_%%(slug)s"))
try:
    parse_ini("orphan = 1")
except ValueError as exc:
    print("ValueError:", exc)
try:
    parse_ini("[a]\nno equals sign")
except ValueError as exc:
    print("ValueError:", exc)
