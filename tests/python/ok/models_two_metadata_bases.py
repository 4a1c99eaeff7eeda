from sqlalchemy import Column, Integer, MetaData, String
from sqlalchemy.orm import declarative_base

main_metadata = MetaData()
analytics_metadata = MetaData(schema="analytics")

MainBase = declarative_base(metadata=main_metadata)
AnalyticsBase = declarative_base(metadata=analytics_metadata)


class Account(MainBase):
    __tablename__ = "account"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))


class PageView(AnalyticsBase):
    __tablename__ = "page_view"
    id = Column(Integer, primary_key=True)
    path = Column(String(300), nullable=False)
    account_id = Column(Integer, index=True)


target_metadata = [main_metadata, analytics_metadata]
