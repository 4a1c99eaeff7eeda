def find(rows, key):
    for row in rows:
        if row["id"] == key:
            return row


row = find([{"id": 1, "name": "ann"}], 2)
print(row["name"])
