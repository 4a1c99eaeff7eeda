//! `datetime`, `uuid` and `decimal`: the value types models and revisions use, printed,
//! compared and (for `Decimal`) computed with as CPython does. Reading the clock
//! (`datetime.now()`) and `uuid4()` are not reachable from Python here yet.

use std::rc::Rc;

use super::{module, native_class};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Module, Value};
use crate::python::runtime::{Interp, PyErr};

/// A class whose instances keep their constructor arguments, for value types the playground
/// passes around without computing with them (`datetime`, `Decimal`, `UUID`).
pub(super) fn value_class(
    interp: &mut Interp<'_>,
    name: &str,
    module_name: &str,
    extra: Vec<(&str, Value)>,
) -> Result<Value, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let init = builtin("__init__", name, |interp, args, kw| {
        interp.set_attr(
            &arg(&args, 0),
            "_args",
            Value::tuple(args.get(1..).unwrap_or(&[]).to_vec()),
        )?;
        for (k, v) in kw {
            interp.set_attr(&arg(&args, 0), &k, v)?;
        }
        Ok(Value::None)
    });
    let qualified = format!("{module_name}.{name}");
    let repr = builtin("__repr__", name, move |interp, args, _| {
        let inner = interp.get_attr(&arg(&args, 0), "_args")?;
        let parts: Result<Vec<String>, PyErr> = interp
            .iterate(&inner)?
            .iter()
            .map(|v| interp.repr(v))
            .collect();
        Ok(Value::str(&format!("{qualified}({})", parts?.join(", "))))
    });
    let mut methods = vec![("__init__", init), ("__repr__", repr)];
    methods.extend(extra);
    Ok(Value::Class(native_class(
        interp,
        name,
        module_name,
        vec![object],
        methods,
    )?))
}

