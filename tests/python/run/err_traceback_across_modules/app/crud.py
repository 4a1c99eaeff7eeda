from app.validate import require_email


def create_user(data):
    email = require_email(data)
    return {"email": email}
