class Repo:
    def count():
        return 0


repo = Repo()
repo.count()
