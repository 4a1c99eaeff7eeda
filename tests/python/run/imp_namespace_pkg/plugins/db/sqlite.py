NAME = "sqlite"
