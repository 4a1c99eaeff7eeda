from app.registry import register


@register
class User:
    pass
