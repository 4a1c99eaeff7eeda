name = "사용자"
value = 3.14159
items = ["a", "b"]

s1 = f"{name}"
s2 = f"{name!r}"
s3 = f"{name!s}"
s4 = f"{name!a}"
s5 = f"hello {name}, you have {len(items)} items"
s6 = f"{value!r:>12}"
s7 = f"{items[0]!r} and {items[-1]!s}"
s8 = f"{name!a:^20}"
s9 = f""
s10 = f"no placeholders"
s11 = f"{{escaped}} {name} {{and}}"
s12 = f"{'literal'}"
s13 = f"{1 + 2}{3 * 4}"
s14 = f"{value:.2f}{name}"
