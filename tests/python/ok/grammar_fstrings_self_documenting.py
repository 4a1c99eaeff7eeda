user_id = 7
name = "kim"
scores = [90, 85]

d1 = f"{user_id=}"
d2 = f"{user_id = }"
d3 = f"{name=!r}"
d4 = f"{name=!s}"
d5 = f"{user_id=:>5}"
d6 = f"{len(scores)=}"
d7 = f"{scores[0] + scores[1]=}"
d8 = f"{name.upper()=} and {user_id=:03d}"
d9 = f"{user_id  =  }"
d10 = f"{name=!r:^10}"
