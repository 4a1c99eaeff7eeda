class Config:
    url = "sqlite://"


cfg = Config()
for option in ["url", "echo"]:
    print(option, getattr(cfg, option))
