//! Methods of the built-in types that these files call (`str.join`, `list.append`,
//! `dict.get`, `set.add` ...), each with CPython's error texts, and sorting.

use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::{arg, builtin, dict_update, method};
use super::call::Kwargs;
use super::value::{Class, Dict, HashKey, Value};
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

fn this_list(args: &[Value]) -> Rc<RefCell<Vec<Value>>> {
    match args.first() {
        Some(Value::List(l)) => Rc::clone(l),
        _ => Rc::new(RefCell::new(Vec::new())),
    }
}

pub(super) fn install_list_methods(cls: &Rc<Class>) {
    method(cls, "append", |_, args, _| {
        this_list(&args).borrow_mut().push(arg(&args, 1));
        Ok(Value::None)
    });
    method(cls, "extend", |interp, args, _| {
        let items = interp.iterate(&arg(&args, 1))?;
        this_list(&args).borrow_mut().extend(items);
        Ok(Value::None)
    });
    method(cls, "insert", |_, args, _| {
        let list = this_list(&args);
        let len = list.borrow().len() as i64;
        let i = match args.get(1) {
            Some(Value::Int(i)) if *i < 0 => (i + len).max(0),
            Some(Value::Int(i)) => (*i).min(len),
            _ => len,
        };
        list.borrow_mut().insert(i as usize, arg(&args, 2));
        Ok(Value::None)
    });
    method(cls, "pop", |interp, args, _| {
        let list = this_list(&args);
        let len = list.borrow().len() as i64;
        if len == 0 {
            return Err(interp.new_error("IndexError", "pop from empty list"));
        }
        let i = match args.get(1) {
            Some(Value::Int(i)) if *i < 0 => i + len,
            Some(Value::Int(i)) => *i,
            _ => len - 1,
        };
        if i < 0 || i >= len {
            return Err(interp.new_error("IndexError", "pop index out of range"));
        }
        let item = list.borrow_mut().remove(i as usize);
        Ok(item)
    });
    method(cls, "remove", |interp, args, _| {
        let list = this_list(&args);
        let items = list.borrow().clone();
        for (i, item) in items.iter().enumerate() {
            if interp.eq_item(item, &arg(&args, 1))? {
                list.borrow_mut().remove(i);
                return Ok(Value::None);
            }
        }
        Err(interp.new_error("ValueError", "list.remove(x): x not in list"))
    });
    method(cls, "index", |interp, args, _| {
        let items = this_list(&args).borrow().clone();
        for (i, item) in items.iter().enumerate() {
            if interp.eq_item(item, &arg(&args, 1))? {
                return Ok(Value::Int(i as i64));
            }
        }
        let r = interp.repr(&arg(&args, 1))?;
        Err(interp.new_error("ValueError", &format!("{r} is not in list")))
    });
    method(cls, "count", |interp, args, _| {
        let items = this_list(&args).borrow().clone();
        let mut n = 0;
        for item in &items {
            if interp.eq_item(item, &arg(&args, 1))? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    method(cls, "reverse", |_, args, _| {
        this_list(&args).borrow_mut().reverse();
        Ok(Value::None)
    });
    method(cls, "copy", |_, args, _| {
        Ok(Value::list(this_list(&args).borrow().clone()))
    });
    method(cls, "clear", |_, args, _| {
        this_list(&args).borrow_mut().clear();
        Ok(Value::None)
    });
    method(cls, "sort", |interp, args, kw| {
        let list = this_list(&args);
        let items = list.borrow().clone();
        let sorted = sort_values(interp, items, &kw)?;
        *list.borrow_mut() = sorted;
        Ok(Value::None)
    });
}

/// `sorted()` and `list.sort()`: a stable merge sort that can call back into Python for
/// `key=` and comparisons.
pub fn sort_values(
    interp: &mut Interp<'_>,
    items: Vec<Value>,
    kw: &Kwargs,
) -> Result<Vec<Value>, PyErr> {
    let key = kw
        .iter()
        .find(|(k, _)| &**k == "key")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_none());
    let reverse = match kw.iter().find(|(k, _)| &**k == "reverse") {
        Some((_, v)) => interp.truthy(&v.clone())?,
        None => false,
    };
    let mut keyed = Vec::with_capacity(items.len());
    for item in items {
        let k = match &key {
            Some(f) => interp.call(f, vec![item.clone()], Vec::new())?,
            None => item.clone(),
        };
        keyed.push((k, item));
    }
    // CPython's timsort sorts short lists with a run count and binary insertion; doing the
    // same makes the comparisons, and so any TypeError, the ones CPython makes.
    let sorted = if keyed.len() < 64 {
        binary_insertion_sort(interp, keyed, reverse)?
    } else {
        merge_sort(interp, keyed, reverse)?
    };
    Ok(sorted.into_iter().map(|(_, v)| v).collect())
}

/// `a < b` under `reverse`, as list.sort compares (reversing swaps the operands' roles).
fn less(interp: &mut Interp<'_>, a: &Value, b: &Value, reverse: bool) -> Result<bool, PyErr> {
    let (x, y) = if reverse { (b, a) } else { (a, b) };
    Ok(interp.order(x, y, crate::python::ast::CmpOp::Lt)? == std::cmp::Ordering::Less)
}

/// timsort on fewer than 64 items: the initial run (reversed if strictly descending), then
/// binary insertion of the rest.
fn binary_insertion_sort(
    interp: &mut Interp<'_>,
    mut items: Vec<(Value, Value)>,
    reverse: bool,
) -> Result<Vec<(Value, Value)>, PyErr> {
    let n = items.len();
    if n < 2 {
        return Ok(items);
    }
    let mut run = 2;
    if less(interp, &items[1].0, &items[0].0, reverse)? {
        while run < n && less(interp, &items[run].0, &items[run - 1].0, reverse)? {
            run += 1;
        }
        items[..run].reverse();
    } else {
        while run < n && !less(interp, &items[run].0, &items[run - 1].0, reverse)? {
            run += 1;
        }
    }
    for start in run..n {
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + (r - l) / 2;
            if less(interp, &items[start].0, &items[p].0, reverse)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        let pivot = items.remove(start);
        items.insert(l, pivot);
    }
    Ok(items)
}

fn merge_sort(
    interp: &mut Interp<'_>,
    mut items: Vec<(Value, Value)>,
    reverse: bool,
) -> Result<Vec<(Value, Value)>, PyErr> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let right = items.split_off(items.len() / 2);
    let left = merge_sort(interp, items, reverse)?;
    let right = merge_sort(interp, right, reverse)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        let ord = interp.order(&b.0, &a.0, crate::python::ast::CmpOp::Lt)?;
        let take_right = if reverse {
            ord == std::cmp::Ordering::Greater
        } else {
            ord == std::cmp::Ordering::Less
        };
        if take_right {
            out.extend(r.next());
        } else {
            out.extend(l.next());
        }
    }
    out.extend(l);
    out.extend(r);
    Ok(out)
}

