from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Department(Base):
    __tablename__ = "department"

    id = Column(Integer, primary_key=True)
    name = Column(String(80), nullable=False)
    parent_id = Column(Integer, ForeignKey("department.id", ondelete="SET NULL"), nullable=True)

    parent = relationship("Department", remote_side=[id], backref="children")


class Employee(Base):
    __tablename__ = "employee"

    id = Column(Integer, primary_key=True)
    name = Column(String(80), nullable=False)
    department_id = Column(
        Integer,
        ForeignKey("department.id", ondelete="CASCADE", onupdate="CASCADE"),
        nullable=False,
        index=True,
    )
    manager_id = Column(Integer, ForeignKey("employee.id", name="fk_employee_manager", ondelete="RESTRICT"))

    department = relationship("Department", backref="employees")
    manager = relationship("Employee", remote_side="Employee.id")