/// How two values of a class order, or `None` when the other is not comparable.
type Order =
    Rc<dyn Fn(&mut Interp<'_>, &Value, &Value) -> Result<Option<std::cmp::Ordering>, PyErr>>;

/// The six rich comparisons from one ordering: values of other types are never equal and do
/// not order, with CPython's TypeError (`'<' not supported between instances of ...`).
fn comparisons(owner: &'static str, qualified: String, order: Order) -> Vec<(&'static str, Value)> {
    type Test = (&'static str, &'static str, fn(std::cmp::Ordering) -> bool);
    let tests: [Test; 6] = [
        ("__eq__", "==", |o| o.is_eq()),
        ("__ne__", "!=", |o| o.is_ne()),
        ("__lt__", "<", |o| o.is_lt()),
        ("__le__", "<=", |o| o.is_le()),
        ("__gt__", ">", |o| o.is_gt()),
        ("__ge__", ">=", |o| o.is_ge()),
    ];
    tests
        .into_iter()
        .map(|(dunder, symbol, test)| {
            let order = Rc::clone(&order);
            let qualified = qualified.clone();
            let method = builtin(dunder, owner, move |interp, args, _| {
                let (a, b) = (arg(&args, 0), arg(&args, 1));
                match order(interp, &a, &b)? {
                    Some(o) => Ok(Value::Bool(test(o))),
                    None if dunder == "__eq__" => Ok(Value::Bool(false)),
                    None if dunder == "__ne__" => Ok(Value::Bool(true)),
                    None => Err(interp.type_error(&format!(
                        "'{symbol}' not supported between instances of '{qualified}' and '{}'",
                        interp.type_name(&b)
                    ))),
                }
            });
            (dunder, method)
        })
        .collect()
}

pub(super) fn clock_unavailable(
    interp: &mut Interp<'_>,
    _: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    Err(interp.new_error(
        "NotImplementedError",
        "reading the clock from Python is not supported in the playground yet",
    ))
}

/// A field of a date or time: positional argument `i` or keyword `name`, else `default`.
fn field(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
    i: usize,
    name: &str,
    default: Option<i64>,
) -> Result<i64, PyErr> {
    let v = args.get(i).cloned().or_else(|| {
        kw.iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    });
    match (v, default) {
        (Some(Value::Int(n)), _) => Ok(n),
        (Some(Value::Bool(b)), _) => Ok(b as i64),
        (Some(_), _) => Err(interp.type_error(&format!("'{name}' must be an integer"))),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(interp.type_error(&format!(
            "function missing required argument '{name}' (pos {})",
            i + 1
        ))),
    }
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

const DATE_FIELDS: [&str; 3] = ["year", "month", "day"];
const TIME_FIELDS: [&str; 4] = ["hour", "minute", "second", "microsecond"];

/// The fields of a date, datetime or time instance, in order.
fn fields_of(interp: &mut Interp<'_>, obj: &Value) -> Result<Vec<i64>, PyErr> {
    let v = interp.get_attr(obj, "_fields")?;
    Ok(interp
        .iterate(&v)?
        .iter()
        .map(|x| if let Value::Int(n) = x { *n } else { 0 })
        .collect())
}

/// `date`, `datetime` and `time`: values that know their fields, print as CPython prints
/// them and compare in order. `names` are the constructor's fields.
fn temporal_class(
    interp: &mut Interp<'_>,
    name: &'static str,
    names: &'static [&'static str],
    required: usize,
) -> Result<Value, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let init = builtin("__init__", name, move |interp, args, kw| {
        let this = arg(&args, 0);
        let rest = args.get(1..).unwrap_or(&[]).to_vec();
        let mut values = Vec::new();
        for (i, n) in names.iter().enumerate() {
            let d = (i >= required).then_some(0);
            values.push(field(interp, &rest, &kw, i, n, d)?);
        }
        if names.first() == Some(&"year") {
            let (y, m, d) = (values[0], values[1], values[2]);
            if !(1..=9999).contains(&y) {
                return Err(interp.new_error("ValueError", &format!("year {y} is out of range")));
            }
            if !(1..=12).contains(&m) {
                return Err(interp.new_error("ValueError", "month must be in 1..12"));
            }
            if d < 1 || d > days_in_month(y, m) {
                return Err(interp.new_error("ValueError", "day is out of range for month"));
            }
        }
        for (n, v) in names.iter().zip(&values) {
            interp.set_attr(&this, n, Value::Int(*v))?;
        }
        let tz = kw
            .iter()
            .find(|(k, _)| &**k == "tzinfo")
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::None);
        interp.set_attr(&this, "tzinfo", tz)?;
        interp.set_attr(
            &this,
            "_fields",
            Value::tuple(values.into_iter().map(Value::Int).collect()),
        )?;
        Ok(Value::None)
    });
    let iso = move |f: &[i64], sep: &str| -> String {
        let date = |f: &[i64]| format!("{:04}-{:02}-{:02}", f[0], f[1], f[2]);
        let time = |f: &[i64]| {
            let mut t = format!("{:02}:{:02}:{:02}", f[0], f[1], f[2]);
            if f[3] != 0 {
                t.push_str(&format!(".{:06}", f[3]));
            }
            t
        };
        match f.len() {
            3 => date(f),
            4 => time(f),
            _ => format!("{}{sep}{}", date(&f[..3]), time(&f[3..])),
        }
    };
    let isoformat = builtin("isoformat", name, move |interp, args, kw| {
        let f = fields_of(interp, &arg(&args, 0))?;
        let sep = match args.get(1).cloned().or_else(|| {
            kw.iter()
                .find(|(k, _)| &**k == "sep")
                .map(|(_, v)| v.clone())
        }) {
            Some(Value::Str(ref s)) => s.to_string(),
            _ => "T".to_string(),
        };
        Ok(Value::str(&iso(&f, &sep)))
    });
    let str_ = builtin("__str__", name, move |interp, args, _| {
        let f = fields_of(interp, &arg(&args, 0))?;
        Ok(Value::str(&iso(&f, " ")))
    });
    let qualified = format!("datetime.{name}");
    let repr = builtin("__repr__", name, move |interp, args, _| {
        let mut f = fields_of(interp, &arg(&args, 0))?;
        // CPython drops a zero microsecond, then a zero second (never the minute).
        let keep = if f.len() == 7 {
            5
        } else if f.len() == 4 {
            2
        } else {
            f.len()
        };
        while f.len() > keep && f.last() == Some(&0) {
            f.pop();
        }
        let parts: Vec<String> = f.iter().map(i64::to_string).collect();
        Ok(Value::str(&format!("{qualified}({})", parts.join(", "))))
    });
    let mut methods = vec![
        ("__init__", init),
        ("isoformat", isoformat),
        ("__str__", str_),
        ("__repr__", repr),
    ];
    methods.extend(comparisons(
        name,
        format!("datetime.{name}"),
        Rc::new(|interp: &mut Interp<'_>, a: &Value, b: &Value| {
            if interp.get_attr(b, "_fields").is_err() {
                return Ok(None);
            }
            Ok(Some(fields_of(interp, a)?.cmp(&fields_of(interp, b)?)))
        }),
    ));
    methods.push((
        "__hash__",
        builtin("__hash__", name, |interp, args, _| {
            let f = fields_of(interp, &arg(&args, 0))?;
            Ok(Value::Int(
                f.iter()
                    .fold(17i64, |h, x| h.wrapping_mul(31).wrapping_add(*x)),
            ))
        }),
    ));
    let now = || Value::ClassMethod(Rc::new(builtin("now", name, clock_unavailable)));
    match name {
        "datetime" => methods.extend([("now", now()), ("utcnow", now()), ("today", now())]),
        "date" => methods.push(("today", now())),
        _ => {}
    }
    Ok(Value::Class(native_class(
        interp,
        name,
        "datetime",
        vec![object],
        methods,
    )?))
}

