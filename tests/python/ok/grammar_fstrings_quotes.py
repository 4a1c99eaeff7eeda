row = {"key": "value", "이름": "홍길동"}
names = ["a", "b"]

q1 = f"{row['key']}"
q2 = f'{row["key"]}'
q3 = f"""{row["key"]} and {row['이름']}"""
q4 = f'''{'single'} "double" {"double"}'''
q5 = f"{', '.join(names)}"
q6 = f'it\'s {names[0]}'
q7 = f"say \"{names[1]}\""
q8 = F"{row['key']!r}"
q9 = rf"C:\path\{names[0]}"
q10 = fr"\d+{names[1]}"
q11 = Rf"\w{names[0]}"
q12 = f"""
SELECT *
  FROM users
 WHERE name = '{row["이름"]}'
"""
q13 = f"{'{'}{names[0]}{'}'}"
q14 = f"{names[0]:{'>'}{10}}"
q15 = f"{(lambda x: x * 2)(3)}"
q16 = f"{'a' if names else 'b'}"
q17 = f"{ {'k': 1}['k'] }"
q18 = f"{row!r}" f"{names}" "plain"
