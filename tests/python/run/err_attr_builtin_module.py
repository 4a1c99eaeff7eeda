import os

print(os.path.join("a", "b"))
print(os.getenvv("APP_ENV"))
