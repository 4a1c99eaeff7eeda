import datetime
import uuid
from datetime import date, datetime as dt
from decimal import Decimal

created = dt(2024, 3, 15, 9, 30, 5)
print(created, repr(created))
print(created.isoformat(), created.year, created.month, created.day, created.hour)
print(date(2024, 1, 2), repr(date(2024, 1, 2)), date(2024, 1, 2).isoformat())
print(dt(2024, 1, 1) < created, dt(2024, 1, 1) == dt(2024, 1, 1, 0, 0))
print(isinstance(created, datetime.datetime), dt(2020, 2, 29, 12))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, str(u) == "12345678-1234-5678-1234-567812345678")
print(uuid.UUID("12345678123456781234567812345678") == u)
price = Decimal("19.99")
print(price, repr(price), price + Decimal("0.01"), price * 2, Decimal("1.10") + Decimal("2.205"))
print(Decimal("10") / Decimal("4"), Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), str(Decimal("3.50")))
print(Decimal(5), Decimal("2.5") > 2, f"{Decimal('1234.5'):.2f}")
