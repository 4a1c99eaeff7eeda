import os

config = {"env": os.getenv("APP_ENV")}
print(config)
engine = create_engine(config["env"])
