offset = "5"
print(-offset)
