def head_of(revisions):
    return revisions[-1][0]


chains = [["a1", "b2"], []]
print(head_of(chains[0]))
print(head_of(chains))
