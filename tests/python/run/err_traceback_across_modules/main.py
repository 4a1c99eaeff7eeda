from app.crud import create_user

print(create_user({"email": "ANN@example.com"}))
create_user({"email": "not-an-email"})
