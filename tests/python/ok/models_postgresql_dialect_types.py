from sqlalchemy import Column, Integer, String, text
from sqlalchemy.dialects.postgresql import ARRAY, INET, JSONB, TSVECTOR, UUID
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Document(Base):
    __tablename__ = "document"

    id = Column(UUID(as_uuid=True), primary_key=True, server_default=text("gen_random_uuid()"))
    title = Column(String(300), nullable=False)
    tags = Column(ARRAY(String(30)), server_default="{}")
    meta = Column(JSONB, nullable=False, server_default=text("'{}'::jsonb"))
    search = Column(TSVECTOR)
    client_ip = Column(INET)
    revision = Column(Integer, nullable=False, server_default=text("1"))
