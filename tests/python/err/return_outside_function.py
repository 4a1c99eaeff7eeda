from alembic import op
import sqlalchemy as sa

revision = "e61f0a4b8c25"
down_revision = "9d3b5f7a1c60"

op.drop_column("client", "fax")
return
