port = "8000"
next_port = 1 + port
