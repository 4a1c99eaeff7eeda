import os

DATABASE_URL = os.getenv(
    "DATABASE_URL",
    "sqlite:///./app.db",
)


def describe():
    """CRLF line endings, as saved by a Windows editor."""
    text = """first
second"""
    return text + \
        DATABASE_URL