pub(super) fn datetime(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    const DATETIME: [&str; 7] = [
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "microsecond",
    ];
    let _ = (DATE_FIELDS, TIME_FIELDS);
    let datetime = temporal_class(interp, "datetime", &DATETIME, 3)?;
    let date = temporal_class(interp, "date", &DATE_FIELDS, 3)?;
    let time = temporal_class(interp, "time", &TIME_FIELDS, 0)?;
    let timedelta = value_class(interp, "timedelta", "datetime", Vec::new())?;
    let timezone = value_class(interp, "timezone", "datetime", Vec::new())?;
    let utc = interp.call(&timezone, vec![Value::str("UTC")], Vec::new())?;
    interp.set_attr(&timezone, "utc", utc.clone())?;
    Ok(module(
        interp,
        "datetime",
        vec![
            ("datetime", datetime),
            ("date", date),
            ("time", time),
            ("timedelta", timedelta),
            ("timezone", timezone),
            ("UTC", utc),
        ],
    ))
}
pub(super) fn uuid(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let hex_of = |interp: &mut Interp<'_>, v: &Value| -> Result<String, PyErr> {
        let h = interp.get_attr(v, "hex")?;
        Ok(interp.str_lossy(&h))
    };
    let init = builtin("__init__", "UUID", |interp, args, kw| {
        let given = args.get(1).cloned().or_else(|| {
            kw.iter()
                .find(|(k, _)| &**k == "hex")
                .map(|(_, v)| v.clone())
        });
        let Some(Value::Str(ref text)) = given else {
            return Err(interp.type_error(
                "one of the hex, bytes, bytes_le, fields, or int arguments must be given",
            ));
        };
        // uuid.UUID accepts braces, a urn: prefix and dashes anywhere.
        let t = text
            .trim()
            .trim_start_matches("urn:")
            .trim_start_matches("uuid:");
        let hex: String = t
            .trim_matches(|c| c == '{' || c == '}')
            .chars()
            .filter(|c| *c != '-')
            .collect();
        if hex.len() != 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(interp.new_error("ValueError", "badly formed hexadecimal UUID string"));
        }
        interp.set_attr(&arg(&args, 0), "hex", Value::str(&hex.to_lowercase()))?;
        Ok(Value::None)
    });
    let dashed = |h: &str| {
        format!(
            "{}-{}-{}-{}-{}",
            &h[..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..]
        )
    };
    let str_ = builtin("__str__", "UUID", move |interp, args, _| {
        Ok(Value::str(&dashed(&hex_of(interp, &arg(&args, 0))?)))
    });
    let repr = builtin("__repr__", "UUID", move |interp, args, _| {
        Ok(Value::str(&format!(
            "UUID('{}')",
            dashed(&hex_of(interp, &arg(&args, 0))?)
        )))
    });
    let eq = builtin("__eq__", "UUID", move |interp, args, _| {
        let other = arg(&args, 1);
        if interp.get_attr(&other, "hex").is_err() {
            return Ok(Value::Bool(false));
        }
        Ok(Value::Bool(
            hex_of(interp, &arg(&args, 0))? == hex_of(interp, &other)?,
        ))
    });
    let hash = builtin("__hash__", "UUID", move |interp, args, _| {
        let h = hex_of(interp, &arg(&args, 0))?;
        Ok(Value::Int(i64::from_str_radix(&h[..15], 16).unwrap_or(0)))
    });
    let uuid_cls = Value::Class(native_class(
        interp,
        "UUID",
        "uuid",
        vec![object],
        vec![
            ("__init__", init),
            ("__str__", str_),
            ("__repr__", repr),
            ("__eq__", eq),
            ("__hash__", hash),
        ],
    )?);
    Ok(module(
        interp,
        "uuid",
        vec![
            ("UUID", uuid_cls),
            (
                "uuid4",
                builtin("uuid4", "uuid", |interp, _, _| {
                    Err(interp.new_error(
                        "NotImplementedError",
                        "uuid4() needs randomness, which Python code in the playground cannot reach yet",
                    ))
                }),
            ),
        ],
    ))
}

