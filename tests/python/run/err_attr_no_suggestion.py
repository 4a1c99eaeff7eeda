class Session:
    def add(self, obj):
        self.obj = obj


session = Session()
session.add("x")
session.commit()
