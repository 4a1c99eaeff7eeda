def check_revision(rev):
    assert isinstance(rev, str), f"revision must be a string, got {type(rev).__name__}"
    assert len(rev) == 12, "revision ids are 12 characters"
    return rev


print(check_revision("ae1027a6acf0"))
check_revision(42)
