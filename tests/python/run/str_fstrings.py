name = "alembic"
version = (1, 13, 1)
ratio = 0.8567
big = 1234567.891
n = 255
print(f"{name}")
print(f"{name!r} {name!s} {name!a} {'héllo'!a}")
print(f"[{name:>10}] [{name:<10}] [{name:^10}] [{name:*^11}]")
print(f"{ratio:.2f} {ratio:.1%} {ratio:10.3f}| {ratio:e}")
print(f"{big:,} {big:,.2f} {big:_.1f} {int(big):,}")
print(f"{n:x} {n:X} {n:#x} {n:o} {n:#o} {n:b} {n:08b} {n:+d} {-n:d}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{-n:06d}")
print(f"{3.14159:8.3f}|{3.0:g}|{1e-5:g}|{123456789.0:g}|{0.5:.0f}|{1.5:.0f}|{2.5:.0f}")
width, prec = 12, 3
print(f"{ratio:{width}.{prec}f}|")
print(f"{'.'.join(map(str, version))} {version[0] + 1}")
print(f"{name=} {ratio=:.1f} {n = }")
items = {"a": 1}
print(f"{items['a']} {items!r} {len(items)}")
print(f"{{literal}} {{{name}}}")
print(f"{'yes' if ratio > 0.5 else 'no'}")
print(f"{True} {None} {[1, 2]} {(1,)}")
print(f"{'left':-<8}{'right':->8}")
print(f"""multi
{name.upper()}""")
print(f"{1000000:,d} {12:3} {'s':3}|")
print(f"{-0.0} {1/3} {2/3:.5} {10/4}")
print(format(1234.5, ",.1f"), format("x", ">3"), format(42))
