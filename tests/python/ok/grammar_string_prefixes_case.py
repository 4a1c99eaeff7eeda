values = [
    "plain",
    'single',
    r"raw", R"RAW", u"unicode", U"UNICODE",
    f"fmt", F"FMT", rf"rf", fr"fr", Rf"Rf", fR"fR", RF"RF", FR"FR", rF"rF", Fr"Fr",
]
bytes_values = [b"b", B"B", rb"rb", br"br", Rb"Rb", bR"bR", RB"RB", BR"BR", rB"rB", Br"Br"]
triple_prefixed = [r"""r3""", b'''b3''', f"""f3""", rb'''rb3''', Rf"""Rf3"""]
