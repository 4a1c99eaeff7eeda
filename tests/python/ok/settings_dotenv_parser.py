"""Minimal .env loader, for when python-dotenv is not installed."""
import os
from pathlib import Path

ENV_FILE = Path(__file__).resolve().parent.parent / ".env"


def parse_dotenv(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export "):]
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"{ENV_FILE.name}:{lineno}: expected KEY=VALUE, got {raw!r}")
        key, value = key.strip(), value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key] = value
    return values


def load_dotenv(path: Path = ENV_FILE, *, override: bool = False) -> int:
    if not path.exists():
        return 0
    loaded = 0
    for key, value in parse_dotenv(path.read_text(encoding="utf-8")).items():
        if override or key not in os.environ:
            os.environ[key] = value
            loaded += 1
    return loaded


load_dotenv()
DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///./app.db")
