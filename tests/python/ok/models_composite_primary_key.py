from sqlalchemy import Column, ForeignKey, Integer, PrimaryKeyConstraint, String, DateTime
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Enrollment(Base):
    __tablename__ = "enrollment"
    __table_args__ = (PrimaryKeyConstraint("student_id", "course_id", name="pk_enrollment"),)

    student_id = Column(Integer, ForeignKey("student.id"))
    course_id = Column(Integer, ForeignKey("course.id"))
    grade = Column(String(2))
    enrolled_at = Column(DateTime)


class Student(Base):
    __tablename__ = "student"
    id = Column(Integer, primary_key=True)


class Course(Base):
    __tablename__ = "course"
    id = Column(Integer, primary_key=True)
    code = Column(String(10), unique=True)
