SQL = """
SELECT id, email
  FROM users
 WHERE is_active = 1
"""

HELP = '''Usage:
    alembic upgrade head
    alembic downgrade -1
'''

empty = """"""
quotes_inside = """He said "hi" and 'bye'."""
ends_with_quote = """trailing \""""
single_line = """one line"""
continued = """first \
second"""
korean = """여러 줄
문자열입니다.
"""
tabs_inside = """	tab	separated	"""
nested_single = '''it's "fine"'''
