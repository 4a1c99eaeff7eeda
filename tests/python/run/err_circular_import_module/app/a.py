import app.b

VALUE = "a"
