from sqlalchemy import Column, Integer, String, Numeric
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Employee(Base):
    __tablename__ = "employee"

    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    type = Column(String(20))

    __mapper_args__ = {
        "polymorphic_identity": "employee",
        "polymorphic_on": type,
    }


class Manager(Employee):
    manager_data = Column(String(50))

    __mapper_args__ = {"polymorphic_identity": "manager"}


class Engineer(Employee):
    engineer_info = Column(String(50))
    salary = Column(Numeric(10, 2))

    __mapper_args__ = {"polymorphic_identity": "engineer"}
