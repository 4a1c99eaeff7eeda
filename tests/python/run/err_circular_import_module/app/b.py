import app.a

USED = app.a.VALUE