fn this_dict(args: &[Value]) -> Rc<RefCell<Dict>> {
    match args.first() {
        Some(Value::Dict(d)) | Some(Value::Set(d)) | Some(Value::FrozenSet(d)) => Rc::clone(d),
        _ => Rc::new(RefCell::new(Dict::default())),
    }
}

pub(super) fn install_dict_methods(cls: &Rc<Class>) {
    method(cls, "get", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        Ok(this_dict(&args)
            .borrow()
            .get(&key)
            .cloned()
            .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
    });
    method(cls, "keys", |_, args, _| {
        Ok(Value::list(
            this_dict(&args)
                .borrow()
                .entries
                .values()
                .map(|(k, _)| k.clone())
                .collect(),
        ))
    });
    method(cls, "values", |_, args, _| {
        Ok(Value::list(
            this_dict(&args)
                .borrow()
                .entries
                .values()
                .map(|(_, v)| v.clone())
                .collect(),
        ))
    });
    method(cls, "items", |_, args, _| {
        Ok(Value::list(
            this_dict(&args)
                .borrow()
                .entries
                .values()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        ))
    });
    method(cls, "pop", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        let removed = this_dict(&args).borrow_mut().entries.shift_remove(&key);
        match (removed, args.get(2)) {
            (Some((_, v)), _) => Ok(v),
            (None, Some(default)) => Ok(default.clone()),
            (None, None) => {
                let cls = interp.types.exception("KeyError");
                Err(PyErr::new(interp.make_exception(&cls, vec![arg(&args, 1)])))
            }
        }
    });
    method(cls, "setdefault", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        let dict = this_dict(&args);
        let existing = dict.borrow().get(&key).cloned();
        Ok(match existing {
            Some(v) => v,
            None => {
                let default = args.get(2).cloned().unwrap_or(Value::None);
                dict.borrow_mut()
                    .insert(key, arg(&args, 1), default.clone());
                default
            }
        })
    });
    method(cls, "update", |interp, args, kw| {
        let dict = this_dict(&args);
        let mut copy = dict.borrow().clone();
        if let Some(source) = args.get(1) {
            dict_update(interp, &mut copy, source)?;
        }
        for (k, v) in kw {
            copy.insert(HashKey::Str(Rc::clone(&k)), Value::Str(k), v);
        }
        *dict.borrow_mut() = copy;
        Ok(Value::None)
    });
    method(cls, "copy", |_, args, _| {
        Ok(Value::Dict(Rc::new(RefCell::new(
            this_dict(&args).borrow().clone(),
        ))))
    });
    cls.dict.borrow_mut().insert(
        Rc::from("fromkeys"),
        Value::StaticMethod(Rc::new(builtin("fromkeys", "dict", |interp, args, _| {
            let mut d = Dict::default();
            for k in interp.iterate(&arg(&args, 0))? {
                let h = interp.hash_key(&k)?;
                d.insert(h, k, arg(&args, 1));
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        }))),
    );
    method(cls, "popitem", |interp, args, _| {
        let last = this_dict(&args).borrow_mut().entries.pop();
        match last {
            Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
            None => Err(interp.new_error("KeyError", "'popitem(): dictionary is empty'")),
        }
    });
    method(cls, "clear", |_, args, _| {
        this_dict(&args).borrow_mut().entries.clear();
        Ok(Value::None)
    });
}

