name = "world"

s1 = "hello " "world"
s2 = "a" 'b' """c""" '''d'''
s3 = (
    "This is a long message that "
    "spans several lines "
    "without plus signs."
)
s4 = "prefix " f"{name}" " suffix"
s5 = f"{name}" f"{name!r}"
s6 = r"\d+" "\\d+"
s7 = b"abc" b"def"
s8 = ("SELECT * "
      "FROM users "
      f"WHERE name = '{name}'")
s9 = "" ""
s10 = "한국어 " '문자열'
s11 = rb"\x" b"\x41"
call = print("first part, "
             "second part")
