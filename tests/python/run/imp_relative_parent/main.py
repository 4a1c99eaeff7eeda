from project.api.v1 import PREFIX, get_db, settings

print(PREFIX, get_db(), settings.__name__)
import project
print(sorted(k for k in vars(project) if not k.startswith("__")))
print(sorted(k for k in vars(project.api) if not k.startswith("__")))
