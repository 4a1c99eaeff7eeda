line = "sqlalchemy.url = sqlite:///a.db = extra"
key, value = [part.strip() for part in line.split("=")]
