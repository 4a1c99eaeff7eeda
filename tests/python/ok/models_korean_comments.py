# -*- coding: utf-8 -*-
"""쇼핑몰 도메인 모델

사용자(User), 주문(Order), 주문 항목(OrderItem)을 정의합니다.
"""
from sqlalchemy import Column, ForeignKey, Integer, String, Numeric
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class 사용자(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)  # 기본 키
    이름 = Column("name", String(50), nullable=False, comment="사용자 이름")
    이메일 = Column("email", String(255), unique=True, comment="로그인 이메일")

    주문들 = relationship("주문", back_populates="주문자")

    def __repr__(self):
        return f"<사용자 {self.이름}>"


class 주문(Base):
    __tablename__ = "orders"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    합계 = Column("total", Numeric(12, 0), default=0, comment="원 단위 합계")

    주문자 = relationship("사용자", back_populates="주문들")
