from .base import Base, metadata

__all__ = ["Base", "metadata"]
