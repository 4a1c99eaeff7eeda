from pkg.models import *

print(User.__name__, Post.__name__)
print("Secret" in globals(), "helper" in globals())
try:
    Secret
except NameError as exc:
    print("NameError:", exc)
