//! Integers beyond 64 bits: Python's unbounded `int` as `Value::BigInt` (num-bigint) once a
//! result leaves i64, and back to `Value::Int` when it fits again; CPython's numeric hash,
//! exact int/float comparison, correctly rounded true division, the 4300-digit limit on
//! int/str conversion, and the size and work bounds that keep `2 ** 10 ** 9` from freezing
//! the tab.

use std::cmp::Ordering;
use std::rc::Rc;

pub use num_bigint::BigInt;
use num_bigint::{BigUint, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Pow, Signed, ToPrimitive, Zero};

use super::value::Value;
use super::{Interp, PyErr};
use crate::python::ast::Operator;

/// The largest int one operation may build, in bits (8 MiB). CPython would go on until the
/// machine's memory runs out; a browser tab cannot give memory back, so past this an
/// operation raises MemoryError instead.
pub const MAX_INT_BITS: u64 = 1 << 26;

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The smallest limit `sys.set_int_max_str_digits` accepts (other than 0, no limit).
pub const MIN_MAX_STR_DIGITS: usize = 640;

/// CPython's hash modulus for numbers, the Mersenne prime 2**61 - 1: equal numbers of any
/// type hash alike because all reduce modulo it.
const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;

/// log2(10): bits per decimal digit.
const BITS_PER_DIGIT: f64 = std::f64::consts::LOG2_10;

/// An int result as the evaluator keeps it: `Int` whenever it fits 64 bits, so equal ints
/// are always the same variant (equality, hashing and dict keys rely on that).
pub fn int_value(n: BigInt) -> Value {
    match n.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(n)),
    }
}

/// The integer an `int`, big int or `bool` stands for.
pub fn big_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(n) => Some(BigInt::from(*n)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(n) => Some((**n).clone()),
        _ => None,
    }
}

/// CPython's `hash(int)`: |n| modulo 2**61 - 1 with n's sign, -1 (an error marker in C)
/// becoming -2.
pub fn hash_i64(n: i64) -> i64 {
    let m = (n.unsigned_abs() % HASH_MODULUS) as i64;
    fix_hash(if n < 0 { -m } else { m })
}

pub fn hash_big(n: &BigInt) -> i64 {
    let m = (n.magnitude() % BigUint::from(HASH_MODULUS))
        .to_i64()
        .unwrap_or(0);
    fix_hash(if n.is_negative() { -m } else { m })
}

fn fix_hash(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `hash(float)` (`_Py_HashDouble`): the float's exact value modulo 2**61 - 1, so
/// a whole float hashes as the equal int. NaN hashes by identity in CPython; NaN floats
/// carry none here, so they hash as 0.
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS) | (h >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS {
            h -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS as i32
    } else {
        HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32)
    } as u32;
    h = ((h << e) & HASH_MODULUS) | (h >> (HASH_BITS - e));
    let h = h as i64;
    fix_hash(if x < 0.0 { -h } else { h })
}

/// C's `frexp` for a finite positive x: mantissa in [0.5, 1) and exponent.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let (x, bias) = if x < f64::MIN_POSITIVE {
        (x * 2f64.powi(54), -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, exp + bias)
}

/// x * 2**e without overflowing the intermediate power of two.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// The float nearest an int, or `None` when it is beyond the largest float.
pub fn big_to_f64(n: &BigInt) -> Option<f64> {
    n.to_f64().filter(|x| x.is_finite())
}

/// An int against a float, exactly (CPython does not round the int first: `10**30 == 1e30`
/// is False); `None` when the float is NaN.
pub fn cmp_int_float(n: &BigInt, x: f64) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let t = x.trunc();
    let whole = BigInt::from_f64(t)?;
    Some(match n.cmp(&whole) {
        Ordering::Equal if x > t => Ordering::Less,
        Ordering::Equal if x < t => Ordering::Greater,
        other => other,
    })
}

