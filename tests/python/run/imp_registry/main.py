from app.registry import MODELS

print("before:", list(MODELS))
import app.models

print("after:", list(MODELS))
print(MODELS["Post"].author is MODELS["User"], app.models.tag.Tag is MODELS["Tag"])
