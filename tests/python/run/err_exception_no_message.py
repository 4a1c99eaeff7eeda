class MigrationAborted(Exception):
    pass


def upgrade():
    raise MigrationAborted


upgrade()