/// A decimal number as `decimal.Decimal` keeps it: a sign, an integer coefficient and an
/// exponent (`19.99` is 1999e-2), so that `3.50` keeps its trailing zero.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Dec {
    coef: i128,
    exp: i32,
}

/// The context precision CPython's decimal module starts with.
const PREC: u32 = 28;

impl Dec {
    fn parse(text: &str) -> Option<Dec> {
        let t = text.trim();
        let (mant, exp) = match t.find(['e', 'E']) {
            Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()?),
            None => (t, 0),
        };
        let (neg, mant) = match mant.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, mant.strip_prefix('+').unwrap_or(mant)),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        if int.is_empty() && frac.is_empty()
            || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let digits = format!("{int}{frac}");
        let coef: i128 = digits.parse().ok()?;
        Some(Dec {
            coef: if neg { -coef } else { coef },
            exp: exp - frac.len() as i32,
        })
    }

    fn scaled(self, exp: i32) -> Option<i128> {
        self.coef
            .checked_mul(10i128.checked_pow((self.exp - exp) as u32)?)
    }

    fn add(self, o: Dec) -> Option<Dec> {
        let exp = self.exp.min(o.exp);
        Some(Dec {
            coef: self.scaled(exp)?.checked_add(o.scaled(exp)?)?,
            exp,
        })
    }

    fn mul(self, o: Dec) -> Option<Dec> {
        Some(Dec {
            coef: self.coef.checked_mul(o.coef)?,
            exp: self.exp + o.exp,
        })
    }

    /// Division to the context's 28 digits; an exact quotient takes the exponent closest to
    /// the ideal one (the operands' exponents subtracted), as the decimal module does.
    fn div(self, o: Dec) -> Option<Dec> {
        if o.coef == 0 {
            return None;
        }
        let ideal = self.exp - o.exp;
        let neg = (self.coef < 0) != (o.coef < 0);
        let (mut num, den) = (self.coef.unsigned_abs(), o.coef.unsigned_abs());
        let mut exp = ideal;
        let mut q = num / den;
        let mut r = num % den;
        while r != 0 && (q == 0 || q.ilog10() + 1 < PREC) {
            num = num.checked_mul(10)?;
            exp -= 1;
            q = num / den;
            r = num % den;
        }
        if r != 0 && r * 2 >= den {
            q += 1;
        }
        if r == 0 {
            while exp < ideal && q % 10 == 0 && q != 0 {
                q /= 10;
                exp += 1;
            }
        }
        let coef = i128::try_from(q).ok()?;
        Some(Dec {
            coef: if neg { -coef } else { coef },
            exp,
        })
    }

    fn cmp(self, o: Dec) -> Option<std::cmp::Ordering> {
        let exp = self.exp.min(o.exp);
        Some(self.scaled(exp)?.cmp(&o.scaled(exp)?))
    }

    /// `str(Decimal)`: plain notation unless the exponent is positive or the number tiny.
    fn text(self) -> String {
        let neg = self.coef < 0;
        let digits = self.coef.unsigned_abs().to_string();
        let adjusted = self.exp + digits.len() as i32 - 1;
        let body = if self.exp <= 0 && adjusted >= -6 {
            let point = digits.len() as i32 + self.exp;
            if point > 0 {
                let (a, b) = digits.split_at(point as usize);
                if b.is_empty() {
                    a.to_string()
                } else {
                    format!("{a}.{b}")
                }
            } else {
                format!("0.{}{digits}", "0".repeat((-point) as usize))
            }
        } else {
            let (a, b) = digits.split_at(1);
            let dot = if b.is_empty() {
                String::new()
            } else {
                format!(".{b}")
            };
            format!(
                "{a}{dot}E{}{adjusted}",
                if adjusted >= 0 { "+" } else { "" }
            )
        };
        if neg {
            format!("-{body}")
        } else {
            body
        }
    }

    /// `format(d, ".Nf")`: rounded half to even at N places.
    fn fixed(self, places: i32) -> String {
        let mut d = self;
        if d.exp < -places {
            let drop = (-places - d.exp) as u32;
            let p = 10i128.pow(drop);
            let (q, r) = (d.coef / p, (d.coef % p).abs());
            let half = p / 2;
            let up = r > half || (r == half && q % 2 != 0);
            let q = if up { q + d.coef.signum() } else { q };
            d = Dec {
                coef: q,
                exp: -places,
            };
        } else if let Some(c) = d.scaled(-places) {
            d = Dec {
                coef: c,
                exp: -places,
            };
        }
        d.text()
    }
}

