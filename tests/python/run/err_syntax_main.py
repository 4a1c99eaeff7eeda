print("this never runs")
config = {"url": "sqlite://",
          "echo": True
print(config)
