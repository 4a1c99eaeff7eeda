//! Methods of `str` that these files call (`str.join`, `str.format`, `str.split` ...), each
//! with CPython's error texts. List, dict and set methods live in `container_methods`.

use std::rc::Rc;

use super::builtins::{arg, method};
use super::call::Kwargs;
use super::value::{Class, Value};
use super::{Interp, PyErr};

fn this_str(args: &[Value]) -> Rc<str> {
    match args.first() {
        Some(Value::Str(s)) => Rc::clone(s),
        Some(Value::Instance(inst)) => match inst.dict.borrow().get("_value_") {
            Some(Value::Str(s)) => Rc::clone(s),
            _ => Rc::from(""),
        },
        _ => Rc::from(""),
    }
}

fn arg_str<'v>(
    interp: &mut Interp<'_>,
    args: &'v [Value],
    i: usize,
    what: &str,
) -> Result<Option<&'v str>, PyErr> {
    match args.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(other) => {
            let t = interp.type_name(other);
            Err(interp.type_error(&format!("{what} arg must be None or str, not {t}")))
        }
    }
}

pub(super) fn install_str_methods(cls: &Rc<Class>) {
    method(cls, "join", |interp, args, _| {
        let sep = this_str(&args);
        let mut parts = Vec::new();
        for (i, item) in interp.iterate(&arg(&args, 1))?.into_iter().enumerate() {
            match item {
                Value::Str(ref s) => parts.push(s.to_string()),
                other => {
                    let t = interp.type_name(&other);
                    return Err(interp.type_error(&format!(
                        "sequence item {i}: expected str instance, {t} found"
                    )));
                }
            }
        }
        Ok(Value::str(&parts.join(&sep)))
    });
    method(cls, "split", |interp, args, kw| {
        let s = this_str(&args);
        let sep = arg_str(interp, &args, 1, "split")?
            .map(String::from)
            .or_else(|| {
                kw.iter()
                    .find(|(k, _)| &**k == "sep")
                    .and_then(|(_, v)| v.as_str().map(String::from))
            });
        let maxsplit = match args
            .get(2)
            .or_else(|| kw.iter().find(|(k, _)| &**k == "maxsplit").map(|(_, v)| v))
        {
            Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
            _ => None,
        };
        let parts: Vec<Value> = match (&sep, maxsplit) {
            (Some(sep), Some(n)) => s.splitn(n + 1, sep.as_str()).map(Value::str).collect(),
            (Some(sep), None) => s.split(sep.as_str()).map(Value::str).collect(),
            (None, Some(n)) => {
                let mut out = Vec::new();
                let mut rest = s.trim_start();
                while !rest.is_empty() {
                    if out.len() == n {
                        out.push(Value::str(rest));
                        break;
                    }
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(Value::str(&rest[..end]));
                    rest = rest[end..].trim_start();
                }
                out
            }
            (None, None) => s.split_whitespace().map(Value::str).collect(),
        };
        Ok(Value::list(parts))
    });
    method(cls, "rsplit", |interp, args, _| {
        let s = this_str(&args);
        let sep = arg_str(interp, &args, 1, "rsplit")?.map(String::from);
        let maxsplit = match args.get(2) {
            Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
            _ => None,
        };
        let mut parts: Vec<Value> = match (&sep, maxsplit) {
            (Some(sep), Some(n)) => s.rsplitn(n + 1, sep.as_str()).map(Value::str).collect(),
            (Some(sep), None) => s.rsplit(sep.as_str()).map(Value::str).collect(),
            (None, _) => s.split_whitespace().rev().map(Value::str).collect(),
        };
        parts.reverse();
        Ok(Value::list(parts))
    });
    for (name, side) in [("strip", 0), ("lstrip", 1), ("rstrip", 2)] {
        method(cls, name, move |interp, args, _| {
            let s = this_str(&args);
            let chars = arg_str(interp, &args, 1, name)?.map(String::from);
            let pred = |c: char| match &chars {
                Some(set) => set.contains(c),
                None => c.is_whitespace(),
            };
            Ok(Value::str(match side {
                0 => s.trim_matches(pred),
                1 => s.trim_start_matches(pred),
                _ => s.trim_end_matches(pred),
            }))
        });
    }
    for (name, start) in [("startswith", true), ("endswith", false)] {
        method(cls, name, move |interp, args, _| {
            let s = this_str(&args);
            let candidates = match args.get(1) {
                Some(Value::Tuple(t)) => t.to_vec(),
                Some(v) => vec![v.clone()],
                None => {
                    return Err(
                        interp.type_error(&format!("{name}() takes at least 1 argument (0 given)"))
                    )
                }
            };
            for c in candidates {
                match c {
                    Value::Str(ref p) => {
                        if (start && s.starts_with(&**p)) || (!start && s.ends_with(&**p)) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        let t = interp.type_name(&other);
                        return Err(interp.type_error(&format!(
                            "{name} first arg must be str or a tuple of str, not {t}"
                        )));
                    }
                }
            }
            Ok(Value::Bool(false))
        });
    }
    method(cls, "replace", |interp, args, _| {
        let s = this_str(&args);
        let (Some(Value::Str(old)), Some(Value::Str(new))) = (args.get(1), args.get(2)) else {
            return Err(interp.type_error("replace() argument 1 must be str"));
        };
        Ok(Value::str(&match args.get(3) {
            Some(Value::Int(n)) if *n >= 0 => s.replacen(&**old, new, *n as usize),
            _ => s.replace(&**old, new),
        }))
    });
    method(cls, "lower", |_, args, _| {
        Ok(Value::str(&this_str(&args).to_lowercase()))
    });
    method(cls, "upper", |_, args, _| {
        Ok(Value::str(&this_str(&args).to_uppercase()))
    });
    method(cls, "title", |_, args, _| {
        let mut out = String::new();
        let mut prev_letter = false;
        for c in this_str(&args).chars() {
            if c.is_alphabetic() {
                if prev_letter {
                    out.extend(c.to_lowercase());
                } else {
                    out.extend(c.to_uppercase());
                }
                prev_letter = true;
            } else {
                out.push(c);
                prev_letter = false;
            }
        }
        Ok(Value::str(&out))
    });
    method(cls, "capitalize", |_, args, _| {
        let s = this_str(&args);
        let mut chars = s.chars();
        Ok(Value::str(&match chars.next() {
            Some(c) => c
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect::<String>(),
            None => String::new(),
        }))
    });
    for (name, rev) in [
        ("find", false),
        ("rfind", true),
        ("index", false),
        ("rindex", true),
    ] {
        method(cls, name, move |interp, args, _| {
            let s = this_str(&args);
            let Some(Value::Str(sub)) = args.get(1) else {
                return Err(interp.type_error("must be str"));
            };
            let (offset, window) = char_window(&s, &args);
            let found = if rev {
                window.rfind(&**sub)
            } else {
                window.find(&**sub)
            };
            match found {
                Some(i) => Ok(Value::Int((offset + window[..i].chars().count()) as i64)),
                None if name.ends_with("find") => Ok(Value::Int(-1)),
                None => Err(interp.new_error("ValueError", "substring not found")),
            }
        });
    }
    method(cls, "count", |_, args, _| {
        let s = this_str(&args);
        let (_, window) = char_window(&s, &args);
        Ok(Value::Int(match args.get(1) {
            Some(Value::Str(sub)) if !sub.is_empty() => window.matches(&**sub).count() as i64,
            Some(Value::Str(_)) => window.chars().count() as i64 + 1,
            _ => 0,
        }))
    });
    type Predicate = fn(&str) -> bool;
    let predicates: [(&str, Predicate); 7] = [
        ("isdigit", |s| {
            !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
        }),
        ("isalpha", |s| {
            !s.is_empty() && s.chars().all(char::is_alphabetic)
        }),
        ("isalnum", |s| {
            !s.is_empty() && s.chars().all(char::is_alphanumeric)
        }),
        ("isspace", |s| {
            !s.is_empty() && s.chars().all(char::is_whitespace)
        }),
        ("islower", |s| {
            s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
        }),
        ("isupper", |s| {
            s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
        }),
        ("isidentifier", |s| {
            let mut chars = s.chars();
            chars
                .next()
                .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c))
                && chars.all(|c| c == '_' || unicode_ident::is_xid_continue(c))
        }),
    ];
    for (name, pred) in predicates {
        method(cls, name, move |_, args, _| {
            Ok(Value::Bool(pred(&this_str(&args))))
        });
    }
    method(cls, "splitlines", |_, args, _| {
        Ok(Value::list(
            this_str(&args).lines().map(Value::str).collect(),
        ))
    });
    for (name, rev) in [("partition", false), ("rpartition", true)] {
        method(cls, name, move |interp, args, _| {
            let s = this_str(&args);
            let Some(Value::Str(sep)) = args.get(1) else {
                return Err(interp.type_error("must be str"));
            };
            let found = if rev { s.rfind(&**sep) } else { s.find(&**sep) };
            Ok(Value::tuple(match found {
                Some(i) => vec![
                    Value::str(&s[..i]),
                    Value::Str(Rc::clone(sep)),
                    Value::str(&s[i + sep.len()..]),
                ],
                None if rev => vec![Value::str(""), Value::str(""), Value::Str(s)],
                None => vec![Value::Str(s), Value::str(""), Value::str("")],
            }))
        });
    }
    method(cls, "removeprefix", |_, args, _| {
        let s = this_str(&args);
        Ok(match args.get(1) {
            Some(Value::Str(p)) => Value::str(s.strip_prefix(&**p).unwrap_or(&s)),
            _ => Value::Str(s),
        })
    });
    method(cls, "removesuffix", |_, args, _| {
        let s = this_str(&args);
        Ok(match args.get(1) {
            Some(Value::Str(p)) => Value::str(s.strip_suffix(&**p).unwrap_or(&s)),
            _ => Value::Str(s),
        })
    });
    for (name, align) in [
        ("ljust", '<'),
        ("rjust", '>'),
        ("center", '^'),
        ("zfill", '0'),
    ] {
        method(cls, name, move |_, args, _| {
            let s = this_str(&args);
            let width = match args.get(1) {
                Some(Value::Int(n)) => (*n).max(0) as usize,
                _ => 0,
            };
            let fill = match args.get(2) {
                Some(Value::Str(f)) => f.chars().next().unwrap_or(' '),
                _ => ' ',
            };
            let len = s.chars().count();
            if len >= width {
                return Ok(Value::Str(s));
            }
            let pad = width - len;
            let f = |n: usize, c: char| c.to_string().repeat(n);
            Ok(Value::str(&match align {
                '<' => format!("{s}{}", f(pad, fill)),
                '>' => format!("{}{s}", f(pad, fill)),
                '^' => {
                    let left = pad / 2 + (pad & width & 1);
                    format!("{}{s}{}", f(left, fill), f(pad - left, fill))
                }
                _ => match s.strip_prefix('-') {
                    Some(rest) => format!("-{}{rest}", f(pad, '0')),
                    None => format!("{}{s}", f(pad, '0')),
                },
            }))
        });
    }
    method(cls, "expandtabs", |_, args, _| {
        let size = match arg(&args, 1) {
            Value::Int(n) => n.max(0) as usize,
            _ => 8,
        };
        let mut out = String::new();
        let mut col = 0;
        for c in this_str(&args).chars() {
            match c {
                '\t' if size > 0 => {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
                '\t' => {}
                '\n' | '\r' => {
                    out.push(c);
                    col = 0;
                }
                c => {
                    out.push(c);
                    col += 1;
                }
            }
        }
        Ok(Value::str(&out))
    });
    method(cls, "swapcase", |_, args, _| {
        let s: String = this_str(&args)
            .chars()
            .flat_map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<Vec<_>>()
                } else {
                    c.to_uppercase().collect::<Vec<_>>()
                }
            })
            .collect();
        Ok(Value::str(&s))
    });
    method(cls, "istitle", |_, args, _| {
        let s = this_str(&args);
        let mut cased = false;
        let mut prev_cased = false;
        for c in s.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return Ok(Value::Bool(false));
                }
                prev_cased = true;
                cased = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return Ok(Value::Bool(false));
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        Ok(Value::Bool(cased))
    });
    method(cls, "format_map", |interp, args, _| {
        let s = this_str(&args);
        let mapping = arg(&args, 1);
        let mut kw = Vec::new();
        for key in interp.iterate(&mapping)? {
            if let Value::Str(k) = &key {
                let v = interp.get_item(&mapping, &key)?;
                kw.push((Rc::clone(k), v));
            }
        }
        str_format(interp, &s, &[], &kw).map(|s| Value::str(&s))
    });
    method(cls, "encode", |_, args, _| {
        Ok(Value::Bytes(Rc::from(this_str(&args).as_bytes())))
    });
    method(cls, "format", |interp, args, kw| {
        let s = this_str(&args);
        str_format(interp, &s, args.get(1..).unwrap_or(&[]), &kw).map(|s| Value::str(&s))
    });
    method(cls, "__format__", |interp, args, _| {
        let spec = args
            .get(1)
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let s = Value::Str(this_str(&args));
        interp.format_value(&s, &spec).map(|s| Value::str(&s))
    });
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{name.attr}`, `{0[key]}`, `!r`/`!s` and specs.
fn str_format(
    interp: &mut Interp<'_>,
    fmt: &str,
    args: &[Value],
    kw: &Kwargs,
) -> Result<String, PyErr> {
    let mut out = String::new();
    let mut auto = 0usize;
    let mut chars = fmt.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|p| p.1) == Some('{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek().map(|p| p.1) == Some('}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                let mut depth = 1;
                for (_, c) in chars.by_ref() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    field.push(c);
                }
                let (field, spec) = match field.split_once(':') {
                    Some((f, s)) => (f.to_string(), s.to_string()),
                    None => (field, String::new()),
                };
                let (field, conversion) = match field.split_once('!') {
                    Some((f, c)) => (f.to_string(), c.chars().next()),
                    None => (field, None),
                };
                let name_end = field.find(['.', '[']).unwrap_or(field.len());
                let (head, mut rest) = field.split_at(name_end);
                let mut value = if head.is_empty() {
                    let v = args.get(auto).cloned();
                    auto += 1;
                    v.ok_or_else(|| {
                        interp.new_error(
                            "IndexError",
                            &format!(
                                "Replacement index {} out of range for positional args tuple",
                                auto - 1
                            ),
                        )
                    })?
                } else if let Ok(i) = head.parse::<usize>() {
                    args.get(i).cloned().ok_or_else(|| {
                        interp.new_error(
                            "IndexError",
                            &format!(
                                "Replacement index {i} out of range for positional args tuple"
                            ),
                        )
                    })?
                } else {
                    match kw.iter().find(|(k, _)| &**k == head) {
                        Some((_, v)) => v.clone(),
                        None => {
                            let cls = interp.types.exception("KeyError");
                            return Err(PyErr::new(
                                interp.make_exception(&cls, vec![Value::str(head)]),
                            ));
                        }
                    }
                };
                while !rest.is_empty() {
                    if let Some(after) = rest.strip_prefix('.') {
                        let end = after.find(['.', '[']).unwrap_or(after.len());
                        value = interp.get_attr(&value, &after[..end])?;
                        rest = &after[end..];
                    } else if let Some(after) = rest.strip_prefix('[') {
                        let end = after.find(']').unwrap_or(after.len());
                        let key = &after[..end];
                        let key = key
                            .parse::<i64>()
                            .map(Value::Int)
                            .unwrap_or_else(|_| Value::str(key));
                        value = interp.get_item(&value, &key)?;
                        rest = after.get(end + 1..).unwrap_or("");
                    } else {
                        break;
                    }
                }
                let value = match conversion {
                    Some('r') => Value::str(&interp.repr(&value)?),
                    Some('s') => Value::str(&interp.py_str(&value)?),
                    _ => value,
                };
                let spec = if spec.contains('{') {
                    str_format(interp, &spec, args, kw)?
                } else {
                    spec
                };
                out.push_str(&interp.format_value(&value, &spec)?);
            }
            '}' => {
                return Err(
                    interp.new_error("ValueError", "Single '}' encountered in format string")
                )
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The part of `s` that `str.find(sub, start, end)` and friends search, with its offset in
/// characters; negative bounds count from the end, as in slices.
fn char_window<'s>(s: &'s str, args: &[Value]) -> (usize, &'s str) {
    let len = s.chars().count() as i64;
    let bound = |v: Option<&Value>, default: i64| match v {
        Some(Value::Int(n)) if *n < 0 => (len + n).max(0),
        Some(Value::Int(n)) => (*n).min(len),
        _ => default,
    };
    let start = bound(args.get(2), 0) as usize;
    let end = (bound(args.get(3), len) as usize).max(start);
    let byte = |chars: usize| s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i);
    (start, &s[byte(start)..byte(end)])
}
