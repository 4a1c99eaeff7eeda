import sys

print("all good")
try:
    sys.exit(0)
except SystemExit as exc:
    print("caught exit", exc.code)
sys.exit()
print("never")