fn dec_of(interp: &mut Interp<'_>, v: &Value) -> Result<Option<Dec>, PyErr> {
    Ok(match v {
        Value::Int(n) => Some(Dec {
            coef: *n as i128,
            exp: 0,
        }),
        Value::Bool(b) => Some(Dec {
            coef: *b as i128,
            exp: 0,
        }),
        other => match interp.get_attr(other, "_decimal") {
            Ok(Value::Str(ref s)) => Dec::parse(s),
            _ => None,
        },
    })
}

pub(super) fn decimal(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let init = builtin("__init__", "Decimal", |interp, args, _| {
        let v = args.get(1).cloned().unwrap_or(Value::str("0"));
        let d = match &v {
            Value::Str(s) => Dec::parse(s),
            Value::Float(f) => Dec::parse(&format!("{f}")),
            other => dec_of(interp, other)?,
        };
        let Some(d) = d else {
            return Err(interp.new_error(
                "decimal.InvalidOperation",
                "[<class 'decimal.ConversionSyntax'>]",
            ));
        };
        interp.set_attr(&arg(&args, 0), "_decimal", Value::str(&d.text()))?;
        interp.set_attr(&arg(&args, 0), "_exp", Value::Int(d.exp as i64))?;
        Ok(Value::None)
    });
    // `_decimal` is the canonical text; `_exp` keeps the exponent `str` may not show
    // (`Decimal('1E+2')`), so values round-trip exactly.
    let get = |interp: &mut Interp<'_>, v: &Value| -> Result<Option<Dec>, PyErr> {
        let d = dec_of(interp, v)?;
        if let (Some(mut d), Ok(Value::Int(e))) = (d, interp.get_attr(v, "_exp")) {
            if let Some(c) = d.scaled(e as i32).filter(|_| (e as i32) <= d.exp) {
                d = Dec {
                    coef: c,
                    exp: e as i32,
                };
            }
            return Ok(Some(d));
        }
        Ok(d)
    };
    let make = |interp: &mut Interp<'_>, d: Dec| -> Result<Value, PyErr> {
        let cls = interp
            .import_by_name("decimal")?
            .dict
            .borrow()
            .get("Decimal")
            .cloned()
            .unwrap_or(Value::None);
        interp.call(&cls, vec![Value::str(&d.text())], Vec::new())
    };
    let binop = move |name: &'static str, f: fn(Dec, Dec) -> Option<Dec>, swap: bool| {
        builtin(name, "Decimal", move |interp, args, _| {
            let (a, b) = (get(interp, &arg(&args, 0))?, get(interp, &arg(&args, 1))?);
            let (Some(a), Some(b)) = (a, b) else {
                return Err(
                    interp.type_error(&format!("unsupported operand type(s) for Decimal {name}"))
                );
            };
            let (a, b) = if swap { (b, a) } else { (a, b) };
            match f(a, b) {
                Some(d) => make(interp, d),
                None => Err(interp.new_error(
                    "decimal.DivisionByZero",
                    "[<class 'decimal.DivisionByZero'>]",
                )),
            }
        })
    };
    let mut methods = vec![
        ("__init__", init),
        ("__add__", binop("__add__", Dec::add, false)),
        ("__radd__", binop("__radd__", Dec::add, true)),
        (
            "__sub__",
            binop(
                "__sub__",
                |a, b| {
                    a.add(Dec {
                        coef: -b.coef,
                        exp: b.exp,
                    })
                },
                false,
            ),
        ),
        (
            "__rsub__",
            binop(
                "__rsub__",
                |a, b| {
                    a.add(Dec {
                        coef: -b.coef,
                        exp: b.exp,
                    })
                },
                true,
            ),
        ),
        ("__mul__", binop("__mul__", Dec::mul, false)),
        ("__rmul__", binop("__rmul__", Dec::mul, true)),
        ("__truediv__", binop("__truediv__", Dec::div, false)),
        ("__rtruediv__", binop("__rtruediv__", Dec::div, true)),
        (
            "__str__",
            builtin("__str__", "Decimal", move |interp, args, _| {
                Ok(Value::str(
                    &get(interp, &arg(&args, 0))?
                        .map(Dec::text)
                        .unwrap_or_default(),
                ))
            }),
        ),
        (
            "__repr__",
            builtin("__repr__", "Decimal", move |interp, args, _| {
                Ok(Value::str(&format!(
                    "Decimal('{}')",
                    get(interp, &arg(&args, 0))?
                        .map(Dec::text)
                        .unwrap_or_default()
                )))
            }),
        ),
        (
            "__format__",
            builtin("__format__", "Decimal", move |interp, args, _| {
                let d = get(interp, &arg(&args, 0))?.unwrap_or(Dec { coef: 0, exp: 0 });
                let spec = interp.str_lossy(&arg(&args, 1));
                let places = spec
                    .strip_prefix('.')
                    .and_then(|s| s.strip_suffix('f'))
                    .and_then(|n| n.parse::<i32>().ok());
                Ok(Value::str(&match places {
                    Some(p) => d.fixed(p),
                    None => d.text(),
                }))
            }),
        ),
        (
            "__float__",
            builtin("__float__", "Decimal", move |interp, args, _| {
                let s = get(interp, &arg(&args, 0))?
                    .map(Dec::text)
                    .unwrap_or_default();
                Ok(Value::Float(s.parse().unwrap_or(0.0)))
            }),
        ),
        (
            "__hash__",
            builtin("__hash__", "Decimal", move |interp, args, _| {
                let d = get(interp, &arg(&args, 0))?.unwrap_or(Dec { coef: 0, exp: 0 });
                Ok(Value::Int(
                    (d.coef as i64).wrapping_mul(31).wrapping_add(d.exp as i64),
                ))
            }),
        ),
    ];
    methods.extend(comparisons(
        "Decimal",
        "decimal.Decimal".into(),
        Rc::new(move |interp: &mut Interp<'_>, a: &Value, b: &Value| {
            Ok(match (get(interp, a)?, get(interp, b)?) {
                (Some(a), Some(b)) => a.cmp(b),
                _ => None,
            })
        }),
    ));
    let decimal = Value::Class(native_class(
        interp,
        "Decimal",
        "decimal",
        vec![object],
        methods,
    )?);
    Ok(module(interp, "decimal", vec![("Decimal", decimal)]))
}
