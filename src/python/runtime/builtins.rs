//! The `builtins` module and the built-in types with the methods these files call
//! (`str.join`, `list.append`, `dict.get` ...), each with CPython's error texts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use super::call::Kwargs;
use super::value::{Builtin, Class, Dict, HashKey, Module, Namespace, Property, Value};
use super::{Interp, PyErr};

/// The built-in classes the evaluator needs to name.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none_type: Rc<Class>,
    pub bool: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str: Rc<Class>,
    pub bytes: Rc<Class>,
    pub tuple: Rc<Class>,
    pub list: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub iterator: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub not_implemented_type: Rc<Class>,
    pub ellipsis_type: Rc<Class>,
    pub generic_alias: Rc<Class>,
    pub union: Rc<Class>,
    pub exceptions: HashMap<&'static str, Rc<Class>>,
}

/// The exception hierarchy: (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
];

fn class(name: &str, module: &str, bases: Vec<Rc<Class>>) -> Rc<Class> {
    let mro = match bases.first() {
        Some(base) => base.lineage().cloned().collect(),
        None => Vec::new(),
    };
    Rc::new(Class {
        name: name.into(),
        module: module.into(),
        bases,
        mro,
        dict: RefCell::new(IndexMap::new()),
    })
}

pub fn builtin(
    name: &str,
    owner: &str,
    func: impl for<'a> Fn(&mut Interp<'a>, Vec<Value>, Kwargs) -> Result<Value, PyErr> + 'static,
) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        owner: owner.into(),
        func: Box::new(func),
    }))
}

fn method(
    cls: &Rc<Class>,
    name: &str,
    func: impl for<'a> Fn(&mut Interp<'a>, Vec<Value>, Kwargs) -> Result<Value, PyErr> + 'static,
) {
    let owner = cls.name.clone();
    cls.dict
        .borrow_mut()
        .insert(Rc::from(name), builtin(name, &owner, func));
}

impl Types {
    pub fn new() -> Types {
        let object = class("object", "builtins", Vec::new());
        let sub = |name: &str| class(name, "builtins", vec![Rc::clone(&object)]);
        let int = sub("int");
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        for (name, base) in EXCEPTIONS {
            let base = if base.is_empty() {
                Rc::clone(&object)
            } else {
                Rc::clone(&exceptions[base])
            };
            exceptions.insert(name, class(name, "builtins", vec![base]));
        }
        let types = Types {
            type_: sub("type"),
            none_type: sub("NoneType"),
            bool: class("bool", "builtins", vec![Rc::clone(&int)]),
            int,
            float: sub("float"),
            str: sub("str"),
            bytes: sub("bytes"),
            tuple: sub("tuple"),
            list: sub("list"),
            dict: sub("dict"),
            set: sub("set"),
            range: sub("range"),
            slice: sub("slice"),
            function: sub("function"),
            builtin_function: sub("builtin_function_or_method"),
            method: sub("method"),
            module: sub("module"),
            iterator: sub("iterator"),
            property: sub("property"),
            staticmethod: sub("staticmethod"),
            classmethod: sub("classmethod"),
            super_: sub("super"),
            not_implemented_type: sub("NotImplementedType"),
            ellipsis_type: sub("ellipsis"),
            generic_alias: class("GenericAlias", "types", vec![Rc::clone(&object)]),
            union: class("UnionType", "types", vec![Rc::clone(&object)]),
            exceptions,
            object,
        };
        types.install_methods();
        types
    }

    pub fn exception(&self, name: &str) -> Rc<Class> {
        Rc::clone(
            self.exceptions
                .get(name)
                .unwrap_or(&self.exceptions["Exception"]),
        )
    }

