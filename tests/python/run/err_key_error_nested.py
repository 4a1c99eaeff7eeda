settings = {"database": {"default": {"url": "sqlite://"}}}
url = settings["database"]["replica"]["url"]
