def upgrade():
    print("up")
      print("bad indent")