/// Numbers (bool, int, float) ordered exactly as Python orders them: `None` when either is
/// not a number, `Some(None)` when a NaN makes them unordered.
pub fn num_cmp(l: &Value, r: &Value) -> Option<Option<Ordering>> {
    // Ints up to 2**53 are exact as floats: the common case needs no big int.
    let exact = |n: i64| n.unsigned_abs() <= 1 << 53;
    Some(match (l, r) {
        (Value::Float(a), Value::Float(b)) => a.partial_cmp(b),
        (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
        (Value::Int(n), Value::Float(x)) if exact(*n) => (*n as f64).partial_cmp(x),
        (Value::Float(x), Value::Int(n)) if exact(*n) => x.partial_cmp(&(*n as f64)),
        (Value::Float(x), other) => cmp_int_float(&big_of(other)?, *x).map(Ordering::reverse),
        (other, Value::Float(x)) => cmp_int_float(&big_of(other)?, *x),
        _ => Some(big_of(l)?.cmp(&big_of(r)?)),
    })
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide` is (converting both
/// to floats first would round twice); `None` when the quotient is beyond the largest float.
pub fn true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    if a.bits() <= 53 && b.bits() <= 53 {
        return Some(a.to_f64()? / b.to_f64()?);
    }
    let negative = a.is_negative() != b.is_negative();
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    let (a, b) = (a.magnitude(), b.magnitude());
    // Scale so the integer quotient has 55 or 56 bits; a nonzero remainder becomes a sticky
    // low bit, so rounding that quotient to 53 bits rounds the exact value.
    let shift = b.bits() as i64 - a.bits() as i64 + 55;
    let (n, d) = if shift >= 0 {
        (a << shift as u64, b.clone())
    } else {
        (a.clone(), b << (-shift) as u64)
    };
    let (q, r) = n.div_rem(&d);
    let q = if r.is_zero() { q } else { q | BigUint::one() };
    let x = ldexp(q.to_f64()?, -shift);
    let x = if negative { -x } else { x };
    x.is_finite().then_some(x)
}

/// 64-bit limbs of a magnitude, the unit of the work estimates below.
fn limbs(n: &BigInt) -> u64 {
    n.bits() / 64 + 1
}

impl Interp<'_> {
    /// Counts big-int work against the step budget before doing it: a limb operation is
    /// far cheaper than an evaluator step, so 64 of them make one step. A multiplication
    /// the budget cannot pay for stops the program the way an endless loop does, rather
    /// than freezing the tab.
    pub(crate) fn charge_limbs(&mut self, work: u64) -> Result<(), PyErr> {
        self.charge(usize::try_from(work / 64).unwrap_or(usize::MAX))
    }

    /// MemoryError, as CPython raises when an int cannot be allocated.
    pub(crate) fn int_too_big(&mut self) -> PyErr {
        self.new_error("MemoryError", "")
    }

    fn check_bits(&mut self, bits: u64) -> Result<(), PyErr> {
        if bits > MAX_INT_BITS {
            return Err(self.int_too_big());
        }
        Ok(())
    }

    /// `float(n)`, with CPython's OverflowError past the largest float.
    pub(crate) fn int_to_f64(&mut self, n: &BigInt) -> Result<f64, PyErr> {
        big_to_f64(n)
            .ok_or_else(|| self.new_error("OverflowError", "int too large to convert to float"))
    }

    /// A binary operator on two ints whose result may not fit 64 bits (the i64 fast path in
    /// `binary_op` comes here on overflow or when an operand is already big).
    pub(crate) fn big_binop(
        &mut self,
        op: Operator,
        a: &BigInt,
        b: &BigInt,
    ) -> Result<Value, PyErr> {
        use Operator::*;
        let linear = limbs(a) + limbs(b);
        Ok(match op {
            Add => {
                self.charge_limbs(linear)?;
                int_value(a + b)
            }
            Sub => {
                self.charge_limbs(linear)?;
                int_value(a - b)
            }
            Mult => {
                self.check_bits(a.bits() + b.bits())?;
                let (la, lb) = (limbs(a), limbs(b));
                // Beyond a few dozen limbs num-bigint multiplies by Karatsuba/Toom-3, well
                // under the schoolbook product of the lengths.
                let work = if la.min(lb) > 32 {
                    la * lb / 4
                } else {
                    la * lb
                };
                self.charge_limbs(work)?;
                int_value(a * b)
            }
            FloorDiv | Mod => {
                if b.is_zero() {
                    let msg = if op == Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    };
                    return Err(self.new_error("ZeroDivisionError", msg));
                }
                self.charge_limbs(limbs(a) * limbs(b))?;
                let (q, r) = a.div_mod_floor(b);
                int_value(if op == Mod { r } else { q })
            }
            Div => {
                if b.is_zero() {
                    return Err(self.new_error("ZeroDivisionError", "division by zero"));
                }
                self.charge_limbs(limbs(a) * limbs(b))?;
                match true_div(a, b) {
                    Some(x) => Value::Float(x),
                    None => {
                        return Err(self.new_error(
                            "OverflowError",
                            "integer division result too large for a float",
                        ))
                    }
                }
            }
            Pow => return self.int_pow(a, b),
            LShift => {
                if b.is_negative() {
                    return Err(self.new_error("ValueError", "negative shift count"));
                }
                if a.is_zero() {
                    return Ok(Value::Int(0));
                }
                if b.to_i64().is_none() {
                    return Err(self.new_error("OverflowError", "too many digits in integer"));
                }
                let Some(s) = b
                    .to_u64()
                    .filter(|s| a.bits().saturating_add(*s) <= MAX_INT_BITS)
                else {
                    return Err(self.int_too_big());
                };
                self.charge_limbs(limbs(a) + s / 64)?;
                int_value(a << s)
            }
            RShift => {
                if b.is_negative() {
                    return Err(self.new_error("ValueError", "negative shift count"));
                }
                match b.to_u64().filter(|s| *s < a.bits()) {
                    Some(s) => {
                        self.charge_limbs(limbs(a))?;
                        // num-bigint rounds a negative shift toward -inf, as Python does.
                        int_value(a >> s)
                    }
                    None => Value::Int(if a.is_negative() { -1 } else { 0 }),
                }
            }
            BitAnd => {
                self.charge_limbs(linear)?;
                int_value(a & b)
            }
            BitOr => {
                self.charge_limbs(linear)?;
                int_value(a | b)
            }
            BitXor => {
                self.charge_limbs(linear)?;
                int_value(a ^ b)
            }
            MatMult => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        })
    }

    /// `a ** b` for ints: a float for a negative exponent, refused (MemoryError) when the
    /// result would pass [`MAX_INT_BITS`], charged to the step budget otherwise.
    fn int_pow(&mut self, a: &BigInt, b: &BigInt) -> Result<Value, PyErr> {
        if b.is_negative() {
            let x = self.int_to_f64(a)?;
            let y = self.int_to_f64(b)?;
            if x == 0.0 {
                return Err(self.new_error(
                    "ZeroDivisionError",
                    "0.0 cannot be raised to a negative power",
                ));
            }
            return Ok(Value::Float(x.powf(y)));
        }
        if b.is_zero() {
            return Ok(Value::Int(1));
        }
        if a.is_zero() || a.is_one() {
            return Ok(int_value(a.clone()));
        }
        if a.magnitude().is_one() {
            return Ok(Value::Int(if b.is_odd() { -1 } else { 1 }));
        }
        let bits = a.bits();
        // |a| >= 2 has at least `bits - 1` bits' worth of magnitude, so the result has more
        // than (bits - 1) * e bits.
        let Some(e) = b
            .to_u64()
            .filter(|e| (bits - 1).saturating_mul(*e) < MAX_INT_BITS)
        else {
            return Err(self.int_too_big());
        };
        let result_bits = bits.saturating_mul(e);
        if a.magnitude().count_ones() == 1 {
            // A power of two is a shift: no multiplication at all.
            let shift = (bits - 1) * e;
            self.charge_limbs(shift / 64)?;
            let n = BigInt::one() << shift;
            return Ok(int_value(if a.is_negative() && e % 2 == 1 {
                -n
            } else {
                n
            }));
        }
        self.check_bits(result_bits)?;
        // Squarings dominate: the last one squares half the result, those before it a
        // geometric series of smaller ones.
        let n = result_bits / 64 + 1;
        self.charge_limbs(n.saturating_mul(n) / 8 + n * (64 - e.leading_zeros() as u64))?;
        Ok(int_value(Pow::pow(a, e)))
    }

    /// `pow(a, b, m)` for ints: modular exponentiation, with a modular inverse for a
    /// negative exponent (Python 3.8's rule).
    pub(crate) fn int_pow_mod(
        &mut self,
        a: &BigInt,
        b: &BigInt,
        m: &BigInt,
    ) -> Result<Value, PyErr> {
        if m.is_zero() {
            return Err(self.new_error("ValueError", "pow() 3rd argument cannot be 0"));
        }
        // The inverse is found modulo |m|; modpow then reduces into Python's range for m's
        // sign ([0, m) or (m, 0]).
        let m_abs = m.abs();
        let base = if b.is_negative() {
            let g = a.mod_floor(&m_abs).extended_gcd(&m_abs);
            if !g.gcd.is_one() {
                return Err(
                    self.new_error("ValueError", "base is not invertible for the given modulus")
                );
            }
            g.x
        } else {
            a.clone()
        };
        let e = b.abs();
        let lm = limbs(m);
        let work = (lm * lm).saturating_mul(e.bits().max(1) * 2);
        self.charge_limbs(work.saturating_add(limbs(a)))?;
        let r = base.modpow(&e, m);
        Ok(int_value(r))
    }

    /// `str(n)` in decimal, refused past `sys.get_int_max_str_digits()` digits as CPython
    /// 3.11 refuses (the conversion is quadratic: a denial of service otherwise).
    pub(crate) fn int_to_decimal(&mut self, n: &BigInt) -> Result<String, PyErr> {
        let limit = self.int_max_str_digits;
        let too_many = |interp: &mut Self| {
            interp.new_error(
                "ValueError",
                &format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                ),
            )
        };
        // A number of more bits than this has more than `limit` digits: refuse before the
        // work.
        if limit > 0 && n.bits() as f64 > limit as f64 * BITS_PER_DIGIT + 1.0 {
            return Err(too_many(self));
        }
        let l = limbs(n);
        self.charge_limbs(l.saturating_mul(l))?;
        let text = n.to_str_radix(10);
        let digits = text.len() - usize::from(n.is_negative());
        if limit > 0 && digits > limit {
            return Err(too_many(self));
        }
        Ok(text)
    }

    /// An int's sign and magnitude's digits in `radix` (2, 8, 10 or 16; lowercase).
    pub(crate) fn int_digits(&mut self, v: &Value, radix: u32) -> Result<(bool, String), PyErr> {
        Ok(match v {
            Value::Int(n) => {
                let m = n.unsigned_abs();
                let text = match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                };
                (*n < 0, text)
            }
            Value::Bool(b) => (false, (*b as u8).to_string()),
            Value::BigInt(n) if radix == 10 => {
                let text = self.int_to_decimal(&n.abs())?;
                (n.is_negative(), text)
            }
            Value::BigInt(n) => {
                self.charge_limbs(limbs(n))?;
                let bits = n.bits() / radix.trailing_zeros().max(1) as u64;
                self.check_size(usize::try_from(bits).unwrap_or(usize::MAX))?;
                (n.is_negative(), n.magnitude().to_str_radix(radix))
            }
            _ => (false, String::new()),
        })
    }

    /// An int from its digits (already checked: ASCII digits of `radix`, no sign, no
    /// underscores), with CPython's digit limit for radixes that are not powers of two.
    pub(crate) fn parse_int_digits(
        &mut self,
        digits: &str,
        radix: u32,
        negative: bool,
    ) -> Result<Value, PyErr> {
        if let Ok(n) = i64::from_str_radix(digits, radix) {
            return Ok(Value::Int(if negative { -n } else { n }));
        }
        let limit = self.int_max_str_digits;
        if !radix.is_power_of_two() && limit > 0 && digits.len() > limit {
            let msg = format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                digits.len()
            );
            return Err(self.new_error("ValueError", &msg));
        }
        let bits = (digits.len() as f64 * (radix as f64).log2()) as u64;
        self.check_bits(bits)?;
        let l = bits / 64 + 1;
        self.charge_limbs(l.saturating_mul(l))?;
        let magnitude = BigUint::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
        let sign = if negative { Sign::Minus } else { Sign::Plus };
        Ok(int_value(BigInt::from_biguint(sign, magnitude)))
    }

    /// `int(x)` of a float: truncated, exact however large.
    pub(crate) fn float_to_int(&mut self, x: f64) -> Result<Value, PyErr> {
        if x.is_nan() {
            return Err(self.new_error("ValueError", "cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(self.new_error("OverflowError", "cannot convert float infinity to integer"));
        }
        let t = x.trunc();
        if t.abs() < 9.2e18 {
            return Ok(Value::Int(t as i64));
        }
        Ok(BigInt::from_f64(t).map_or(Value::Int(0), int_value))
    }

    /// `round(n, ndigits)` for an int and a negative ndigits: to a multiple of 10**-ndigits,
    /// half to even.
    pub(crate) fn round_int(&mut self, n: &BigInt, ndigits: &BigInt) -> Result<Value, PyErr> {
        if !ndigits.is_negative() {
            return Ok(int_value(n.clone()));
        }
        // 10**k beyond n's digits rounds everything to 0.
        let k = ndigits.magnitude().to_u64().unwrap_or(u64::MAX);
        if k as f64 > n.bits() as f64 / BITS_PER_DIGIT + 2.0 {
            return Ok(Value::Int(0));
        }
        // Charged before 10**k is built: that power is as long as n.
        let f_limbs = (k as f64 * BITS_PER_DIGIT) as u64 / 64 + 1;
        self.charge_limbs((limbs(n) * f_limbs).saturating_mul(2))?;
        let f = Pow::pow(BigInt::from(10), k);
        let (q, r) = n.div_mod_floor(&f);
        let twice: BigInt = &r * 2;
        let q = match twice.cmp(&f) {
            Ordering::Greater => q + 1,
            Ordering::Equal if q.is_odd() => q + 1,
            _ => q,
        };
        Ok(int_value(q * f))
    }
}

/// The int an argument stands for, or the TypeError CPython raises for a non-integer.
fn int_arg(interp: &mut Interp, v: &Value) -> Result<BigInt, PyErr> {
    match big_of(v).or_else(|| interp.primitive(v).as_ref().and_then(big_of)) {
        Some(n) => Ok(n),
        None => {
            let t = interp.type_name(v);
            Err(interp.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// A keyword argument by name, or the positional one at `i`.
fn param(args: &[Value], kw: &[(Rc<str>, Value)], i: usize, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
        .or_else(|| args.get(i).cloned())
}

/// `byteorder` of `to_bytes`/`from_bytes`: true for big-endian.
fn big_endian(interp: &mut Interp, v: Option<Value>) -> Result<bool, PyErr> {
    match v.as_ref().map(|v| v.as_str()) {
        None | Some(Some("big")) => Ok(true),
        Some(Some("little")) => Ok(false),
        Some(Some(_)) => {
            Err(interp.new_error("ValueError", "byteorder must be either 'little' or 'big'"))
        }
        Some(None) => {
            let t = interp.type_name(v.as_ref().unwrap_or(&Value::None));
            Err(interp.type_error(&format!(
                "to_bytes() argument 'byteorder' must be str, not {t}"
            )))
        }
    }
}

/// The methods of `int` beyond its constructor: the bit and byte methods, the number
/// protocol's attributes, and the arithmetic dunders (`(10).__add__(5)`), which defer to
/// the operators and answer NotImplemented for a non-int, as CPython's do.
pub(crate) fn install_int_methods(cls: &Rc<super::value::Class>) {
    use super::builtins::method;
    method(cls, "bit_length", |interp, args, _| {
        let n = int_arg(interp, args.first().unwrap_or(&Value::None))?;
        Ok(Value::Int(n.bits() as i64))
    });
    method(cls, "bit_count", |interp, args, _| {
        let n = int_arg(interp, args.first().unwrap_or(&Value::None))?;
        Ok(Value::Int(n.magnitude().count_ones() as i64))
    });
    method(cls, "conjugate", |interp, args, _| {
        Ok(int_value(int_arg(
            interp,
            args.first().unwrap_or(&Value::None),
        )?))
    });
    method(cls, "__index__", |interp, args, _| {
        Ok(int_value(int_arg(
            interp,
            args.first().unwrap_or(&Value::None),
        )?))
    });
    method(cls, "as_integer_ratio", |interp, args, _| {
        let n = int_arg(interp, args.first().unwrap_or(&Value::None))?;
        Ok(Value::tuple(vec![int_value(n), Value::Int(1)]))
    });
    for (name, whole) in [
        ("numerator", true),
        ("real", true),
        ("denominator", false),
        ("imag", false),
    ] {
        let fget = super::builtins::builtin(name, "int", move |interp, args, _| {
            let n = int_arg(interp, args.first().unwrap_or(&Value::None))?;
            Ok(match (whole, name) {
                (true, _) => int_value(n),
                (false, "denominator") => Value::Int(1),
                _ => Value::Int(0),
            })
        });
        let prop = Value::Property(Rc::new(super::value::Property { fget, fset: None }));
        cls.dict.borrow_mut().insert(Rc::from(name), prop);
    }
    method(cls, "to_bytes", |interp, args, kw| {
        let n = int_arg(interp, args.first().unwrap_or(&Value::None))?;
        let length = match param(&args, &kw, 1, "length") {
            None => 1,
            Some(v) => match int_arg(interp, &v)?.to_i64() {
                Some(l) if l >= 0 => l as usize,
                Some(_) => {
                    return Err(
                        interp.new_error("ValueError", "length argument must be non-negative")
                    )
                }
                None => return Err(interp.int_too_big()),
            },
        };
        interp.check_size(length)?;
        let big = big_endian(interp, param(&args, &kw, 2, "byteorder"))?;
        let signed = match kw.iter().find(|(k, _)| &**k == "signed") {
            Some((_, v)) => interp.truthy(&v.clone())?,
            None => false,
        };
        if n.is_negative() && !signed {
            return Err(interp.new_error("OverflowError", "can't convert negative int to unsigned"));
        }
        // Two's complement, little-endian, at least one byte.
        let mut bytes = if signed {
            n.to_signed_bytes_le()
        } else {
            n.magnitude().to_bytes_le()
        };
        if n.is_zero() {
            bytes = vec![0];
        }
        let fits = bytes.len() <= length || (length == 0 && n.is_zero());
        if !fits {
            return Err(interp.new_error("OverflowError", "int too big to convert"));
        }
        let fill = if n.is_negative() { 0xff } else { 0 };
        bytes.resize(length, fill);
        if big {
            bytes.reverse();
        }
        Ok(Value::Bytes(Rc::from(bytes)))
    });
    let from_bytes = super::builtins::builtin("from_bytes", "int", |interp, args, kw| {
        let data = match param(&args, &kw, 1, "bytes") {
            Some(Value::Bytes(ref b)) => b.to_vec(),
            Some(ref other) => {
                let items = interp.iterate(other)?;
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::Int(b @ 0..=255) => out.push(b as u8),
                        _ => {
                            return Err(
                                interp.new_error("ValueError", "bytes must be in range(0, 256)")
                            )
                        }
                    }
                }
                out
            }
            None => {
                return Err(
                    interp.type_error("from_bytes() missing required argument 'bytes' (pos 1)")
                )
            }
        };
        let big = big_endian(interp, param(&args, &kw, 2, "byteorder"))?;
        let signed = match kw.iter().find(|(k, _)| &**k == "signed") {
            Some((_, v)) => interp.truthy(&v.clone())?,
            None => false,
        };
        interp.charge_limbs(data.len() as u64 / 8)?;
        let n = match (big, signed) {
            (true, true) => BigInt::from_signed_bytes_be(&data),
            (false, true) => BigInt::from_signed_bytes_le(&data),
            (true, false) => BigInt::from_bytes_be(Sign::Plus, &data),
            (false, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        };
        Ok(int_value(n))
    });
    cls.dict.borrow_mut().insert(
        Rc::from("from_bytes"),
        Value::ClassMethod(Rc::new(from_bytes)),
    );
    for (name, op, reflected) in [
        ("__add__", Operator::Add, false),
        ("__radd__", Operator::Add, true),
        ("__sub__", Operator::Sub, false),
        ("__rsub__", Operator::Sub, true),
        ("__mul__", Operator::Mult, false),
        ("__rmul__", Operator::Mult, true),
        ("__floordiv__", Operator::FloorDiv, false),
        ("__truediv__", Operator::Div, false),
        ("__mod__", Operator::Mod, false),
        ("__pow__", Operator::Pow, false),
        ("__lshift__", Operator::LShift, false),
        ("__rshift__", Operator::RShift, false),
        ("__and__", Operator::BitAnd, false),
        ("__or__", Operator::BitOr, false),
        ("__xor__", Operator::BitXor, false),
    ] {
        method(cls, name, move |interp, args, _| {
            let this = args.first().cloned().unwrap_or(Value::None);
            let other = args.get(1).cloned().unwrap_or(Value::None);
            let (Some(a), Some(b)) = (big_of(&this), big_of(&other)) else {
                return Ok(interp
                    .builtins
                    .dict
                    .borrow()
                    .get("NotImplemented")
                    .cloned()
                    .unwrap_or(Value::None));
            };
            let (a, b) = if reflected { (b, a) } else { (a, b) };
            interp.binary_op(op, int_value(a), int_value(b), false)
        });
    }
}
