import sys

print(sys.argv, len(sys.argv))
print(sys.version_info[:2] >= (3, 8), sys.version_info.major, sys.version_info[0] == 3)
print(isinstance(sys.path, list), sys.path[0].endswith("/run"))
print("sys" in sys.modules, __name__, sys.modules[__name__] is not None)
sys.stdout.write("written to stdout\n")
sys.stderr.write("written to stderr\n")
print("to stderr via print", file=sys.stderr)
print("back to stdout")
if sys.version_info < (3, 9):
    print("old python")
else:
    print("modern python")
