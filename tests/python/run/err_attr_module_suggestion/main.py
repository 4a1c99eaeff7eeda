import settings

print(settings.ECHO_SQL)
print(settings.DATABSE_URL)
