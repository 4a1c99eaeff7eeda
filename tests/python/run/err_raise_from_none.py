def lookup(revs, rev):
    try:
        return revs[rev]
    except KeyError:
        raise LookupError(f"Can't locate revision identified by '{rev}'") from None


lookup({"a1": None}, "zz")
