# SQLAlchemy 1.3 style, still found in many tutorials
from sqlalchemy import Column, Integer, String, ForeignKey, Unicode
from sqlalchemy.ext.declarative import declarative_base, declared_attr
from sqlalchemy.orm import relationship, backref

Base = declarative_base()


class Base2(object):
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower()

    __table_args__ = {'mysql_engine': 'InnoDB'}

    id = Column(Integer, primary_key=True)


Model = declarative_base(cls=Base2)


class Country(Model):
    name = Column(Unicode(80), nullable=False)
    iso = Column(String(2), unique=True)


class City(Model):
    name = Column(Unicode(80), nullable=False)
    country_id = Column(Integer, ForeignKey('country.id'))
    country = relationship(Country, backref=backref('cities', lazy='dynamic', cascade='all,delete'))