pub(super) fn install_set_methods(cls: &Rc<Class>) {
    method(cls, "add", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        this_dict(&args)
            .borrow_mut()
            .insert(key, arg(&args, 1), Value::None);
        Ok(Value::None)
    });
    method(cls, "update", |interp, args, _| {
        let set = this_dict(&args);
        for item in interp.iterate(&arg(&args, 1))? {
            let key = interp.hash_key(&item)?;
            set.borrow_mut().insert(key, item, Value::None);
        }
        Ok(Value::None)
    });
    method(cls, "discard", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        this_dict(&args).borrow_mut().entries.shift_remove(&key);
        Ok(Value::None)
    });
    method(cls, "remove", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        if this_dict(&args)
            .borrow_mut()
            .entries
            .shift_remove(&key)
            .is_none()
        {
            let cls = interp.types.exception("KeyError");
            return Err(PyErr::new(interp.make_exception(&cls, vec![arg(&args, 1)])));
        }
        Ok(Value::None)
    });
    method(cls, "copy", |_, args, _| {
        Ok(Value::Set(Rc::new(RefCell::new(
            this_dict(&args).borrow().clone(),
        ))))
    });
    install_set_queries(cls);
}

pub(super) fn install_frozenset_methods(cls: &Rc<Class>) {
    // An immutable value copies to itself, as CPython's `frozenset.copy` does.
    method(cls, "copy", |_, args, _| Ok(arg(&args, 0)));
    install_set_queries(cls);
}

/// The methods `set` and `frozenset` share: none of them mutates the receiver.
fn install_set_queries(cls: &Rc<Class>) {
    method(cls, "issuperset", |interp, args, _| {
        let other = arg(&args, 1);
        for item in interp.iterate(&other)? {
            if !interp.contains(&arg(&args, 0), &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    method(cls, "isdisjoint", |interp, args, _| {
        for item in interp.iterate(&arg(&args, 1))? {
            if interp.contains(&arg(&args, 0), &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    for (name, op) in [
        ("union", crate::python::ast::Operator::BitOr),
        ("intersection", crate::python::ast::Operator::BitAnd),
        ("difference", crate::python::ast::Operator::Sub),
        ("symmetric_difference", crate::python::ast::Operator::BitXor),
    ] {
        method(cls, name, move |interp, args, _| {
            let mut acc = arg(&args, 0);
            for other in args.get(1..).unwrap_or(&[]) {
                let items = interp.iterate(other)?;
                let mut set = Dict::default();
                for item in items {
                    let h = interp.hash_key(&item)?;
                    set.insert(h, item, Value::None);
                }
                acc = interp.binary_op(op, acc, Value::Set(Rc::new(RefCell::new(set))), false)?;
            }
            Ok(acc)
        });
    }
    method(cls, "issubset", |interp, args, _| {
        let mine = this_dict(&args);
        for item in interp.iterate(&Value::FrozenSet(Rc::clone(&mine)))? {
            if !interp.contains(&arg(&args, 1), &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
}