    fn install_methods(&self) {
        method(
            &self.exceptions["BaseException"],
            "__init__",
            |interp, args, _| {
                if let Some(Value::Instance(inst)) = args.first() {
                    inst.dict.borrow_mut().insert(
                        Rc::from("args"),
                        Value::tuple(args.get(1..).unwrap_or(&[]).to_vec()),
                    );
                }
                let _ = interp;
                Ok(Value::None)
            },
        );
        method(
            &self.exceptions["BaseException"],
            "__repr__",
            |interp, args, _| {
                let cls = interp.class_of(&arg(&args, 0));
                let inner = match interp.get_attr(&arg(&args, 0), "args")? {
                    Value::Tuple(items) if items.len() == 1 => interp.repr(&items[0])?,
                    Value::Tuple(items) => {
                        let parts: Result<Vec<String>, PyErr> =
                            items.iter().map(|v| interp.repr(v)).collect();
                        parts?.join(", ")
                    }
                    _ => String::new(),
                };
                Ok(Value::str(&format!("{}({inner})", cls.name)))
            },
        );
        method(&self.exceptions["SystemExit"], "__init__", |_, args, _| {
            if let Some(Value::Instance(inst)) = args.first() {
                let rest = args.get(1..).unwrap_or(&[]).to_vec();
                let code = match rest.as_slice() {
                    [] => Value::None,
                    [one] => one.clone(),
                    _ => Value::tuple(rest.clone()),
                };
                let mut dict = inst.dict.borrow_mut();
                dict.insert(Rc::from("args"), Value::tuple(rest));
                dict.insert(Rc::from("code"), code);
            }
            Ok(Value::None)
        });
        method(
            &self.exceptions["BaseException"],
            "__new__",
            |interp, args, _| {
                let Some(Value::Class(cls)) = args.first() else {
                    return Err(
                        interp.type_error("BaseException.__new__(X): X is not a type object")
                    );
                };
                let cls = Rc::clone(cls);
                let obj = interp.new_instance(&cls);
                if let Value::Instance(inst) = &obj {
                    let mut dict = inst.dict.borrow_mut();
                    dict.insert(
                        Rc::from("args"),
                        Value::tuple(args.get(1..).unwrap_or(&[]).to_vec()),
                    );
                    dict.insert(Rc::from("__cause__"), Value::None);
                    dict.insert(Rc::from("__context__"), Value::None);
                    dict.insert(Rc::from("__suppress_context__"), Value::Bool(false));
                }
                Ok(obj)
            },
        );
        method(&self.object, "__init_subclass__", |interp, args, kw| {
            if !kw.is_empty() {
                let name = match args.first() {
                    Some(Value::Class(c)) => c.name.clone(),
                    _ => "object".to_string(),
                };
                return Err(interp.type_error(&format!(
                    "{name}.__init_subclass__() takes no keyword arguments"
                )));
            }
            Ok(Value::None)
        });
        install_str_methods(&self.str);
        install_list_methods(&self.list);
        install_dict_methods(&self.dict);
        install_set_methods(&self.set);
        method(&self.tuple, "index", |interp, args, _| {
            let items = interp.iterate(&arg(&args, 0))?;
            for (i, item) in items.iter().enumerate() {
                if interp.eq(item, &arg(&args, 1))? {
                    return Ok(Value::Int(i as i64));
                }
            }
            Err(interp.new_error("ValueError", "tuple.index(x): x not in tuple"))
        });
        method(&self.tuple, "count", |interp, args, _| {
            let items = interp.iterate(&arg(&args, 0))?;
            let mut n = 0;
            for item in &items {
                if interp.eq(item, &arg(&args, 1))? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        });
        method(&self.bytes, "decode", |_, args, _| match &arg(&args, 0) {
            Value::Bytes(b) => Ok(Value::str(&String::from_utf8_lossy(b))),
            _ => Ok(Value::None),
        });
        method(&self.float, "is_integer", |_, args, _| {
            match arg(&args, 0) {
                Value::Float(x) => Ok(Value::Bool(x.fract() == 0.0)),
                _ => Ok(Value::Bool(true)),
            }
        });
        // Constructors: calling a built-in type.
        method(&self.str, "__new__", |interp, args, _| match args.get(1) {
            None => Ok(Value::str("")),
            Some(v) => Ok(Value::str(&interp.py_str(v)?)),
        });
        method(&self.int, "__new__", |interp, args, kw| {
            let base = kw
                .iter()
                .find(|(k, _)| &**k == "base")
                .map(|(_, v)| v.clone())
                .or_else(|| args.get(2).cloned());
            match (args.get(1), base) {
                (None, _) => Ok(Value::Int(0)),
                (Some(Value::Str(s)), base) => {
                    let radix = match base {
                        Some(Value::Int(b)) => b,
                        _ => 10,
                    };
                    if radix != 0 && !(2..=36).contains(&radix) {
                        return Err(interp
                            .new_error("ValueError", "int() base must be >= 2 and <= 36, or 0"));
                    }
                    let text: String = s.trim().chars().filter(|c| *c != '_').collect();
                    let (negative, digits) = match text.strip_prefix('-') {
                        Some(rest) => (true, rest.to_string()),
                        None => (false, text.trim_start_matches('+').to_string()),
                    };
                    let lower = digits.to_ascii_lowercase();
                    let (radix, digits) = match (radix, lower.get(..2)) {
                        (0 | 16, Some("0x")) => (16, &lower[2..]),
                        (0 | 8, Some("0o")) => (8, &lower[2..]),
                        (0 | 2, Some("0b")) => (2, &lower[2..]),
                        (0, _) => (10, &lower[..]),
                        (r, _) => (r, &lower[..]),
                    };
                    match i64::from_str_radix(digits, radix as u32) {
                        Ok(n) if !digits.is_empty() && !digits.starts_with(['+', '-']) => {
                            Ok(Value::Int(if negative { -n } else { n }))
                        }
                        _ => {
                            let shown = if radix == 0 { 0 } else { radix };
                            Err(interp.new_error(
                                "ValueError",
                                &format!(
                                    "invalid literal for int() with base {shown}: {}",
                                    super::value::repr_str(s)
                                ),
                            ))
                        }
                    }
                }
                (Some(Value::Int(n)), _) => Ok(Value::Int(*n)),
                (Some(v @ Value::Instance(_)), _) if interp.primitive(v).is_some() => {
                    let p = interp.primitive(v).unwrap_or(Value::None);
                    let int = Value::Class(Rc::clone(&interp.types.int));
                    interp.call(&int, vec![p], Vec::new())
                }
                (Some(Value::Bool(b)), _) => Ok(Value::Int(*b as i64)),
                (Some(Value::Float(x)), _) => Ok(Value::Int(x.trunc() as i64)),
                (Some(other), _) => {
                    let t = interp.type_name(other);
                    Err(interp.type_error(&format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'")))
                }
            }
        });
        method(&self.float, "__new__", |interp, args, _| {
            match args.get(1) {
                None => Ok(Value::Float(0.0)),
                Some(Value::Str(s)) => s.trim().parse::<f64>().map(Value::Float).map_err(|_| {
                    interp.new_error(
                        "ValueError",
                        &format!(
                            "could not convert string to float: {}",
                            super::value::repr_str(s)
                        ),
                    )
                }),
                Some(Value::Int(n)) => Ok(Value::Float(*n as f64)),
                Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
                Some(Value::Float(x)) => Ok(Value::Float(*x)),
                Some(other) => {
                    let t = interp.type_name(other);
                    Err(interp.type_error(&format!(
                        "float() argument must be a string or a real number, not '{t}'"
                    )))
                }
            }
        });
        method(&self.bool, "__new__", |interp, args, _| match args.get(1) {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(interp.truthy(v)?)),
        });
        method(&self.list, "__new__", |interp, args, _| match args.get(1) {
            None => Ok(Value::list(Vec::new())),
            Some(v) => Ok(Value::list(interp.iterate(v)?)),
        });
        method(&self.tuple, "__new__", |interp, args, _| {
            match args.get(1) {
                None => Ok(Value::tuple(Vec::new())),
                Some(v) => Ok(Value::tuple(interp.iterate(v)?)),
            }
        });
        method(&self.set, "__new__", |interp, args, _| {
            let mut set = Dict::default();
            if let Some(v) = args.get(1) {
                for item in interp.iterate(v)? {
                    let h = interp.hash_key(&item)?;
                    set.insert(h, item, Value::None);
                }
            }
            Ok(Value::Set(Rc::new(RefCell::new(set))))
        });
        method(&self.dict, "__new__", |interp, args, kw| {
            let mut d = Dict::default();
            if let Some(v) = args.get(1) {
                dict_update(interp, &mut d, v)?;
            }
            for (k, v) in kw {
                d.insert(HashKey::Str(Rc::clone(&k)), Value::Str(k), v);
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        });
        method(&self.object, "__new__", |interp, args, _| {
            match args.first() {
                Some(Value::Class(cls)) => Ok(interp.new_instance(cls)),
                _ => Err(interp.type_error("object.__new__(X): X is not a type object")),
            }
        });
        method(&self.range, "__new__", |interp, args, _| {
            let ints: Result<Vec<i64>, PyErr> = args
                .get(1..)
                .unwrap_or(&[])
                .iter()
                .map(|v| match v {
                    Value::Int(n) => Ok(*n),
                    Value::Bool(b) => Ok(*b as i64),
                    other => {
                        let t = interp.type_name(other);
                        Err(interp.type_error(&format!(
                            "'{t}' object cannot be interpreted as an integer"
                        )))
                    }
                })
                .collect();
            match ints?.as_slice() {
                [stop] => Ok(Value::Range(0, *stop, 1)),
                [start, stop] => Ok(Value::Range(*start, *stop, 1)),
                [_, _, 0] => Err(interp.new_error("ValueError", "range() arg 3 must not be zero")),
                [start, stop, step] => Ok(Value::Range(*start, *stop, *step)),
                _ => Err(interp.type_error("range expected at most 3 arguments")),
            }
        });
        method(&self.type_, "__new__", |interp, args, _| match args.len() {
            2 => Ok(Value::Class(interp.class_of(&arg(&args, 1)))),
            _ => Err(interp.type_error("type() takes 1 or 3 arguments")),
        });
        method(&self.property, "__new__", |_, args, kw| {
            let fget = args
                .get(1)
                .cloned()
                .or_else(|| {
                    kw.iter()
                        .find(|(k, _)| &**k == "fget")
                        .map(|(_, v)| v.clone())
                })
                .unwrap_or(Value::None);
            let fset = args
                .get(2)
                .cloned()
                .or_else(|| {
                    kw.iter()
                        .find(|(k, _)| &**k == "fset")
                        .map(|(_, v)| v.clone())
                })
                .filter(|v| !v.is_none());
            Ok(Value::Property(Rc::new(Property { fget, fset })))
        });
        method(&self.property, "setter", |_, args, _| {
            match &arg(&args, 0) {
                Value::Property(p) => Ok(Value::Property(Rc::new(Property {
                    fget: p.fget.clone(),
                    fset: Some(arg(&args, 1)),
                }))),
                _ => Ok(Value::None),
            }
        });
        method(&self.staticmethod, "__new__", |_, args, _| {
            Ok(Value::StaticMethod(Rc::new(arg(&args, 1))))
        });
        method(&self.classmethod, "__new__", |_, args, _| {
            Ok(Value::ClassMethod(Rc::new(arg(&args, 1))))
        });
        method(&self.super_, "__new__", |interp, args, _| {
            if args.len() > 1 {
                // super(Class, obj): explicit form.
                if let Value::Class(owner) = &arg(&args, 1) {
                    let cls = Rc::clone(&interp.types.super_);
                    let obj = interp.new_instance(&cls);
                    if let (Value::Instance(inst), Some(this)) = (&obj, args.get(2)) {
                        *inst.payload.borrow_mut() =
                            Some(Rc::new((Rc::clone(owner), this.clone())));
                    }
                    return Ok(obj);
                }
            }
            interp.super_object()
        });
        let alias_repr =
            |interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs| -> Result<Value, PyErr> {
                let origin = interp.get_attr(&arg(&args, 0), "__origin__")?;
                let params = interp.get_attr(&arg(&args, 0), "__args__")?;
                let name = type_repr(interp, &origin)?;
                let mut parts = Vec::new();
                for a in interp.iterate(&params)? {
                    parts.push(type_repr(interp, &a)?);
                }
                Ok(Value::str(&format!("{name}[{}]", parts.join(", "))))
            };
        method(&self.generic_alias, "__repr__", alias_repr);
        method(&self.generic_alias, "__or__", |interp, args, _| {
            interp.union_type(args)
        });
        method(&self.generic_alias, "__getitem__", |interp, args, _| {
            let origin = interp.get_attr(&arg(&args, 0), "__origin__")?;
            interp.generic_alias(origin, arg(&args, 1))
        });
        method(&self.union, "__repr__", |interp, args, _| {
            let params = interp.get_attr(&arg(&args, 0), "__args__")?;
            let mut parts = Vec::new();
            for a in interp.iterate(&params)? {
                parts.push(type_repr(interp, &a)?);
            }
            Ok(Value::str(&parts.join(" | ")))
        });
        method(&self.union, "__or__", |interp, args, _| {
            interp.union_type(args)
        });
        method(&self.union, "__ror__", |interp, args, _| {
            interp.union_type(vec![arg(&args, 1), arg(&args, 0)])
        });
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

/// How a type prints inside `list[int]`: `int`, `app.models.User`, `None`.
pub fn type_repr(interp: &mut Interp<'_>, value: &Value) -> Result<String, PyErr> {
    Ok(match value {
        Value::Class(cls) if cls.name == "NoneType" => "None".into(),
        Value::Class(cls) if cls.module == "builtins" => cls.name.clone(),
        Value::Class(cls) => format!("{}.{}", cls.module, cls.name),
        Value::None => "None".into(),
        other => interp.repr(other)?,
    })
}

fn dict_update(interp: &mut Interp<'_>, d: &mut Dict, source: &Value) -> Result<(), PyErr> {
    match source {
        Value::Dict(other) => {
            for (h, (k, v)) in other.borrow().entries.iter() {
                d.insert(h.clone(), k.clone(), v.clone());
            }
        }
        other => {
            for pair in interp.iterate(other)? {
                let items = interp.iterate(&pair)?;
                if items.len() != 2 {
                    return Err(interp.new_error(
                        "ValueError",
                        &format!(
                            "dictionary update sequence element has length {}; 2 is required",
                            items.len()
                        ),
                    ));
                }
                let h = interp.hash_key(&items[0])?;
                d.insert(h, items[0].clone(), items[1].clone());
            }
        }
    }
    Ok(())
}

/// Argument `i`, or `None` when the call passed fewer: built-ins never index out of range.
pub fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::None)
}

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

fn install_str_methods(cls: &Rc<Class>) {
    method(cls, "join", |interp, args, _| {
        let sep = this_str(&args);
        let mut parts = Vec::new();
        for (i, item) in interp.iterate(&arg(&args, 1))?.into_iter().enumerate() {
            match item {
                Value::Str(s) => parts.push(s.to_string()),
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
                    Value::Str(p) => {
                        if (start && s.starts_with(&*p)) || (!start && s.ends_with(&*p)) {
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
            let found = if rev { s.rfind(&**sub) } else { s.find(&**sub) };
            match found {
                Some(i) => Ok(Value::Int(s[..i].chars().count() as i64)),
                None if name.ends_with("find") => Ok(Value::Int(-1)),
                None => Err(interp.new_error("ValueError", "substring not found")),
            }
        });
    }
    method(cls, "count", |_, args, _| match args.get(1) {
        Some(Value::Str(sub)) if !sub.is_empty() => {
            Ok(Value::Int(this_str(&args).matches(&**sub).count() as i64))
        }
        Some(Value::Str(_)) => Ok(Value::Int(this_str(&args).chars().count() as i64 + 1)),
        _ => Ok(Value::Int(0)),
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

fn this_list(args: &[Value]) -> Rc<RefCell<Vec<Value>>> {
    match args.first() {
        Some(Value::List(l)) => Rc::clone(l),
        _ => Rc::new(RefCell::new(Vec::new())),
    }
}

fn install_list_methods(cls: &Rc<Class>) {
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
            if interp.eq(item, &arg(&args, 1))? {
                list.borrow_mut().remove(i);
                return Ok(Value::None);
            }
        }
        Err(interp.new_error("ValueError", "list.remove(x): x not in list"))
    });
    method(cls, "index", |interp, args, _| {
        let items = this_list(&args).borrow().clone();
        for (i, item) in items.iter().enumerate() {
            if interp.eq(item, &arg(&args, 1))? {
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
            if interp.eq(item, &arg(&args, 1))? {
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
    let sorted = merge_sort(interp, keyed, reverse)?;
    Ok(sorted.into_iter().map(|(_, v)| v).collect())
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
        Some(Value::Dict(d)) | Some(Value::Set(d)) => Rc::clone(d),
        _ => Rc::new(RefCell::new(Dict::default())),
    }
}

fn install_dict_methods(cls: &Rc<Class>) {
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

fn install_set_methods(cls: &Rc<Class>) {
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
        for item in interp.iterate(&Value::Set(Rc::clone(&mine)))? {
            if !interp.contains(&arg(&args, 1), &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
}

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
        ("frozenset", &types.set),
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
                Some(Value::Dict(d)) | Some(Value::Set(d)) => d.borrow().len(),
                Some(Value::Range(a, b, c)) => super::eval::range_len(*a, *b, *c) as usize,
                Some(Value::Class(cls)) if cls.lookup("_member_list_").is_some() => {
                    return match cls.lookup("_member_list_") {
                        Some(Value::List(l)) => Ok(Value::Int(l.borrow().len() as i64)),
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
            let key = interp.hash_key(&arg(&args, 0))?;
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
            Value::Int(n) => n.checked_abs().map(Value::Int).ok_or_else(|| {
                interp.new_error(
                    "OverflowError",
                    "integer result beyond 64 bits is not supported in the playground",
                )
            }),
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
        builtin("round", "builtins", |_, args, _| {
            match (&arg(&args, 0), args.get(1)) {
                (Value::Float(x), None | Some(Value::None)) => {
                    Ok(Value::Int(x.round_ties_even() as i64))
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
                (Value::Int(v), Some(Value::Int(n))) if *n < 0 => {
                    let f = 10i64.checked_pow((-n).min(18) as u32).unwrap_or(i64::MAX);
                    let q = v.div_euclid(f);
                    let r = v.rem_euclid(f);
                    let q = if r * 2 > f || (r * 2 == f && q % 2 != 0) {
                        q + 1
                    } else {
                        q
                    };
                    Ok(Value::Int(q.saturating_mul(f)))
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
                    Value::Int(n) => {
                        let digits = match radix {
                            16 => format!("{:x}", n.unsigned_abs()),
                            8 => format!("{:o}", n.unsigned_abs()),
                            _ => format!("{:b}", n.unsigned_abs()),
                        };
                        let sign = if n < 0 { "-" } else { "" };
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
            let Value::Str(name) = arg(&args, 1) else {
                return Err(interp.type_error("attribute name must be string"));
            };
            match arg(&args, 0) {
                Value::Instance(inst) if inst.dict.borrow_mut().shift_remove(&*name).is_some() => {
                    Ok(Value::None)
                }
                Value::Class(cls) if cls.dict.borrow_mut().shift_remove(&*name).is_some() => {
                    Ok(Value::None)
                }
                Value::Module(m) if m.dict.borrow_mut().shift_remove(&*name).is_some() => {
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
        "globals",
        builtin("globals", "builtins", |interp, _, _| {
            interp.current_globals()
        }),
    );
    put(
        "chr",
        builtin("chr", "builtins", |_, args, _| match arg(&args, 0) {
            Value::Int(n) => Ok(Value::str(
                &char::from_u32(n as u32)
                    .map(String::from)
                    .unwrap_or_default(),
            )),
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
