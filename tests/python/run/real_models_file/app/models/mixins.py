from app.db.base import Column


class TimestampMixin:
    created_at = Column("DATETIME", nullable=False, default="CURRENT_TIMESTAMP")
