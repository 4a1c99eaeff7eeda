import app
print("app imported")
import app.models
