def require_email(data):
    email = data["email"]
    if "@" not in email:
        raise ValueError(f"invalid email address: {email!r}")
    return email.lower()
