import sys


def main():
    print("running checks")
    failures = ["users", "posts"]
    for f in failures:
        print(f"FAIL {f}", file=sys.stderr)
    return len(failures)


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        print("cleanup")
