from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String, event
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Page(Base):
    __tablename__ = "page"

    id = Column(Integer, primary_key=True)
    title = Column(String(200), nullable=False)
    slug = Column(String(200), nullable=False)
    edited_at = Column(DateTime(timezone=True), default=utcnow)


@event.listens_for(Page, "before_insert")
@event.listens_for(Page, "before_update")
def make_slug(mapper, connection, target):
    if not target.slug:
        target.slug = "-".join(target.title.lower().split())
    target.edited_at = utcnow()


@event.listens_for(Base.metadata, "after_create")
def report(target, connection, **kw):
    tables = sorted(t.name for t in target.sorted_tables)
    print(f"created {len(tables)} tables: {', '.join(tables)}")
