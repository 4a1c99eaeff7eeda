def configure(*, connection, target_metadata):
    return connection


configure(connection="conn")
