"""Main docstring."""
from app import info
import app.info as mod

print(info.NAME, info.FILE, info.DOC, info.where())
print(__name__, __doc__, mod.__doc__)
print(type(info).__name__, mod is info)
print(hasattr(info, "os"), info.os.path.basename("/a/b"))
if __name__ == "__main__":
    print("running as script")
