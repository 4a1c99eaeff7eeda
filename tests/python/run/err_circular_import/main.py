print("loading models")
import app.models
