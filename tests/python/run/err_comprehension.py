rows = [{"id": 1, "name": "ann"}, {"id": 2}]
names = [row["name"] for row in rows]
