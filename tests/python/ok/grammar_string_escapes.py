newline = "line1\nline2"
tab = "a\tb"
cr = "a\rb"
backslash = "a\\b"
quote = 'it\'s'
dquote = "say \"hi\""
hex_escape = "\x41\x42"
octal = "\101\102\7"
unicode16 = "\u00e9\u4e2d"
unicode32 = "\U0001F600"
named = "\u03b1\u2022"
bell = "\a\b\f\v\0"
line_continuation = "abc\
def"
bytes_escapes = b"\x00\n\t\\\'\"\101"
mixed = 'tab\there "double" \'single\''
null_char = "\x00"
nul_octal = "\000"
