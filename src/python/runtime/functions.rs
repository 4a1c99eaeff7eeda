//! The `builtins` module: `print`, `len`, `isinstance`, `sorted` and the other built-in
//! functions, and the names of the built-in types and exceptions.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use super::builtins::{arg, builtin, Types, EXCEPTIONS};
use super::container_methods::sort_values;
use super::value::{Class, Module, Namespace, Value};
use super::{Interp, PyErr};

/// Builds the `builtins` module.
pub fn make_module(types: &Types) -> Rc<Module> {
    let mut ns: Namespace = IndexMap::new();
    let mut put = |name: &str, value: Value| {
        ns.insert(Rc::from(name), value);
    };
    for (name, cls) in [
        ("object", &types.object),
        ("type", &types.type_),
        ("bool", &types.bool),
        ("int", &types.int),
        ("float", &types.float),
        ("str", &types.str),
        ("bytes", &types.bytes),
        ("tuple", &types.tuple),
        ("list", &types.list),
        ("dict", &types.dict),
        ("set", &types.set),
        ("frozenset", &types.frozenset),
        ("range", &types.range),
        ("property", &types.property),
        ("staticmethod", &types.staticmethod),
        ("classmethod", &types.classmethod),
        ("super", &types.super_),
    ] {
        put(name, Value::Class(Rc::clone(cls)));
    }
    for (name, _) in EXCEPTIONS {
        put(name, Value::Class(Rc::clone(&types.exceptions[name])));
    }
    put(
        "NotImplemented",
        Value::Instance(Rc::new(super::value::Instance {
            class: Rc::clone(&types.not_implemented_type),
            dict: RefCell::new(IndexMap::new()),
            payload: RefCell::new(None),
        })),
    );
    put(
        "Ellipsis",
        Value::Instance(Rc::new(super::value::Instance {
            class: Rc::clone(&types.ellipsis_type),
            dict: RefCell::new(IndexMap::new()),
            payload: RefCell::new(None),
        })),
    );
    put(
        "print",
        builtin("print", "builtins", |interp, args, kw| {
            let mut sep = " ".to_string();
            let mut end = "\n".to_string();
            let mut stderr = false;
            for (k, v) in &kw {
                match (&**k, v) {
                    ("sep", Value::Str(s)) => sep = s.to_string(),
                    ("end", Value::Str(s)) => end = s.to_string(),
                    ("file", v) => {
                        stderr = matches!(v, Value::Instance(i) if i.dict.borrow().get("name").and_then(|n| n.as_str().map(|s| s == "<stderr>")).unwrap_or(false))
                    }
                    _ => {}
                }
            }
            let mut parts = Vec::with_capacity(args.len());
            for a in &args {
                parts.push(interp.py_str(a)?);
            }
            let text = format!("{}{end}", parts.join(&sep));
            interp.output.push((stderr, text));
            Ok(Value::None)
        }),
    );
    put(
        "len",
        builtin("len", "builtins", |interp, args, _| {
            let n = match args.first() {
                Some(Value::Str(s)) => s.chars().count(),
                Some(Value::Bytes(b)) => b.len(),
                Some(Value::Tuple(t)) => t.len(),
                Some(Value::List(l)) => l.borrow().len(),
                Some(Value::Dict(d)) | Some(Value::Set(d)) | Some(Value::FrozenSet(d)) => {
                    d.borrow().len()
                }
                Some(Value::Range(a, b, c)) => super::operators::range_len(*a, *b, *c) as usize,
                Some(Value::Class(cls)) if cls.lookup("_member_list_").is_some() => {
                    return match cls.lookup("_member_list_") {
                        Some(Value::List(ref l)) => Ok(Value::Int(l.borrow().len() as i64)),
                        _ => Ok(Value::Int(0)),
                    };
                }
                Some(v @ Value::Instance(inst)) if inst.class.lookup("__len__").is_some() => {
                    let m = inst.class.lookup("__len__").unwrap_or(Value::None);
                    return interp.call(&m, vec![v.clone()], Vec::new());
                }
                Some(other) => {
                    let t = interp.type_name(other);
                    return Err(interp.type_error(&format!("object of type '{t}' has no len()")));
                }
                None => return Err(interp.type_error("len() takes exactly one argument (0 given)")),
            };
            Ok(Value::Int(n as i64))
        }),
    );
    put(
        "isinstance",
        builtin("isinstance", "builtins", |interp, args, _| {
            let cls = interp.class_of(&arg(&args, 0));
            Ok(Value::Bool(class_matches(interp, &cls, &arg(&args, 1))?))
        }),
    );
    put(
        "issubclass",
        builtin("issubclass", "builtins", |interp, args, _| {
            match &arg(&args, 0) {
                Value::Class(cls) => {
                    let cls = Rc::clone(cls);
                    Ok(Value::Bool(class_matches(interp, &cls, &arg(&args, 1))?))
                }
                _ => Err(interp.type_error("issubclass() arg 1 must be a class")),
            }
        }),
    );
    put(
        "repr",
        builtin("repr", "builtins", |interp, args, _| {
            Ok(Value::str(&interp.repr(&arg(&args, 0))?))
        }),
    );
    put(
        "format",
        builtin("format", "builtins", |interp, args, _| {
            let spec = args
                .get(1)
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            Ok(Value::str(&interp.format_value(&arg(&args, 0), &spec)?))
        }),
    );
    put(
        "hash",
        builtin("hash", "builtins", |interp, args, _| {
            let value = arg(&args, 0);
            // Numbers hash as CPython's do (equal numbers alike, modulo 2**61 - 1), so
            // programs that print hashes of ints and floats print CPython's numbers.
            let value = interp.primitive(&value).unwrap_or(value);
            match &value {
                Value::Int(n) => return Ok(Value::Int(super::bigint::hash_i64(*n))),
                Value::Bool(b) => return Ok(Value::Int(*b as i64)),
                Value::BigInt(n) => return Ok(Value::Int(super::bigint::hash_big(n))),
                Value::Float(x) => return Ok(Value::Int(super::bigint::hash_float(*x))),
                _ => {}
            }
            let key = interp.hash_key(&value)?;
            // A `__hash__` result is the hash itself (CPython only turns -1 into -2).
            if let (Value::Instance(_), super::value::HashKey::Int(n)) = (&value, &key) {
                return Ok(Value::Int(if *n == -1 { -2 } else { *n }));
            }
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            key.hash(&mut h);
            Ok(Value::Int(h.finish() as i64))
        }),
    );
    put(
        "id",
        builtin("id", "builtins", |_, args, _| {
            Ok(Value::Int(arg(&args, 0).identity().unwrap_or(0) as i64))
        }),
    );
    put(
        "callable",
        builtin("callable", "builtins", |_, args, _| {
            Ok(Value::Bool(match &arg(&args, 0) {
                Value::Function(_)
                | Value::Builtin(_)
                | Value::BoundMethod(_)
                | Value::Class(_) => true,
                Value::Instance(i) => i.class.lookup("__call__").is_some(),
                _ => false,
            }))
        }),
    );
    put(
        "getattr",
        builtin("getattr", "builtins", |interp, args, _| {
            let Some(Value::Str(name)) = args.get(1) else {
                return Err(interp.type_error("attribute name must be string"));
            };
            match interp.get_attr(&arg(&args, 0), name) {
                Err(e) if args.len() > 2 && interp.is_instance_of(&e.value, "AttributeError") => {
                    Ok(arg(&args, 2))
                }
                other => other,
            }
        }),
    );
    put(
        "setattr",
        builtin("setattr", "builtins", |interp, args, _| {
            let Some(Value::Str(name)) = args.get(1) else {
                return Err(interp.type_error("attribute name must be string"));
            };
            interp.set_attr(&arg(&args, 0), name, arg(&args, 2))?;
            Ok(Value::None)
        }),
    );
    put(
        "hasattr",
        builtin("hasattr", "builtins", |interp, args, _| {
            let Some(Value::Str(name)) = args.get(1) else {
                return Err(interp.type_error("attribute name must be string"));
            };
            match interp.get_attr(&arg(&args, 0), name) {
                Ok(_) => Ok(Value::Bool(true)),
                Err(e) if interp.is_instance_of(&e.value, "AttributeError") => {
                    Ok(Value::Bool(false))
                }
                Err(e) => Err(e),
            }
        }),
    );
    put(
        "iter",
        builtin("iter", "builtins", |interp, args, _| {
            let items = interp.iterate(&arg(&args, 0))?;
            Ok(Value::Iterator(Rc::new(RefCell::new(items.into_iter()))))
        }),
    );
    put(
        "next",
        builtin("next", "builtins", |interp, args, _| match &arg(&args, 0) {
            Value::Iterator(it) => match it.borrow_mut().next() {
                Some(v) => Ok(v),
                None => match args.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(interp.new_error("StopIteration", "")),
                },
            },
            other => {
                let t = interp.type_name(other);
                Err(interp.type_error(&format!("'{t}' object is not an iterator")))
            }
        }),
    );
    put(
        "enumerate",
        builtin("enumerate", "builtins", |interp, args, kw| {
            let start = match args
                .get(1)
                .or_else(|| kw.iter().find(|(k, _)| &**k == "start").map(|(_, v)| v))
            {
                Some(Value::Int(n)) => *n,
                _ => 0,
            };
            let items = interp.iterate(&arg(&args, 0))?;
            let pairs: Vec<Value> = items
                .into_iter()
                .enumerate()
                .map(|(i, v)| Value::tuple(vec![Value::Int(start + i as i64), v]))
                .collect();
            Ok(Value::Iterator(Rc::new(RefCell::new(pairs.into_iter()))))
        }),
    );
    put(
        "zip",
        builtin("zip", "builtins", |interp, args, _| {
            let mut columns = Vec::new();
            for a in &args {
                columns.push(interp.iterate(a)?);
            }
            let n = columns.iter().map(Vec::len).min().unwrap_or(0);
            let rows: Vec<Value> = (0..n)
                .map(|i| Value::tuple(columns.iter().map(|c| c[i].clone()).collect()))
                .collect();
            Ok(Value::Iterator(Rc::new(RefCell::new(rows.into_iter()))))
        }),
    );
    put(
        "map",
        builtin("map", "builtins", |interp, args, _| {
            let mut columns = Vec::new();
            for a in args.get(1..).unwrap_or(&[]) {
                columns.push(interp.iterate(a)?);
            }
            let n = columns.iter().map(Vec::len).min().unwrap_or(0);
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let call_args = columns.iter().map(|c| c[i].clone()).collect();
                out.push(interp.call(&arg(&args, 0), call_args, Vec::new())?);
            }
            Ok(Value::Iterator(Rc::new(RefCell::new(out.into_iter()))))
        }),
    );
    put(
        "filter",
        builtin("filter", "builtins", |interp, args, _| {
            let items = interp.iterate(&arg(&args, 1))?;
            let mut out = Vec::new();
            for item in items {
                let keep = if arg(&args, 0).is_none() {
                    item.clone()
                } else {
                    interp.call(&arg(&args, 0), vec![item.clone()], Vec::new())?
                };
                if interp.truthy(&keep)? {
                    out.push(item);
                }
            }
            Ok(Value::Iterator(Rc::new(RefCell::new(out.into_iter()))))
        }),
    );
    put(
        "sorted",
        builtin("sorted", "builtins", |interp, args, kw| {
            let items = interp.iterate(&arg(&args, 0))?;
            Ok(Value::list(sort_values(interp, items, &kw)?))
        }),
    );
    put(
        "reversed",
        builtin("reversed", "builtins", |interp, args, _| {
            let mut items = interp.iterate(&arg(&args, 0))?;
            items.reverse();
            Ok(Value::Iterator(Rc::new(RefCell::new(items.into_iter()))))
        }),
    );
    for (name, want) in [
        ("min", std::cmp::Ordering::Less),
        ("max", std::cmp::Ordering::Greater),
    ] {
        put(
            name,
            builtin(name, "builtins", move |interp, args, kw| {
                let items = if args.len() == 1 {
                    interp.iterate(&arg(&args, 0))?
                } else {
                    args
                };
                let key = kw
                    .iter()
                    .find(|(k, _)| &**k == "key")
                    .map(|(_, v)| v.clone());
                let mut best: Option<(Value, Value)> = None;
                for item in items {
                    let k = match &key {
                        Some(f) => interp.call(f, vec![item.clone()], Vec::new())?,
                        None => item.clone(),
                    };
                    let better = match &best {
                        None => true,
                        Some((bk, _)) => {
                            interp.order(&k, bk, crate::python::ast::CmpOp::Lt)? == want
                        }
                    };
                    if better {
                        best = Some((k, item));
                    }
                }
                match best {
                    Some((_, v)) => Ok(v),
                    None => match kw.iter().find(|(k, _)| &**k == "default") {
                        Some((_, d)) => Ok(d.clone()),
                        None => Err(interp.new_error(
                            "ValueError",
                            &format!("{name}() arg is an empty sequence"),
                        )),
                    },
                }
            }),
        );
    }
    put(
        "sum",
        builtin("sum", "builtins", |interp, args, _| {
            let mut total = args.get(1).cloned().unwrap_or(Value::Int(0));
            for item in interp.iterate(&arg(&args, 0))? {
                total = interp.binary_op(crate::python::ast::Operator::Add, total, item, false)?;
            }
            Ok(total)
        }),
    );
    put(
        "any",
        builtin("any", "builtins", |interp, args, _| {
            for item in interp.iterate(&arg(&args, 0))? {
                if interp.truthy(&item)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }),
    );
    put(
        "all",
        builtin("all", "builtins", |interp, args, _| {
            for item in interp.iterate(&arg(&args, 0))? {
                if !interp.truthy(&item)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }),
    );
    put(
        "abs",
        builtin("abs", "builtins", |interp, args, _| match &arg(&args, 0) {
            Value::Int(n) => Ok(n.checked_abs().map_or_else(
                || {
                    super::bigint::int_value(
                        super::bigint::BigInt::from(*n).magnitude().clone().into(),
                    )
                },
                Value::Int,
            )),
            Value::BigInt(n) => Ok(super::bigint::int_value(n.magnitude().clone().into())),
            Value::Float(x) => Ok(Value::Float(x.abs())),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            other => {
                let t = interp.type_name(other);
                Err(interp.type_error(&format!("bad operand type for abs(): '{t}'")))
            }
        }),
    );
    put(
        "round",
        builtin("round", "builtins", |interp, args, _| {
            match (&arg(&args, 0), args.get(1)) {
                (Value::Float(x), None | Some(Value::None)) => {
                    interp.float_to_int(x.round_ties_even())
                }
                (Value::Float(x), Some(Value::Int(n))) => {
                    // Python rounds the float's exact decimal value; formatting to the
                    // precision does the same, half to even.
                    let n = *n;
                    if n >= 0 {
                        let text = format!("{:.*}", n.min(300) as usize, x);
                        Ok(Value::Float(text.parse().unwrap_or(*x)))
                    } else {
                        let f = 10f64.powi((-n).min(300) as i32);
                        Ok(Value::Float((x / f).round_ties_even() * f))
                    }
                }
                (
                    v @ (Value::Int(_) | Value::BigInt(_)),
                    Some(n @ (Value::Int(_) | Value::BigInt(_))),
                ) => {
                    let v = super::bigint::big_of(v).unwrap_or_default();
                    let n = super::bigint::big_of(n).unwrap_or_default();
                    interp.round_int(&v, &n)
                }
                (v, _) => Ok(v.clone()),
            }
        }),
    );
    for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
        put(
            name,
            builtin(name, "builtins", move |interp, args, _| {
                match arg(&args, 0) {
                    n @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
                        let (negative, digits) = interp.int_digits(&n, radix)?;
                        let sign = if negative { "-" } else { "" };
                        Ok(Value::str(&format!("{sign}{prefix}{digits}")))
                    }
                    other => {
                        let t = interp.type_name(&other);
                        Err(interp.type_error(&format!(
                            "'{t}' object cannot be interpreted as an integer"
                        )))
                    }
                }
            }),
        );
    }
    put(
        "divmod",
        builtin("divmod", "builtins", |interp, args, _| {
            let q = interp.binary_op(
                crate::python::ast::Operator::FloorDiv,
                arg(&args, 0),
                arg(&args, 1),
                false,
            )?;
            let r = interp.binary_op(
                crate::python::ast::Operator::Mod,
                arg(&args, 0),
                arg(&args, 1),
                false,
            )?;
            Ok(Value::tuple(vec![q, r]))
        }),
    );
    put(
        "delattr",
        builtin("delattr", "builtins", |interp, args, _| {
            let Value::Str(ref name) = arg(&args, 1) else {
                return Err(interp.type_error("attribute name must be string"));
            };
            match arg(&args, 0) {
                Value::Instance(ref inst)
                    if inst.dict.borrow_mut().shift_remove(name).is_some() =>
                {
                    Ok(Value::None)
                }
                Value::Class(ref cls) if cls.dict.borrow_mut().shift_remove(name).is_some() => {
                    Ok(Value::None)
                }
                Value::Module(ref m) if m.dict.borrow_mut().shift_remove(name).is_some() => {
                    Ok(Value::None)
                }
                other => {
                    let t = interp.type_name(&other);
                    Err(interp.new_error(
                        "AttributeError",
                        &format!("'{t}' object has no attribute '{name}'"),
                    ))
                }
            }
        }),
    );
    put(
        "ascii",
        builtin("ascii", "builtins", |interp, args, _| {
            let r = interp.repr(&arg(&args, 0))?;
            Ok(Value::str(&super::value::ascii_escape(&r)))
        }),
    );
    put(
        "pow",
        builtin("pow", "builtins", |interp, args, _| {
            if let Some(m) = args.get(2).filter(|m| !m.is_none()) {
                let ints = [arg(&args, 0), arg(&args, 1), m.clone()]
                    .iter()
                    .map(|v| super::bigint::big_of(&interp.primitive(v).unwrap_or(v.clone())))
                    .collect::<Option<Vec<_>>>();
                let Some([a, b, m]) = ints.as_deref() else {
                    return Err(interp.type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    ));
                };
                return interp.int_pow_mod(a, b, m);
            }
            let r = interp.binary_op(
                crate::python::ast::Operator::Pow,
                arg(&args, 0),
                arg(&args, 1),
                false,
            )?;
            match args.get(2) {
                Some(m) if !m.is_none() => {
                    interp.binary_op(crate::python::ast::Operator::Mod, r, m.clone(), false)
                }
                _ => Ok(r),
            }
        }),
    );
    put(
        "slice",
        builtin("slice", "builtins", |_, args, _| {
            let parts = match args.len() {
                1 => [Value::None, arg(&args, 0), Value::None],
                _ => [arg(&args, 0), arg(&args, 1), arg(&args, 2)],
            };
            Ok(Value::Slice(Rc::new(parts)))
        }),
    );
    put(
        "globals",
        builtin("globals", "builtins", |interp, _, _| {
            interp.current_globals()
        }),
    );
    put(
        "chr",
        builtin("chr", "builtins", |interp, args, _| match arg(&args, 0) {
            Value::Int(n) => Ok(Value::str(
                &char::from_u32(n as u32)
                    .map(String::from)
                    .unwrap_or_default(),
            )),
            Value::BigInt(_) => {
                Err(interp.new_error("OverflowError", "Python int too large to convert to C int"))
            }
            _ => Ok(Value::str("")),
        }),
    );
    put(
        "ord",
        builtin("ord", "builtins", |_, args, _| match &arg(&args, 0) {
            Value::Str(s) => Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64))),
            _ => Ok(Value::Int(0)),
        }),
    );
    put(
        "dir",
        builtin("dir", "builtins", |interp, args, _| {
            if args.is_empty() {
                let globals = interp.current_globals()?;
                let mut names = interp.iterate(&globals)?;
                let mut keys: Vec<String> = names
                    .drain(..)
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect();
                keys.sort();
                return Ok(Value::list(keys.iter().map(|k| Value::str(k)).collect()));
            }
            let mut names: Vec<String> = match args.first() {
                Some(Value::Module(m)) => m.dict.borrow().keys().map(|k| k.to_string()).collect(),
                Some(Value::Class(c)) => c
                    .lineage()
                    .flat_map(|c| {
                        c.dict
                            .borrow()
                            .keys()
                            .map(|k| k.to_string())
                            .collect::<Vec<_>>()
                    })
                    .collect(),
                Some(Value::Instance(i)) => i
                    .dict
                    .borrow()
                    .keys()
                    .map(|k| k.to_string())
                    .chain(i.class.lineage().flat_map(|c| {
                        c.dict
                            .borrow()
                            .keys()
                            .map(|k| k.to_string())
                            .collect::<Vec<_>>()
                    }))
                    .collect(),
                Some(other) => interp
                    .class_of(other)
                    .dict
                    .borrow()
                    .keys()
                    .map(|k| k.to_string())
                    .collect(),
                None => Vec::new(),
            };
            names.sort();
            names.dedup();
            Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
        }),
    );
    put(
        "vars",
        builtin("vars", "builtins", |interp, args, _| {
            interp.get_attr(&arg(&args, 0), "__dict__")
        }),
    );
    put(
        "open",
        builtin("open", "builtins", |interp, _, _| {
            Err(interp.new_error("NotImplementedError", "open() is not available in the playground: files are read through the project tree"))
        }),
    );
    put(
        "__import__",
        builtin("__import__", "builtins", |interp, args, _| {
            let Some(Value::Str(name)) = args.first() else {
                return Err(interp.type_error("__import__() argument 1 must be str"));
            };
            let name = name.to_string();
            interp.import_by_name(&name).map(Value::Module)
        }),
    );
    let dict = Rc::new(RefCell::new(ns));
    dict.borrow_mut()
        .insert(Rc::from("__name__"), Value::str("builtins"));
    Rc::new(Module {
        name: "builtins".into(),
        file: None,
        dict,
    })
}

/// `isinstance`/`issubclass`'s second argument: a class, a tuple of them, or a union.
fn class_matches(interp: &mut Interp<'_>, cls: &Rc<Class>, spec: &Value) -> Result<bool, PyErr> {
    match spec {
        Value::Class(want) => {
            // bool is an int subclass; `isinstance(True, int)` is True.
            Ok(cls.is_subclass(want))
        }
        Value::Tuple(items) => {
            for item in items.iter() {
                if class_matches(interp, cls, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Instance(inst) if Rc::ptr_eq(&inst.class, &interp.types.union) => {
            let args = interp.get_attr(spec, "__args__")?;
            class_matches(interp, cls, &args)
        }
        _ => {
            Err(interp
                .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}
