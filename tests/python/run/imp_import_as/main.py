import app.core.config as cfg
import os.path as osp
from app.core.config import settings as s, Settings as SettingsClass
import app.core

print(cfg.settings.PROJECT_NAME, s.PROJECT_NAME, SettingsClass.__name__)
print(cfg.__name__, osp.basename("/x/y.py"), app.core.config is cfg)
print("cfg" in dir(), "config" in dir())
