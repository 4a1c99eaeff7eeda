from sqlalchemy import BIGINT, BOOLEAN, CHAR, CLOB, DATE, DECIMAL, INTEGER, NVARCHAR, REAL, TEXT, TIMESTAMP, VARCHAR
from sqlalchemy import Column, MetaData
from sqlalchemy.orm import declarative_base

metadata = MetaData(schema="legacy")
Base = declarative_base(metadata=metadata)


class LegacyCustomer(Base):
    __tablename__ = "CUSTOMER"

    CUST_ID = Column(BIGINT, primary_key=True)
    CUST_CODE = Column(CHAR(8), nullable=False, unique=True)
    NAME = Column(VARCHAR(60), nullable=False)
    NAME_LOCAL = Column(NVARCHAR(60))
    MEMO = Column(CLOB)
    REMARKS = Column(TEXT)
    CREDIT = Column(DECIMAL(12, 4))
    SCORE = Column(REAL)
    VISITS = Column(INTEGER, server_default="0")
    ACTIVE = Column(BOOLEAN, server_default="1")
    OPENED = Column(DATE)
    UPDATED = Column(TIMESTAMP)
