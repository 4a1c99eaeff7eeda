//! Values as text: `repr()`, `str()`, `format()` with the format-spec mini-language, and
//! printf-style `%` formatting.

use std::rc::Rc;

use super::value::{repr_bytes, repr_str, Value};
use super::{Interp, PyErr};

impl Interp<'_> {
    pub(crate) fn repr(&mut self, value: &Value) -> Result<String, PyErr> {
        self.step()?;
        self.guarded(" while getting the repr of an object", |interp| {
            interp.repr_inner(value)
        })
    }

    fn repr_inner(&mut self, value: &Value) -> Result<String, PyErr> {
        Ok(match value {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(n) => n.to_string(),
            Value::BigInt(n) => self.int_to_decimal(n)?,
            Value::Float(x) => crate::python::dump::float_repr(*x),
            Value::Str(s) => repr_str(s),
            Value::Bytes(b) => repr_bytes(b),
            Value::Tuple(items) => {
                let parts: Result<Vec<String>, PyErr> =
                    items.iter().map(|v| self.repr(v)).collect();
                let parts = parts?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(items) => {
                let items = items.borrow().clone();
                let parts: Result<Vec<String>, PyErr> =
                    items.iter().map(|v| self.repr(v)).collect();
                format!("[{}]", parts?.join(", "))
            }
            Value::Dict(d) => {
                let entries: Vec<(Value, Value)> = d.borrow().entries.values().cloned().collect();
                let mut parts = Vec::new();
                for (k, v) in entries {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(d) | Value::FrozenSet(d) => {
                let keys: Vec<Value> = d
                    .borrow()
                    .entries
                    .values()
                    .map(|(k, _)| k.clone())
                    .collect();
                let frozen = matches!(value, Value::FrozenSet(_));
                if keys.is_empty() {
                    return Ok(if frozen { "frozenset()" } else { "set()" }.into());
                }
                let parts: Result<Vec<String>, PyErr> = keys.iter().map(|v| self.repr(v)).collect();
                let body = format!("{{{}}}", parts?.join(", "));
                if frozen {
                    format!("frozenset({body})")
                } else {
                    body
                }
            }
            Value::Range(start, stop, step) => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Value::Slice(parts) => {
                let parts = parts.clone();
                format!(
                    "slice({}, {}, {})",
                    self.repr(&parts[0])?,
                    self.repr(&parts[1])?,
                    self.repr(&parts[2])?
                )
            }
            Value::Function(f) => format!(
                "<function {} at 0x{:012x}>",
                f.qualname,
                Rc::as_ptr(f) as usize
            ),
            Value::Builtin(b) => format!("<built-in function {}>", b.name),
            Value::BoundMethod(m) => {
                let name = match &m.1 {
                    Value::Function(f) => f.qualname.clone(),
                    Value::Builtin(b) => b.name.clone(),
                    _ => "?".into(),
                };
                let obj = self.repr(&m.0)?;
                format!("<bound method {name} of {obj}>")
            }
            Value::Class(cls) => {
                if cls.module == "builtins" {
                    format!("<class '{}'>", cls.name)
                } else if let Some(custom) = cls
                    .dict
                    .borrow()
                    .get("__class_repr__")
                    .and_then(|v| v.as_str().map(String::from))
                {
                    custom
                } else {
                    format!("<class '{}.{}'>", cls.module, cls.name)
                }
            }
            Value::Module(m) => match &m.file {
                Some(file) => format!("<module '{}' from '{}'>", m.name, file),
                None => format!("<module '{}' (built-in)>", m.name),
            },
            Value::Instance(inst) => {
                if let Some(method) = inst.class.lookup("__repr__") {
                    let r = self.call(&method, vec![value.clone()], Vec::new())?;
                    return match r {
                        Value::Str(ref s) => Ok(s.to_string()),
                        other => {
                            let t = self.type_name(&other);
                            Err(self
                                .type_error(&format!("__repr__ returned non-string (type {t})")))
                        }
                    };
                }
                format!(
                    "<{}.{} object at 0x{:012x}>",
                    inst.class.module,
                    inst.class.name,
                    Rc::as_ptr(inst) as usize
                )
            }
            Value::Iterator(_) => "<iterator object>".into(),
            Value::Property(_) => "<property object>".into(),
            Value::StaticMethod(_) => "<staticmethod object>".into(),
            Value::ClassMethod(_) => "<classmethod object>".into(),
        })
    }

    pub(crate) fn py_str(&mut self, value: &Value) -> Result<String, PyErr> {
        if let (Some(p), Value::Instance(inst)) = (self.primitive(value), value) {
            // IntEnum and StrEnum print as their value since 3.11.
            if inst
                .class
                .lookup("__str__")
                .is_none_or(|m| matches!(m, Value::Builtin(ref b) if b.owner != "Enum"))
            {
                return self.py_str(&p);
            }
        }
        match value {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(inst) => {
                if let Some(method) = inst.class.lookup("__str__") {
                    let r = self.call(&method, vec![value.clone()], Vec::new())?;
                    return match r {
                        Value::Str(ref s) => Ok(s.to_string()),
                        other => {
                            let t = self.type_name(&other);
                            Err(self.type_error(&format!("__str__ returned non-string (type {t})")))
                        }
                    };
                }
                if inst
                    .class
                    .is_subclass(&self.types.exception("BaseException"))
                {
                    let args = inst
                        .dict
                        .borrow()
                        .get("args")
                        .cloned()
                        .unwrap_or(Value::tuple(Vec::new()));
                    if let Value::Tuple(args) = &args {
                        return match args.len() {
                            0 => Ok(String::new()),
                            1 if inst.class.is_subclass(&self.types.exception("KeyError")) => {
                                self.repr(&args[0])
                            }
                            1 => self.py_str(&args[0]),
                            _ => self.repr(&Value::Tuple(Rc::clone(args))),
                        };
                    }
                }
                self.repr(value)
            }
            _ => self.repr(value),
        }
    }

    /// `format(value, spec)`: the format-spec mini-language for str, int and float, and
    /// `__format__` for objects.
    pub(crate) fn format_value(&mut self, value: &Value, spec: &str) -> Result<String, PyErr> {
        if let Value::Instance(inst) = value {
            if let Some(method) = inst.class.lookup("__format__") {
                let r = self.call(&method, vec![value.clone(), Value::str(spec)], Vec::new())?;
                return Ok(r.as_str().unwrap_or_default().to_string());
            }
        }
        if spec.is_empty() {
            return self.py_str(value);
        }
        let spec_parsed = match FormatSpec::parse(spec) {
            Some(s) => s,
            None => {
                return Err(self.new_error(
                    "ValueError",
                    &format!(
                        "Invalid format specifier '{spec}' for object of type '{}'",
                        self.type_name(value)
                    ),
                ))
            }
        };
        let body = match (value, spec_parsed.kind) {
            (
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_),
                Some('f' | 'F' | 'e' | 'E' | '%' | 'g' | 'G'),
            )
            | (Value::Float(_), _) => {
                let x = match value {
                    Value::Int(n) => *n as f64,
                    Value::BigInt(n) => self.int_to_f64(n)?,
                    Value::Bool(b) => *b as i64 as f64,
                    Value::Float(x) => *x,
                    _ => 0.0,
                };
                let precision = spec_parsed.precision.unwrap_or(6);
                let mut text = match spec_parsed.kind {
                    Some('f' | 'F') => format!("{:.*}", precision, x),
                    Some('e' | 'E') => exponent_format(x, precision),
                    Some('%') => format!("{:.*}%", precision, x * 100.0),
                    Some('g' | 'G') => general_format(x, spec_parsed.precision.unwrap_or(6)),
                    _ => match spec_parsed.precision {
                        Some(p) => general_format(x, p),
                        None => crate::python::dump::float_repr(x),
                    },
                };
                if spec_parsed.grouping {
                    text = group_thousands(&text).replace(',', &spec_parsed.separator.to_string());
                }
                if spec_parsed.sign == Some('+') && x >= 0.0 {
                    text.insert(0, '+');
                }
                text
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), _) => {
                return self.format_int(value, &spec_parsed)
            }
            _ => {
                let mut text = self.py_str(value)?;
                if let Some(p) = spec_parsed.precision {
                    text = text.chars().take(p).collect();
                }
                text
            }
        };
        let numeric = matches!(value, Value::Int(_) | Value::Float(_) | Value::Bool(_));
        Ok(spec_parsed.pad(&body, numeric))
    }

    /// `format(n, spec)` for an int (or bool) with an integer presentation type: sign,
    /// `#` prefix, zero padding that is grouped along with the digits (`'010,'` gives
    /// `00,001,234`, as CPython does), and the errors CPython words for misused specs.
    fn format_int(&mut self, value: &Value, spec: &FormatSpec) -> Result<String, PyErr> {
        let kind = spec.kind.unwrap_or('d');
        let radix = match kind {
            'd' | 'n' => 10,
            'x' | 'X' => 16,
            'o' => 8,
            'b' => 2,
            'c' => 0,
            other => {
                return Err(self.new_error(
                    "ValueError",
                    &format!("Unknown format code '{other}' for object of type 'int'"),
                ))
            }
        };
        if spec.precision.is_some() {
            return Err(self.new_error(
                "ValueError",
                "Precision not allowed in integer format specifier",
            ));
        }
        if spec.grouping && (radix == 0 || kind == 'n' || (spec.separator == ',' && radix != 10)) {
            let msg = format!("Cannot specify '{}' with '{kind}'.", spec.separator);
            return Err(self.new_error("ValueError", &msg));
        }
        if radix == 0 {
            let c = match value {
                Value::Int(n) => u32::try_from(*n)
                    .ok()
                    .filter(|n| *n < 0x110000)
                    .map(|n| char::from_u32(n).unwrap_or('\u{fffd}')),
                Value::Bool(b) => Some(if *b { '\u{1}' } else { '\0' }),
                _ => {
                    return Err(self
                        .new_error("OverflowError", "Python int too large to convert to C long"))
                }
            };
            let Some(c) = c else {
                return Err(self.new_error("OverflowError", "%c arg not in range(0x110000)"));
            };
            return Ok(spec.pad(&c.to_string(), true));
        }
        let (negative, mut digits) = self.int_digits(value, radix)?;
        if kind == 'X' {
            digits.make_ascii_uppercase();
        }
        let sign = match (negative, spec.sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        };
        let prefix = match (spec.alternate, kind) {
            (true, 'x') => "0x",
            (true, 'X') => "0X",
            (true, 'o') => "0o",
            (true, 'b') => "0b",
            _ => "",
        };
        let group = if radix == 10 { 3 } else { 4 };
        let zero_fill =
            (spec.zero && spec.align.is_none()) || (spec.align == Some('=') && spec.fill == '0');
        let lead = sign.len() + prefix.len();
        if zero_fill {
            // The fewest digits (zeros in front) whose grouped form fills the width; a
            // separator never leads, so this can pass the width by one.
            let min = spec.width.saturating_sub(lead);
            let mut k = digits.len();
            let grouped_len = |k: usize| {
                if spec.grouping {
                    k + (k - 1) / group
                } else {
                    k
                }
            };
            while grouped_len(k) < min {
                k += 1;
            }
            digits.insert_str(0, &"0".repeat(k - digits.len()));
        }
        if spec.grouping {
            digits = group_digits(&digits, group, spec.separator);
        }
        if spec.align == Some('=') && !zero_fill {
            let n = spec.width.saturating_sub(lead + digits.chars().count());
            let fill = spec.fill.to_string().repeat(n);
            return Ok(format!("{sign}{prefix}{fill}{digits}"));
        }
        Ok(spec.pad(&format!("{sign}{prefix}{digits}"), true))
    }

    /// `"%s and %d" % values`, printf-style formatting.
    pub(crate) fn percent_format(&mut self, fmt: &str, args: &Value) -> Result<Value, PyErr> {
        let mut values: Vec<Value> = match args {
            Value::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        values.reverse();
        let mut out = String::new();
        let mut chars = fmt.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            if let Some('(') = chars.peek() {
                chars.next();
                let key: String = chars.by_ref().take_while(|c| *c != ')').collect();
                let value = self.get_item(args, &Value::str(&key))?;
                values = vec![value];
            }
            let mut spec = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | ' ' | '#') {
                    spec.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            let Some(conv) = chars.next() else {
                return Err(self.new_error("ValueError", "incomplete format"));
            };
            if conv == '%' {
                out.push('%');
                continue;
            }
            let Some(value) = values.pop() else {
                return Err(self.type_error("not enough arguments for format string"));
            };
            let precision: Option<usize> = spec.split_once('.').and_then(|(_, p)| p.parse().ok());
            let flags: String = spec
                .chars()
                .take_while(|c| matches!(c, '-' | '+' | ' ' | '0' | '#'))
                .collect();
            let width: usize = spec[flags.len()..]
                .split('.')
                .next()
                .and_then(|w| w.parse().ok())
                .unwrap_or(0)
                .min(100_000);
            let number = match &value {
                Value::Int(n) => Some(*n as f64),
                Value::Bool(b) => Some(*b as i64 as f64),
                Value::Float(x) => Some(*x),
                Value::BigInt(n) if matches!(conv, 'f' | 'F' | 'e' | 'E' | 'g' | 'G') => {
                    Some(self.int_to_f64(n)?)
                }
                _ => None,
            };
            // `%d` truncates a float; `%x` and `%o` want an int.
            let int_of = match &value {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Some(value.clone()),
                Value::Float(x) if matches!(conv, 'd' | 'i' | 'u') => Some(self.float_to_int(*x)?),
                _ => None,
            };
            let numeric = matches!(
                conv,
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G'
            );
            let mut text = match conv {
                's' => self.py_str(&value)?,
                'r' => self.repr(&value)?,
                'a' => super::value::ascii_escape(&self.repr(&value)?),
                'c' => match &value {
                    Value::Int(n) => char::from_u32(*n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    Value::Str(s) => s.to_string(),
                    Value::BigInt(_) => {
                        return Err(self.new_error("OverflowError", "%c arg not in range(0x110000)"))
                    }
                    _ => return Err(self.type_error("%c requires int or char")),
                },
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => match int_of {
                    Some(n) => {
                        let radix = match conv {
                            'x' | 'X' => 16,
                            'o' => 8,
                            _ => 10,
                        };
                        let (negative, mut digits) = self.int_digits(&n, radix)?;
                        if conv == 'X' {
                            digits.make_ascii_uppercase();
                        }
                        let prefix = match conv {
                            _ if !flags.contains('#') => "",
                            'x' => "0x",
                            'X' => "0X",
                            'o' => "0o",
                            _ => "",
                        };
                        format!("{}{prefix}{digits}", if negative { "-" } else { "" })
                    }
                    None => {
                        let t = self.type_name(&value);
                        let what = if matches!(conv, 'd' | 'i') {
                            "a real number"
                        } else {
                            "an integer"
                        };
                        return Err(self
                            .type_error(&format!("%{conv} format: {what} is required, not {t}")));
                    }
                },
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => match number {
                    Some(x) => match conv {
                        'f' | 'F' => format!("{:.*}", precision.unwrap_or(6), x),
                        'e' | 'E' => exponent_format(x, precision.unwrap_or(6)),
                        _ => general_format(x, precision.unwrap_or(6)),
                    },
                    None => {
                        let t = self.type_name(&value);
                        return Err(self.type_error(&format!("must be real number, not {t}")));
                    }
                },
                other => {
                    return Err(self.new_error(
                        "ValueError",
                        &format!(
                            "unsupported format character '{other}' (0x{:x})",
                            other as u32
                        ),
                    ))
                }
            };
            if let (Some(p), 's' | 'r' | 'a') = (precision, conv) {
                text = text.chars().take(p).collect();
            }
            if numeric && !text.starts_with('-') {
                if flags.contains('+') {
                    text.insert(0, '+');
                } else if flags.contains(' ') {
                    text.insert(0, ' ');
                }
            }
            let len = text.chars().count();
            if len < width {
                let pad = width - len;
                if flags.contains('-') {
                    text.push_str(&" ".repeat(pad));
                } else if flags.contains('0') && numeric {
                    let sign = if text.starts_with(['-', '+']) {
                        text.remove(0).to_string()
                    } else {
                        String::new()
                    };
                    let prefix = if flags.contains('#') && matches!(conv, 'x' | 'X' | 'o') {
                        text.drain(..2).collect()
                    } else {
                        String::new()
                    };
                    text = format!("{sign}{prefix}{}{text}", "0".repeat(pad));
                } else {
                    text = format!("{}{text}", " ".repeat(pad));
                }
            }
            out.push_str(&text);
        }
        if !values.is_empty() && matches!(args, Value::Tuple(_)) {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(Value::str(&out))
    }
}

/// `format(x, '.Ne')`: mantissa with N decimals and a two-digit exponent.
fn exponent_format(x: f64, precision: usize) -> String {
    let s = format!("{:.*e}", precision, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `format(x, '.Ng')`: fixed or exponent notation by the exponent, trailing zeros removed.
fn general_format(x: f64, precision: usize) -> String {
    let p = precision.max(1);
    if x == 0.0 || !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x.is_infinite() {
            if x > 0.0 {
                "inf".into()
            } else {
                "-inf".into()
            }
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i32 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let strip = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if exp < -4 || exp >= p as i32 {
        let (m, _) = sci.split_once('e').unwrap_or((&sci, ""));
        format!(
            "{}e{}{:02}",
            strip(m.to_string()),
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else {
        strip(format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x))
    }
}

/// Digits with `sep` between groups of `group`, counted from the right.
fn group_digits(digits: &str, group: usize, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / group);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(group) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// Widths and precisions beyond this are clamped, so a spec cannot allocate without bound.
const MAX_FORMAT_WIDTH: usize = 100_000;

/// `[[fill]align][sign][#][0][width][,][.precision][type]`.
struct FormatSpec {
    fill: char,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: bool,
    separator: char,
    precision: Option<usize>,
    kind: Option<char>,
}

impl FormatSpec {
    fn parse(spec: &str) -> Option<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut res = FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            alternate: false,
            zero: false,
            width: 0,
            grouping: false,
            separator: ',',
            precision: None,
            kind: None,
        };
        if chars.len() >= 2 && matches!(chars[1], '<' | '>' | '^' | '=') {
            res.fill = chars[0];
            res.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && matches!(chars[0], '<' | '>' | '^' | '=') {
            res.align = Some(chars[0]);
            i = 1;
        }
        if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
            res.sign = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            res.alternate = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '0' {
            res.zero = true;
            i += 1;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        res.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0)
            .min(MAX_FORMAT_WIDTH);
        if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
            res.grouping = true;
            res.separator = chars[i];
            i += 1;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            res.precision = Some(
                chars[start..i]
                    .iter()
                    .collect::<String>()
                    .parse::<usize>()
                    .ok()?
                    .min(MAX_FORMAT_WIDTH),
            );
        }
        if i < chars.len() {
            res.kind = Some(chars[i]);
            i += 1;
        }
        (i == chars.len()).then_some(res)
    }

    fn pad(&self, body: &str, numeric: bool) -> String {
        let len = body.chars().count();
        if len >= self.width {
            return body.to_string();
        }
        let n = self.width - len;
        let (fill, align) = if self.zero && self.align.is_none() {
            ('0', '=')
        } else {
            (
                self.fill,
                self.align.unwrap_or(if numeric { '>' } else { '<' }),
            )
        };
        let pad = |k: usize| fill.to_string().repeat(k);
        match align {
            '<' => format!("{body}{}", pad(n)),
            '^' => format!("{}{body}{}", pad(n / 2), pad(n - n / 2)),
            '=' => {
                let (sign, rest) = match body.chars().next() {
                    Some(c @ ('-' | '+')) => (c.to_string(), &body[1..]),
                    _ => (String::new(), body),
                };
                format!("{sign}{}{rest}", pad(n))
            }
            _ => format!("{}{body}", pad(n)),
        }
    }
}
