print("init app")
VERSION = "1.0"
