def get_url(settings):
    url = settings.get("url")
    return urll


def main():
    settings = {"url": "sqlite://"}
    print("resolving")
    return get_url(settings)


main()
