from sqlalchemy import engine_from_config, pool

from alembic import context


def include_object(object, name, type_, reflected=False, compare_to):
    return not (type_ == "table" and name.startswith("tmp_"))
