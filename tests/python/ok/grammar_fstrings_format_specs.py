import datetime

width = 10
precision = 3
value = 12345.6789
now = datetime.datetime(2024, 1, 2, 3, 4, 5)

f1 = f"{value:,.2f}"
f2 = f"{value:>{width}}"
f3 = f"{value:{width}.{precision}f}"
f4 = f"{value:{'<' if width > 5 else '>'}{width}}"
f5 = f"{now:%Y-%m-%d %H:%M:%S}"
f6 = f"{42:08b}"
f7 = f"{255:#x} {255:#o} {255:X}"
f8 = f"{0.25:.1%}"
f9 = f"{'centered':*^{width + 4}}"
f10 = f"{value:_}"
f11 = f"{-7:+d} {7: d}"
f12 = f"{value!r:{width}}"
f13 = f"{value:{width}}|{value:<{width}}|"
f14 = f"{now:{'%H:%M'}}"
f15 = f"{3:{'0'}{4}d}"
