from sqlalchemy import Column, Integer, String, DateTime
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Event(Base):
    __tablename__ = "event"

    id = Column(Integer, primary_key=True)
    name = Column(String(100))
    location = Column(String(200))
    starts_at = Column(DateTime)

    def __repr__(self):
        cls = type(self).__name__
        return f"{cls}(id={self.id}, name={self.name!r}, starts_at={self.starts_at:%Y-%m-%d %H:%M})"

    def short(self, width=20):
        return f"{self.name:<{width}}|{self.location!s:>{width}}"

    def debug(self):
        return f"{self.id=} {self.name=!r}"
