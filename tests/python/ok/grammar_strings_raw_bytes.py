pattern = r"^\d{3}-\d{4}$"
windows = r"C:\Users\name\file.txt"
raw_quote = r"a\"b"
raw_single = r'\n is not a newline'
data = b"\x00\x01\xff"
ascii_bytes = b'hello'
raw_bytes = rb"\d+"
raw_bytes2 = br"\w+"
raw_bytes3 = Rb"\s"
raw_bytes4 = bR"\S"
upper_b = B"BYTES"
upper_r = R"RAW\t"
unicode_prefix = u"legacy unicode prefix"
upper_u = U"또 다른"
bytes_triple = b"""multi
line bytes"""
raw_triple = r"""raw \ triple
with a backslash at line end \
"""
empty_bytes = b""
empty_raw = r""
high_bytes = b"\x80\x81\xfe caf\xc3\xa9"
