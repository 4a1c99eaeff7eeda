from app.errors import check

print(check("sqlite:///a.db"))
check("mongodb://x")
