print(2 ** 64, -2 ** 2, (-2) ** 2, 10 ** 20 + 1, 99999999999 * 99999999999)
print(10**30, -(10**30), 2**100 // 3, 2**100 % 7, -(2**100) // 7, divmod(-(1<<100), 7))
x = 18446744073709551616
print(x, type(x), x - 1 - 2**64, (x - 1 - 2**64) == -1, hash(-1), hash(x), hash(-x), hash(2**61-1))
print(float(2**100), 2**100 / 3, (1<<1100)//(1<<1090), 1 / (1 << 2000), 10**30 == 1e30, 2**53 + 1 == 2.0**53)
print(max(10**30, 1e30), 10**30 < 1e30, {10**30: 1}[10**30], {2.0**70: 'f'}[2**70])
print(~(1 << 100), (1 << 100) & -1, (1<<100) | 1, (1 << 100) ^ (1 << 99), -(1 << 100) >> 3, (1<<100) >> 200)
print(format(10**30, ','), format(10**30, '_x'), format(-10**30, '>40,'), f"{1234:010,}", f"{-255:#010x}", f"{2**70:b}")
print('%d %x %o %#x %08d' % (10**30, 10**30, 10**30, 255, -42), '%d' % 1e30)
print(int('9' * 30), int('-' + 'f'*20, 16), int(1e30), int(-1e19), round(2**100, -10), round(1e30), abs(-10**30), abs(-2**63))
print(pow(3, 1000, 1 << 70), pow(3, -1, 7), pow(2, 100), pow(-2, 101), (10**20).bit_length(), (2**100).bit_count())
print((-10**30).to_bytes(20, 'big', signed=True), int.from_bytes(b'\xff' * 20, 'big'), (10).__add__(5), (5).__radd__(1))
print(sum([10**20] * 5), sum(range(10**6)), 10**30 * 1.0, bool(10**30), -(-2**63), (-2**63) // -1, str(-2**63 * 1))
cases = [
    ('float(1<<1024)', lambda: float(1<<1024)),
    ('(1<<1024)/1', lambda: (1<<1024)/1),
    ('(1<<1024) * 1.0', lambda: (1<<1024) * 1.0),
    ('str(10**5000)', lambda: str(10**5000)),
    ("int('9'*5000)", lambda: int('9'*5000)),
    ('1<<-1', lambda: 1<<-1),
    ('1 << (1<<62)', lambda: 1 << (1<<62)),
    ('[1][10**20]', lambda: [1][10**20]),
    ("'a' * 10**20", lambda: 'a' * 10**20),
    ('10**30 // 0', lambda: 10**30 // 0),
    ('pow(3, -1, 6)', lambda: pow(3, -1, 6)),
    ("int(float('inf'))", lambda: int(float('inf'))),
    ('chr(10**30)', lambda: chr(10**30)),
    ("format(10**30, 'c')", lambda: format(10**30, 'c')),
    ("format(10**30, ',x')", lambda: format(10**30, ',x')),
]
for text, f in cases:
    try:
        print(text, "=>", f())
    except Exception as ex:
        print(text, "=>", type(ex).__name__, ex)
# Fast path and big path agree at the 64-bit edges.
edge = 2**63
print(edge - 1, -edge, -edge - 1, (edge - 1) + 1, type(edge - 1 + 1).__name__, -(-edge), abs(-edge))
print(edge * edge // edge == edge, (edge << 1) >> 1 == edge, hash(edge - 1), hash(edge), hash(-edge))
print((-edge) % 7, (-edge) // -1, divmod(edge, -3), -edge // 3, edge % -3)
# Big ints as dict keys and set members, equal to their floats when exact.
d = {2**64: 'a', 2**64 + 1: 'b', 1.0: 'one'}
print(d[2**64], d[float(2**64)], d[1], 2**64 in {2.0**64}, len({2**100, 2**100 + 0, 2.0**100}))
print(sorted([2**70, -2**70, 3, 1e25, -1.5, 2**80]), min(2**65, 2**65 + 1), max([-2**65, 0]))
print(hash(1.5), hash(-0.5), hash(1e300), hash(float('inf')), hash(2.0**70) == hash(2**70), hash(True))
# Formatting.
big = 12345678901234567890123
print(f"{big:,}", f"{big:_}", f"{big:>35,}", f"{big:+}", f"{-big: }", f"{big:x}", f"{big:#X}", f"{big:o}")
print(f"{big:e}", f"{big:.3g}", f"{big:,.2f}", f"{big:040_}", f"{-big:=+40,}", f"{big:*^40}")
print(repr(big), str(-big), ascii(big), len(str(2**1000)), str(2**1000)[:20])
print('%d|%i|%x|%X|%o|%20d|%-20d|%+d' % (big, big, big, big, big, 10**15, 10**15, big))
# Conversions.
print(int('  -123456789012345678901234567890  '), int('0x' + 'f' * 20, 0), int('1' * 70, 2), int('z' * 15, 36))
print(float(10**300), float(-2**1023), int(1.5e20), int(-2.5e25), round(10**25 + 5, -1), round(-10**25 - 15, -1))
print(2**64 / 2**32, (2**64 + 1) / 2, 10**40 / 10**20, -10**40 / 3, 7 / 2**70, (3 * 2**80) / (2**80))
print(2 ** -2, (-2) ** 3, 0 ** 0, (-1) ** (2**70), (-1) ** (2**70 + 1), 1 ** (10**30), 0 ** (10**30))
print(pow(2, 10**18, 10**9 + 7), pow(-3, 5, 7), pow(3, 5, -7), pow(2**100, 2**100, 2**61 - 1), pow(38, -1, 97))
print((2**100).bit_length(), (-2**100).bit_length(), (0).bit_length(), (2**100 - 1).bit_count(), (10).to_bytes(2, 'little'))
print(int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True), int.from_bytes([1, 2, 3], 'little'))
print((2**70).numerator, (2**70).denominator, (2**70).real, (2**70).imag, (2**70).conjugate(), (2**70).as_integer_ratio())
print(2**100 == 2**100, 2**100 is not None, 2**100 != 2**100 + 1, 2**100 > 2**99, -2**100 < 2**99, 2**100 >= 1e30)
print(1e400 > 2**2000, float('-inf') < -2**2000, float('nan') == 2**100, float('nan') < 2**100, float('nan') >= 2**100)
fact = 1
for i in range(1, 60):
    fact *= i
print(fact, fact % 1000003, fact // 10**70, str(fact).count('0'))
fib = [0, 1]
while len(fib) < 200:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], sum(fib) % 10**12, fib[150] * fib[151] - fib[152] * fib[149])
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(10**4999)), sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(7**9000)))
sys.set_int_max_str_digits(4300)
try:
    print(7**9000)
except ValueError as e:
    print(type(e).__name__)
x = 3
x **= 100
x <<= 3
x //= 7
x -= 2**300
x *= -1
x %= 10**50
x >>= 2
print(x, -x, +x, ~x, x & 0xffff, x | 1, x ^ x)
print([10**20 + i for i in range(3)], {10**20: [2**70]}, (2**65,), {-2**65})


class C:
    pass


# Edge cases: errors as CPython words them.
edge_cases = [
    lambda: format(10**30, ''), lambda: '%c' % 10**30, lambda: round(10**30, 10**30),
    lambda: pow(0, -1, 5), lambda: (1).to_bytes(-1, 'big'), lambda: int.from_bytes(b'', 'big'), lambda: float('1e400'),
    lambda: 1 << 10**30, lambda: (-1) >> 10**30, lambda: 10**30 >> -1, lambda: divmod(10**30, 0), lambda: 10**30 % 0.0,
    lambda: hash(float('nan')) == hash(float('nan')), lambda: {**C().__dict__}, lambda: pow(10**30, 10**30, 0),
    lambda: pow(2, 10**30, 10**40 + 1), lambda: (2**64).to_bytes(8, 'big'), lambda: (-2**63).to_bytes(8, 'big', signed=True),
    lambda: 10**30 * 'ab', lambda: 'ab' * -10**30, lambda: [0] * 10**30, lambda: (1,) * -(10**30),
    lambda: int('_1'), lambda: int('1_000', 0), lambda: int('0x_ff', 16), lambda: int(' +7 '), lambda: int('--7'),
    lambda: 2**-10**30, lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: 10**400 ** 0.5,
    lambda: 1.5 // 10**400, lambda: -10**20 // 3.0, lambda: sorted([10**20, 1e20, 10**20 - 1, 1e20 + 1]),
    lambda: round(-2**63), lambda: -(-2**63) - 1, lambda: abs(-2**63), lambda: int(-2**63 * 1.0), lambda: float(2**63),
    lambda: [1, 2, 3][10**30:], lambda: [1, 2, 3][-10**30:2], lambda: 'abc'[::10**30], lambda: 10**30 in range(5),
    lambda: f"{10**30:08}", lambda: f"{-10**30:,d}", lambda: f"{True:>5}", lambda: f"{5:c}", lambda: f"{65:c}",
    lambda: (2**100).__index__(), lambda: (7).__rsub__(10), lambda: (2**70).bit_count(),
]
for i, f in enumerate(edge_cases):
    try:
        print(i, repr(f()))
    except Exception as ex:
        print(i, type(ex).__name__, ex)
