class Revision:
    def __init__(self, revision, down_revision, message, branch_labels=()):
        self.revision = revision
        self.down_revision = down_revision
        self.message = message
        self.branch_labels = set(branch_labels)
        self.nextrev = []

    @property
    def down_tuple(self):
        if self.down_revision is None:
            return ()
        if isinstance(self.down_revision, tuple):
            return self.down_revision
        return (self.down_revision,)

    @property
    def is_merge(self):
        return len(self.down_tuple) > 1

    def __repr__(self):
        return f"Revision({self.revision!r})"


class RevisionMap:
    def __init__(self, revisions):
        self._map = {r.revision: r for r in revisions}
        for rev in revisions:
            for down in rev.down_tuple:
                self._map[down].nextrev.append(rev.revision)

    @property
    def heads(self):
        return tuple(sorted(r for r, obj in self._map.items() if not obj.nextrev))

    @property
    def bases(self):
        return tuple(sorted(r for r, obj in self._map.items() if not obj.down_tuple))

    def get(self, ident):
        matches = [r for r in self._map if r.startswith(ident)]
        if not matches:
            raise KeyError(f"No such revision or branch '{ident}'")
        if len(matches) > 1:
            raise ValueError(f"Multiple revisions start with '{ident}': {', '.join(sorted(matches))}")
        return self._map[matches[0]]

    def walk_down(self, head):
        seen, order, stack = set(), [], [head]
        while stack:
            rev = stack.pop()
            if rev in seen:
                continue
            seen.add(rev)
            order.append(rev)
            stack.extend(sorted(self._map[rev].down_tuple, reverse=True))
        return order


revs = [
    Revision("ae10", None, "create users"),
    Revision("27c6", "ae10", "add email"),
    Revision("3f1b", "ae10", "add posts"),
    Revision("4a2e", ("27c6", "3f1b"), "merge heads"),
    Revision("5d9c", "4a2e", "add index"),
]
rmap = RevisionMap(revs)
print("heads", rmap.heads, "bases", rmap.bases)
print([r.revision for r in revs if r.is_merge], rmap.get("5d").message)
print(" -> ".join(reversed(rmap.walk_down("5d9c"))))
for ident in ("zz", "a", "3"):
    try:
        print(ident, rmap.get(ident))
    except (KeyError, ValueError) as exc:
        print(type(exc).__name__, exc.args[0])
for r in sorted(revs, key=lambda r: r.revision):
    arrow = ", ".join(r.down_tuple) or "<base>"
    print(f"{arrow} -> {r.revision}{' (head)' if not r.nextrev else ''}{' (mergepoint)' if r.is_merge else ''}, {r.message}")
