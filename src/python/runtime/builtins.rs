//! The built-in types: the classes the evaluator names (`Types`), the exception hierarchy,
//! constructors, and the helpers `methods` and `functions` build on.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use super::call::Kwargs;
use super::value::{Builtin, Class, Dict, HashKey, Property, Value};
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
    pub frozenset: Rc<Class>,
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
    /// The class of `obj.__dict__` views (a `dict` subclass named `dict`).
    pub instance_dict: Rc<Class>,
    pub ellipsis_type: Rc<Class>,
    pub generic_alias: Rc<Class>,
    pub union: Rc<Class>,
    pub exceptions: HashMap<&'static str, Rc<Class>>,
}

/// The exception hierarchy: (name, base).
pub(super) const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("MemoryError", "Exception"),
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

pub(super) fn method(
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
        let dict = sub("dict");
        let instance_dict = class("dict", "builtins", vec![Rc::clone(&dict)]);
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
            dict,
            instance_dict,
            set: sub("set"),
            frozenset: sub("frozenset"),
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
                    Value::Tuple(ref items) if items.len() == 1 => interp.repr(&items[0])?,
                    Value::Tuple(ref items) => {
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
        super::methods::install_str_methods(&self.str);
        super::container_methods::install_list_methods(&self.list);
        super::container_methods::install_dict_methods(&self.dict);
        super::container_methods::install_set_methods(&self.set);
        super::container_methods::install_frozenset_methods(&self.frozenset);
        method(&self.tuple, "index", |interp, args, _| {
            let items = interp.iterate(&arg(&args, 0))?;
            for (i, item) in items.iter().enumerate() {
                if interp.eq_item(item, &arg(&args, 1))? {
                    return Ok(Value::Int(i as i64));
                }
            }
            Err(interp.new_error("ValueError", "tuple.index(x): x not in tuple"))
        });
        method(&self.tuple, "count", |interp, args, _| {
            let items = interp.iterate(&arg(&args, 0))?;
            let mut n = 0;
            for item in &items {
                if interp.eq_item(item, &arg(&args, 1))? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        });
        method(&self.bytes, "decode", |_, args, _| match &arg(&args, 0) {
            Value::Bytes(b) => Ok(Value::str(&String::from_utf8_lossy(b))),
            _ => Ok(Value::None),
        });
        super::bigint::install_int_methods(&self.int);
        super::instance_dict::install_instance_dict_methods(&self.instance_dict);
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
                    let text = s.trim();
                    let (negative, digits) = match text.strip_prefix('-') {
                        Some(rest) => (true, rest.to_string()),
                        None => (false, text.trim_start_matches('+').to_string()),
                    };
                    let lower = digits.to_ascii_lowercase();
                    let shown = radix;
                    let (radix, digits) = match (radix, lower.get(..2)) {
                        (0 | 16, Some("0x")) => (16, &lower[2..]),
                        (0 | 8, Some("0o")) => (8, &lower[2..]),
                        (0 | 2, Some("0b")) => (2, &lower[2..]),
                        (0, _) => (10, &lower[..]),
                        (r, _) => (r, &lower[..]),
                    };
                    // Underscores only between digits (one may follow a base prefix).
                    let prefixed = digits.len() < lower.len();
                    let underscores_ok = !digits.ends_with('_')
                        && !digits.contains("__")
                        && (prefixed || !digits.starts_with('_'));
                    let digits = &digits.replace('_', "");
                    let radix = radix as u32;
                    let valid = underscores_ok
                        && !digits.is_empty()
                        && digits.chars().all(|c| c.is_digit(radix));
                    match valid {
                        true => interp.parse_int_digits(digits, radix, negative),
                        false => Err(interp.new_error(
                            "ValueError",
                            &format!(
                                "invalid literal for int() with base {shown}: {}",
                                super::value::repr_str(s)
                            ),
                        )),
                    }
                }
                (Some(n @ (Value::Int(_) | Value::BigInt(_))), _) => Ok(n.clone()),
                (Some(v @ Value::Instance(_)), _) if interp.primitive(v).is_some() => {
                    let p = interp.primitive(v).unwrap_or(Value::None);
                    let int = Value::Class(Rc::clone(&interp.types.int));
                    interp.call(&int, vec![p], Vec::new())
                }
                (Some(Value::Bool(b)), _) => Ok(Value::Int(*b as i64)),
                (Some(Value::Float(x)), _) => interp.float_to_int(*x),
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
                Some(Value::BigInt(n)) => Ok(Value::Float(interp.int_to_f64(n)?)),
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
            Ok(Value::Set(Rc::new(RefCell::new(collect_set(
                interp,
                args.get(1),
            )?))))
        });
        method(&self.frozenset, "__new__", |interp, args, _| {
            Ok(Value::FrozenSet(Rc::new(RefCell::new(collect_set(
                interp,
                args.get(1),
            )?))))
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
                    Value::BigInt(_) => Err(interp.new_error(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    )),
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

pub(super) fn dict_update(
    interp: &mut Interp<'_>,
    d: &mut Dict,
    source: &Value,
) -> Result<(), PyErr> {
    match source {
        Value::Dict(other) => {
            for (h, (k, v)) in other.borrow().entries.iter() {
                d.insert(h.clone(), k.clone(), v.clone());
            }
        }
        // A mapping (an object with `keys()`, such as `obj.__dict__`): its keys and items.
        Value::Instance(inst) if inst.class.lookup("keys").is_some() => {
            let keys = interp.get_attr(source, "keys")?;
            let keys = interp.call(&keys, Vec::new(), Vec::new())?;
            for k in interp.iterate(&keys)? {
                let v = interp.get_item(source, &k)?;
                let h = interp.hash_key(&k)?;
                d.insert(h, k, v);
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

/// The items of `set(iterable)` / `frozenset(iterable)`, deduplicated in first-seen order.
fn collect_set(interp: &mut Interp, iterable: Option<&Value>) -> Result<Dict, PyErr> {
    let mut set = Dict::default();
    if let Some(v) = iterable {
        for item in interp.iterate(v)? {
            let h = interp.hash_key(&item)?;
            set.insert(h, item, Value::None);
        }
    }
    Ok(set)
}
