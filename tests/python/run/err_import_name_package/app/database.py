engine = "engine"
