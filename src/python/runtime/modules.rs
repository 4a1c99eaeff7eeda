//! Native modules: the parts of the standard library and of third-party packages that the
//! playground's files import, implemented in Rust. `sqlalchemy` and `alembic` are registered
//! here and filled in by the schema and command-line layers.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use super::builtins::{arg, builtin};
use super::call::Kwargs;
use super::import::{SITE_PACKAGES, STDLIB_DIR};
use super::value::{Class, Dict, HashKey, Module, Namespace, Value};
use super::{Interp, PyErr};
use crate::fs;

pub fn register(interp: &mut Interp<'_>) {
    let modules: [(&'static str, super::NativeModuleInit); 19] = [
        ("sys", sys),
        ("os", os),
        ("os.path", os_path),
        ("pathlib", pathlib),
        ("typing", typing),
        ("enum", enum_module),
        ("datetime", datetime),
        ("uuid", uuid),
        ("decimal", decimal),
        ("logging", logging),
        ("logging.config", logging_config),
        ("pydantic", pydantic),
        ("pydantic_settings", pydantic_settings),
        ("dotenv", dotenv),
        ("sqlalchemy", not_yet),
        ("sqlalchemy.orm", not_yet),
        ("sqlalchemy.sql", not_yet),
        ("alembic", not_yet),
        ("alembic.op", not_yet),
    ];
    for (name, init) in modules {
        interp.native_modules.insert(name, init);
    }
    interp.native_modules.insert("alembic.context", not_yet);
    let mut path = interp.sys_path.borrow_mut();
    path.push(Value::str(STDLIB_DIR));
    path.push(Value::str(SITE_PACKAGES));
}

fn module(interp: &mut Interp<'_>, name: &str, items: Vec<(&str, Value)>) -> Rc<Module> {
    let m = interp.new_module(name, None);
    for (k, v) in items {
        m.dict.borrow_mut().insert(Rc::from(k), v);
    }
    m
}

fn native_class(
    interp: &mut Interp<'_>,
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    methods: Vec<(&str, Value)>,
) -> Result<Rc<Class>, PyErr> {
    let mut dict: Namespace = IndexMap::new();
    for (k, v) in methods {
        dict.insert(Rc::from(k), v);
    }
    interp.new_class(name, module, bases, dict)
}

fn kwarg(kw: &Kwargs, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

fn not_yet(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    Err(interp.new_error(
        "ImportError",
        "this playground build does not have SQLAlchemy and Alembic's Python API yet; they arrive with the models and command-line layers",
    ))
}

fn sys(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let path = Value::List(Rc::clone(&interp.sys_path));
    let stream = |interp: &mut Interp<'_>, name: &str, stderr: bool| -> Result<Value, PyErr> {
        let write = builtin("write", name, move |interp, args, _| {
            let text = interp.py_str(&arg(&args, 1))?;
            let n = text.chars().count();
            interp.output.push((stderr, text));
            Ok(Value::Int(n as i64))
        });
        let flush = builtin("flush", name, |_, _, _| Ok(Value::None));
        let object = Rc::clone(&interp.types.object);
        let cls = native_class(
            interp,
            "TextIOWrapper",
            "_io",
            vec![object],
            vec![("write", write), ("flush", flush)],
        )?;
        let obj = interp.new_instance(&cls);
        interp.set_attr(&obj, "name", Value::str(name))?;
        Ok(obj)
    };
    let stdout = stream(interp, "<stdout>", false)?;
    let stderr = stream(interp, "<stderr>", true)?;
    let version_info = version_info(interp)?;
    Ok(module(
        interp,
        "sys",
        vec![
            ("path", path),
            (
                "argv",
                Value::list(interp.argv.iter().map(|a| Value::str(a)).collect()),
            ),
            (
                "version",
                Value::str("3.11.7 (main, Dec  8 2023, 14:22:46) [GCC 12.2.0]"),
            ),
            ("version_info", version_info),
            ("platform", Value::str("linux")),
            ("executable", Value::str("/home/learner/.venv/bin/python")),
            ("stdout", stdout),
            ("stderr", stderr),
            (
                "exit",
                builtin("exit", "sys", |interp, args, _| {
                    let err = interp.new_error("SystemExit", "");
                    if let (Value::Instance(inst), Some(code)) = (&err.value, args.first()) {
                        inst.dict
                            .borrow_mut()
                            .insert(Rc::from("code"), code.clone());
                        inst.dict
                            .borrow_mut()
                            .insert(Rc::from("args"), Value::tuple(vec![code.clone()]));
                    }
                    Err(err)
                }),
            ),
        ],
    ))
}

/// `sys.version_info`: a tuple that also has `.major`, `.minor` and friends.
fn version_info(interp: &mut Interp<'_>) -> Result<Value, PyErr> {
    let fields = [
        ("major", Value::Int(3)),
        ("minor", Value::Int(11)),
        ("micro", Value::Int(7)),
        ("releaselevel", Value::str("final")),
        ("serial", Value::Int(0)),
    ];
    let tuple = Value::tuple(fields.iter().map(|(_, v)| v.clone()).collect());
    let as_tuple = {
        let tuple = tuple.clone();
        move |_: &mut Interp<'_>, _: Vec<Value>, _: Kwargs| Ok(tuple.clone())
    };
    let mut methods: Vec<(&str, Value)> = Vec::new();
    for (name, op) in [
        ("__lt__", crate::python::ast::CmpOp::Lt),
        ("__le__", crate::python::ast::CmpOp::LtE),
        ("__gt__", crate::python::ast::CmpOp::Gt),
        ("__ge__", crate::python::ast::CmpOp::GtE),
        ("__eq__", crate::python::ast::CmpOp::Eq),
    ] {
        let tuple = tuple.clone();
        methods.push((
            name,
            builtin(name, "version_info", move |interp, args, _| {
                Ok(Value::Bool(interp.compare(op, &tuple, &arg(&args, 1))?))
            }),
        ));
    }
    let getitem = {
        let tuple = tuple.clone();
        builtin("__getitem__", "version_info", move |interp, args, _| {
            interp.get_item(&tuple, &arg(&args, 1))
        })
    };
    methods.push(("__getitem__", getitem));
    methods.push(("__iter__", builtin("__iter__", "version_info", as_tuple)));
    methods.push((
        "__repr__",
        builtin("__repr__", "version_info", |_, _, _| {
            Ok(Value::str(
                "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)",
            ))
        }),
    ));
    methods.push((
        "__len__",
        builtin("__len__", "version_info", |_, _, _| Ok(Value::Int(5))),
    ));
    let object = Rc::clone(&interp.types.object);
    let cls = native_class(interp, "version_info", "sys", vec![object], methods)?;
    let obj = interp.new_instance(&cls);
    for (name, value) in fields {
        interp.set_attr(&obj, name, value)?;
    }
    Ok(obj)
}

fn os(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    // The parent is being created, so its submodule is built here rather than imported.
    let path = os_path(interp)?;
    interp.modules.insert("os.path".into(), Rc::clone(&path));
    let environ = Value::Dict(Rc::clone(&interp.environ));
    Ok(module(
        interp,
        "os",
        vec![
            ("environ", environ),
            ("path", Value::Module(path)),
            ("sep", Value::str("/")),
            ("name", Value::str("posix")),
            (
                "getenv",
                builtin("getenv", "os", |interp, args, kw| {
                    let Some(Value::Str(key)) = args.first() else {
                        return Err(interp.type_error("str expected, not NoneType"));
                    };
                    let found = interp
                        .environ
                        .borrow()
                        .get(&HashKey::Str(Rc::clone(key)))
                        .cloned();
                    Ok(found.unwrap_or_else(|| {
                        args.get(1)
                            .cloned()
                            .or_else(|| kwarg(&kw, "default"))
                            .unwrap_or(Value::None)
                    }))
                }),
            ),
            (
                "getcwd",
                builtin("getcwd", "os", |interp, _, _| {
                    Ok(Value::str(&interp.cwd.clone()))
                }),
            ),
            (
                "listdir",
                builtin("listdir", "os", |interp, args, _| {
                    let dir = match args.first() {
                        Some(Value::Str(p)) => fs::join(&interp.cwd, p),
                        _ => interp.cwd.clone(),
                    };
                    match interp.fs.read_dir(&dir) {
                        Ok(entries) => Ok(Value::list(
                            entries.iter().map(|e| Value::str(&e.name)).collect(),
                        )),
                        Err(e) => Err(interp.new_error("FileNotFoundError", &e.to_string())),
                    }
                }),
            ),
        ],
    ))
}

fn path_arg(interp: &mut Interp<'_>, value: &Value) -> Result<String, PyErr> {
    match value {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(_) => interp.py_str(value),
        other => {
            let t = interp.type_name(other);
            Err(interp.type_error(&format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )))
        }
    }
}

/// `os.path.normpath` for absolute and relative paths.
fn normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".into();
    }
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

fn dirname(path: &str) -> String {
    // posixpath.dirname: everything before the last slash, trailing slashes removed unless
    // only slashes remain.
    match path.rfind('/') {
        Some(i) => {
            let head = &path[..=i];
            let trimmed = head.trim_end_matches('/');
            if trimmed.is_empty() {
                head.to_string()
            } else {
                trimmed.to_string()
            }
        }
        None => String::new(),
    }
}

fn os_path(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    Ok(module(
        interp,
        "os.path",
        vec![
            ("sep", Value::str("/")),
            (
                "join",
                builtin("join", "posixpath", |interp, args, _| {
                    let mut out = String::new();
                    for a in &args {
                        let part = path_arg(interp, a)?;
                        if part.starts_with('/') || out.is_empty() {
                            out = part;
                        } else if out.ends_with('/') {
                            out.push_str(&part);
                        } else {
                            out = format!("{out}/{part}");
                        }
                    }
                    Ok(Value::str(&out))
                }),
            ),
            (
                "dirname",
                builtin("dirname", "posixpath", |interp, args, _| {
                    let p = path_arg(interp, &arg(&args, 0))?;
                    Ok(Value::str(&dirname(&p)))
                }),
            ),
            (
                "basename",
                builtin("basename", "posixpath", |interp, args, _| {
                    let p = path_arg(interp, &arg(&args, 0))?;
                    Ok(Value::str(p.rsplit('/').next().unwrap_or_default()))
                }),
            ),
            (
                "abspath",
                builtin("abspath", "posixpath", |interp, args, _| {
                    let p = path_arg(interp, &arg(&args, 0))?;
                    Ok(Value::str(&normpath(&fs::join(&interp.cwd.clone(), &p))))
                }),
            ),
            (
                "realpath",
                builtin("realpath", "posixpath", |interp, args, _| {
                    let p = path_arg(interp, &arg(&args, 0))?;
                    Ok(Value::str(&normpath(&fs::join(&interp.cwd.clone(), &p))))
                }),
            ),
            (
                "normpath",
                builtin("normpath", "posixpath", |interp, args, _| {
                    let p = path_arg(interp, &arg(&args, 0))?;
                    Ok(Value::str(&normpath(&p)))
                }),
            ),
            (
                "exists",
                builtin("exists", "posixpath", |interp, args, _| {
                    let p = fs::join(&interp.cwd.clone(), &path_arg(interp, &arg(&args, 0))?);
                    Ok(Value::Bool(interp.fs.is_file(&p) || interp.fs.is_dir(&p)))
                }),
            ),
            (
                "isfile",
                builtin("isfile", "posixpath", |interp, args, _| {
                    let p = fs::join(&interp.cwd.clone(), &path_arg(interp, &arg(&args, 0))?);
                    Ok(Value::Bool(interp.fs.is_file(&p)))
                }),
            ),
            (
                "isdir",
                builtin("isdir", "posixpath", |interp, args, _| {
                    let p = fs::join(&interp.cwd.clone(), &path_arg(interp, &arg(&args, 0))?);
                    Ok(Value::Bool(interp.fs.is_dir(&p)))
                }),
            ),
            (
                "splitext",
                builtin("splitext", "posixpath", |interp, args, _| {
                    let p = path_arg(interp, &arg(&args, 0))?;
                    let base_start = p.rfind('/').map_or(0, |i| i + 1);
                    let dot = p[base_start..]
                        .rfind('.')
                        .filter(|&i| i > 0)
                        .map(|i| base_start + i);
                    Ok(match dot {
                        Some(i) => Value::tuple(vec![Value::str(&p[..i]), Value::str(&p[i..])]),
                        None => Value::tuple(vec![Value::str(&p), Value::str("")]),
                    })
                }),
            ),
        ],
    ))
}

fn pathlib(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    fn parts(interp: &mut Interp<'_>, this: &Value) -> Result<String, PyErr> {
        match interp.get_attr(this, "_path")? {
            Value::Str(s) => Ok(s.to_string()),
            _ => Ok(".".into()),
        }
    }
    fn make(interp: &mut Interp<'_>, cls: &Value, path: String) -> Result<Value, PyErr> {
        let Value::Class(cls) = cls else {
            return Ok(Value::None);
        };
        let obj = interp.new_instance(cls);
        interp.set_attr(&obj, "_path", Value::str(&normpath(&path)))?;
        Ok(obj)
    }
    let object = Rc::clone(&interp.types.object);
    let new = builtin("__new__", "Path", |interp, args, _| {
        let mut out = String::new();
        for a in args.get(1..).unwrap_or(&[]) {
            let part = path_arg(interp, a)?;
            out = if part.starts_with('/') || out.is_empty() {
                part
            } else {
                format!("{out}/{part}")
            };
        }
        if out.is_empty() {
            out = ".".into();
        }
        make(interp, &arg(&args, 0), out)
    });
    let join = |interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs| -> Result<Value, PyErr> {
        let mut joined = parts(interp, &arg(&args, 0))?;
        for part in args.get(1..).unwrap_or(&[]) {
            let other = path_arg(interp, part)?;
            joined = if other.starts_with('/') {
                other
            } else {
                format!("{joined}/{other}")
            };
        }
        let cls = Value::Class(interp.class_of(&arg(&args, 0)));
        make(interp, &cls, joined)
    };
    let property = |f: Value| {
        Value::Property(Rc::new(super::value::Property {
            fget: f,
            fset: None,
        }))
    };
    let cls = native_class(
        interp,
        "PosixPath",
        "pathlib",
        vec![object],
        vec![
            ("__new__", new),
            ("__truediv__", builtin("__truediv__", "Path", join)),
            ("joinpath", builtin("joinpath", "Path", join)),
            (
                "__str__",
                builtin("__str__", "Path", |interp, args, _| {
                    Ok(Value::str(&parts(interp, &arg(&args, 0))?))
                }),
            ),
            (
                "__fspath__",
                builtin("__fspath__", "Path", |interp, args, _| {
                    Ok(Value::str(&parts(interp, &arg(&args, 0))?))
                }),
            ),
            (
                "__repr__",
                builtin("__repr__", "Path", |interp, args, _| {
                    let p = parts(interp, &arg(&args, 0))?;
                    Ok(Value::str(&format!(
                        "PosixPath({})",
                        super::value::repr_str(&p)
                    )))
                }),
            ),
            (
                "__eq__",
                builtin("__eq__", "Path", |interp, args, _| {
                    let a = parts(interp, &arg(&args, 0))?;
                    let b = match &arg(&args, 1) {
                        Value::Instance(_) => parts(interp, &arg(&args, 1)).unwrap_or_default(),
                        _ => return Ok(Value::Bool(false)),
                    };
                    Ok(Value::Bool(a == b))
                }),
            ),
            (
                "parent",
                property(builtin("parent", "Path", |interp, args, _| {
                    let p = parts(interp, &arg(&args, 0))?;
                    let parent = match p.rfind('/') {
                        Some(0) => "/".to_string(),
                        Some(i) => p[..i].to_string(),
                        None => ".".to_string(),
                    };
                    let cls = Value::Class(interp.class_of(&arg(&args, 0)));
                    make(interp, &cls, parent)
                })),
            ),
            (
                "name",
                property(builtin("name", "Path", |interp, args, _| {
                    let p = parts(interp, &arg(&args, 0))?;
                    Ok(Value::str(p.rsplit('/').next().unwrap_or_default()))
                })),
            ),
            (
                "stem",
                property(builtin("stem", "Path", |interp, args, _| {
                    let p = parts(interp, &arg(&args, 0))?;
                    let name = p.rsplit('/').next().unwrap_or_default();
                    Ok(Value::str(
                        name.rsplit_once('.')
                            .filter(|(s, _)| !s.is_empty())
                            .map_or(name, |(s, _)| s),
                    ))
                })),
            ),
            (
                "suffix",
                property(builtin("suffix", "Path", |interp, args, _| {
                    let p = parts(interp, &arg(&args, 0))?;
                    let name = p.rsplit('/').next().unwrap_or_default();
                    Ok(Value::str(
                        &name
                            .rsplit_once('.')
                            .filter(|(s, _)| !s.is_empty())
                            .map_or(String::new(), |(_, e)| format!(".{e}")),
                    ))
                })),
            ),
            (
                "resolve",
                builtin("resolve", "Path", |interp, args, _| {
                    let p = parts(interp, &arg(&args, 0))?;
                    let abs = normpath(&fs::join(&interp.cwd.clone(), &p));
                    let cls = Value::Class(interp.class_of(&arg(&args, 0)));
                    make(interp, &cls, abs)
                }),
            ),
            (
                "absolute",
                builtin("absolute", "Path", |interp, args, _| {
                    let p = parts(interp, &arg(&args, 0))?;
                    let abs = fs::join(&interp.cwd.clone(), &p);
                    let cls = Value::Class(interp.class_of(&arg(&args, 0)));
                    make(interp, &cls, abs)
                }),
            ),
            (
                "exists",
                builtin("exists", "Path", |interp, args, _| {
                    let p = fs::join(&interp.cwd.clone(), &parts(interp, &arg(&args, 0))?);
                    Ok(Value::Bool(interp.fs.is_file(&p) || interp.fs.is_dir(&p)))
                }),
            ),
            (
                "is_file",
                builtin("is_file", "Path", |interp, args, _| {
                    let p = fs::join(&interp.cwd.clone(), &parts(interp, &arg(&args, 0))?);
                    Ok(Value::Bool(interp.fs.is_file(&p)))
                }),
            ),
            (
                "is_dir",
                builtin("is_dir", "Path", |interp, args, _| {
                    let p = fs::join(&interp.cwd.clone(), &parts(interp, &arg(&args, 0))?);
                    Ok(Value::Bool(interp.fs.is_dir(&p)))
                }),
            ),
            (
                "read_text",
                builtin("read_text", "Path", |interp, args, _| {
                    let p = fs::join(&interp.cwd.clone(), &parts(interp, &arg(&args, 0))?);
                    match interp.fs.read_to_string(&p) {
                        Ok(text) => Ok(Value::str(&text)),
                        Err(e) => Err(interp.new_error("FileNotFoundError", &e.to_string())),
                    }
                }),
            ),
        ],
    )?;
    let path = Value::Class(cls);
    Ok(module(
        interp,
        "pathlib",
        vec![("Path", path.clone()), ("PosixPath", path)],
    ))
}

fn typing(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let special =
        |interp: &mut Interp<'_>, name: &str, origin: Option<Value>| -> Result<Value, PyErr> {
            let getitem = match name {
                "Optional" => builtin("__getitem__", "typing", |interp, args, _| {
                    interp.union_type(vec![arg(&args, 1), Value::None])
                }),
                "Union" => builtin("__getitem__", "typing", |interp, args, _| {
                    let members = interp.iterate(&arg(&args, 1))?;
                    interp.union_type(members)
                }),
                _ => {
                    let origin = origin.clone().unwrap_or(Value::None);
                    builtin("__getitem__", "typing", move |interp, args, _| {
                        interp.generic_alias(origin.clone(), arg(&args, 1))
                    })
                }
            };
            let repr_name = format!("typing.{name}");
            let repr = builtin("__repr__", "typing", move |_, _, _| {
                Ok(Value::str(&repr_name))
            });
            let object = Rc::clone(&interp.types.object);
            let cls = native_class(
                interp,
                &format!("_SpecialForm_{name}"),
                "typing",
                vec![object],
                vec![("__getitem__", getitem), ("__repr__", repr)],
            )?;
            Ok(interp.new_instance(&cls))
        };
    let t = &interp.types;
    let builtin_origins = [
        ("List", Value::Class(Rc::clone(&t.list))),
        ("Dict", Value::Class(Rc::clone(&t.dict))),
        ("Set", Value::Class(Rc::clone(&t.set))),
        ("FrozenSet", Value::Class(Rc::clone(&t.set))),
        ("Tuple", Value::Class(Rc::clone(&t.tuple))),
        ("Type", Value::Class(Rc::clone(&t.type_))),
    ];
    let mut items: Vec<(String, Value)> = Vec::new();
    for (name, origin) in builtin_origins {
        items.push((name.into(), special(interp, name, Some(origin))?));
    }
    for name in ["Optional", "Union"] {
        items.push((name.into(), special(interp, name, None)?));
    }
    for name in [
        "Sequence",
        "Mapping",
        "Iterable",
        "Iterator",
        "Callable",
        "ClassVar",
        "Literal",
        "Annotated",
        "Final",
        "MutableMapping",
        "Generator",
    ] {
        let origin = Value::str(name);
        items.push((name.into(), special(interp, name, Some(origin))?));
    }
    let any = native_class(interp, "Any", "typing", vec![object], Vec::new())?;
    items.push(("Any".into(), Value::Class(any)));
    items.push(("TYPE_CHECKING".into(), Value::Bool(false)));
    items.push((
        "cast".into(),
        builtin("cast", "typing", |_, args, _| {
            Ok(args.get(1).cloned().unwrap_or(Value::None))
        }),
    ));
    items.push((
        "TypeVar".into(),
        builtin("TypeVar", "typing", |_, args, _| {
            Ok(args.first().cloned().unwrap_or(Value::None))
        }),
    ));
    items.push((
        "NewType".into(),
        builtin("NewType", "typing", |_, args, _| {
            Ok(args.get(1).cloned().unwrap_or(Value::None))
        }),
    ));
    items.push((
        "get_type_hints".into(),
        builtin("get_type_hints", "typing", |interp, args, _| {
            interp.get_attr(&arg(&args, 0), "__annotations__")
        }),
    ));
    let m = interp.new_module("typing", None);
    for (k, v) in items {
        m.dict.borrow_mut().insert(Rc::from(k.as_str()), v);
    }
    Ok(m)
}

/// `enum.Enum`: class creation turns plain class attributes into members (instances of the
/// class with `name` and `value`), as `EnumMeta` does.
fn enum_module(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let init_subclass = builtin("__init_subclass__", "Enum", |interp, args, _| {
        let Value::Class(cls) = &arg(&args, 0) else {
            return Ok(Value::None);
        };
        let entries: Vec<(Rc<str>, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|(k, v)| {
                !k.starts_with('_')
                    && !matches!(
                        v,
                        Value::Function(_)
                            | Value::Property(_)
                            | Value::ClassMethod(_)
                            | Value::StaticMethod(_)
                    )
            })
            .map(|(k, v)| (Rc::clone(k), v.clone()))
            .collect();
        let mut members = Dict::default();
        let mut canonical: Vec<(Value, Value)> = Vec::new();
        let mut auto_next = 1;
        let is_str = cls.is_subclass(&interp.types.str);
        for (name, value) in entries {
            let value = match &value {
                Value::Instance(inst) if inst.class.name == "auto" && is_str => {
                    Value::str(&name.to_lowercase())
                }
                Value::Instance(inst) if inst.class.name == "auto" => {
                    let v = Value::Int(auto_next);
                    auto_next += 1;
                    v
                }
                Value::Int(n) => {
                    auto_next = n + 1;
                    value.clone()
                }
                _ => value.clone(),
            };
            // A second name for an existing value is an alias of that member.
            let mut alias = None;
            for (v, m) in &canonical {
                if interp.eq(v, &value)? {
                    alias = Some(m.clone());
                    break;
                }
            }
            let member = match alias {
                Some(existing) => existing,
                None => {
                    let member = interp.new_instance(cls);
                    interp.set_attr(&member, "name", Value::Str(Rc::clone(&name)))?;
                    interp.set_attr(&member, "value", value.clone())?;
                    interp.set_attr(&member, "_value_", value.clone())?;
                    if let Value::Instance(inst) = &member {
                        let key = interp.hash_key(&value).unwrap_or(HashKey::Identity(0));
                        *inst.payload.borrow_mut() = Some(Rc::new(key));
                    }
                    canonical.push((value.clone(), member.clone()));
                    member
                }
            };
            cls.dict
                .borrow_mut()
                .insert(Rc::clone(&name), member.clone());
            members.insert(HashKey::Str(Rc::clone(&name)), Value::Str(name), member);
        }
        cls.dict.borrow_mut().insert(
            Rc::from("_member_list_"),
            Value::list(canonical.into_iter().map(|(_, m)| m).collect()),
        );
        cls.dict.borrow_mut().insert(
            Rc::from("__members__"),
            Value::Dict(Rc::new(RefCell::new(members))),
        );
        Ok(Value::None)
    });
    let repr = builtin("__repr__", "Enum", |interp, args, _| {
        let cls = interp.class_of(&arg(&args, 0));
        let name = interp.get_attr(&arg(&args, 0), "name")?;
        let value = interp.get_attr(&arg(&args, 0), "value")?;
        let value = interp.repr(&value)?;
        Ok(Value::str(&format!(
            "<{}.{}: {value}>",
            cls.name,
            name.as_str().unwrap_or_default()
        )))
    });
    let str_ = builtin("__str__", "Enum", |interp, args, _| {
        let cls = interp.class_of(&arg(&args, 0));
        let name = interp.get_attr(&arg(&args, 0), "name")?;
        Ok(Value::str(&format!(
            "{}.{}",
            cls.name,
            name.as_str().unwrap_or_default()
        )))
    });
    let enum_cls = native_class(
        interp,
        "Enum",
        "enum",
        vec![object],
        vec![
            ("__init_subclass__", init_subclass),
            ("__repr__", repr),
            ("__str__", str_),
            (
                "__new__",
                builtin("__new__", "Enum", |interp, args, _| {
                    let cls = arg(&args, 0);
                    let wanted = arg(&args, 1);
                    if let Value::Class(c) = &cls {
                        if let Some(Value::Dict(members)) = c.lookup("__members__") {
                            let members: Vec<Value> = members
                                .borrow()
                                .entries
                                .values()
                                .map(|(_, v)| v.clone())
                                .collect();
                            for member in members {
                                let value = interp.get_attr(&member, "value")?;
                                if interp.eq(&value, &wanted)? || member.is(&wanted) {
                                    return Ok(member);
                                }
                            }
                            let shown = interp.repr(&wanted)?;
                            return Err(interp.new_error(
                                "ValueError",
                                &format!("{shown} is not a valid {}", c.name),
                            ));
                        }
                    }
                    Err(interp.type_error("Enum() takes a value"))
                }),
            ),
        ],
    )?;
    // IntEnum and StrEnum look members up like Enum, not like int() or str().
    let enum_new = enum_cls
        .dict
        .borrow()
        .get("__new__")
        .cloned()
        .unwrap_or(Value::None);
    let value_str = builtin("__str__", "IntEnum", |interp, args, _| {
        let value = interp.get_attr(&arg(&args, 0), "_value_")?;
        Ok(Value::str(&interp.py_str(&value)?))
    });
    let int_enum = native_class(
        interp,
        "IntEnum",
        "enum",
        vec![Rc::clone(&interp.types.int), Rc::clone(&enum_cls)],
        vec![
            ("__new__", enum_new.clone()),
            ("__str__", value_str.clone()),
        ],
    )?;
    let str_enum = native_class(
        interp,
        "StrEnum",
        "enum",
        vec![Rc::clone(&interp.types.str), Rc::clone(&enum_cls)],
        vec![("__new__", enum_new), ("__str__", value_str)],
    )?;
    let object = Rc::clone(&interp.types.object);
    let auto = native_class(interp, "auto", "enum", vec![object], Vec::new())?;
    Ok(module(
        interp,
        "enum",
        vec![
            ("Enum", Value::Class(enum_cls)),
            ("IntEnum", Value::Class(int_enum)),
            ("StrEnum", Value::Class(str_enum)),
            ("auto", Value::Class(auto)),
        ],
    ))
}

/// A class whose instances keep their constructor arguments, for value types the playground
/// passes around without computing with them (`datetime`, `Decimal`, `UUID`).
fn value_class(
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

fn clock_unavailable(interp: &mut Interp<'_>, _: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    Err(interp.new_error(
        "NotImplementedError",
        "reading the clock from Python is not supported in the playground yet",
    ))
}

fn datetime(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let now = || Value::ClassMethod(Rc::new(builtin("now", "datetime", clock_unavailable)));
    let datetime = value_class(
        interp,
        "datetime",
        "datetime",
        vec![("now", now()), ("utcnow", now()), ("today", now())],
    )?;
    let date = value_class(interp, "date", "datetime", vec![("today", now())])?;
    let time = value_class(interp, "time", "datetime", Vec::new())?;
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

fn uuid(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let uuid_cls = value_class(interp, "UUID", "uuid", Vec::new())?;
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
                        "uuid4() needs randomness, which arrives with revision ids",
                    ))
                }),
            ),
        ],
    ))
}

fn decimal(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let decimal = value_class(interp, "Decimal", "decimal", Vec::new())?;
    Ok(module(interp, "decimal", vec![("Decimal", decimal)]))
}

fn logging(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    // Until a configuration is applied, Python's last-resort handler prints WARNING and above
    // to stderr as the bare message; lower levels print nothing.
    let emit = |level: u8| {
        builtin("log", "Logger", move |interp, args, _| {
            if level >= 30 {
                let msg = interp.py_str(&arg(&args, 1))?;
                let text = if args.len() > 2 {
                    let rest = Value::tuple(args.get(2..).unwrap_or(&[]).to_vec());
                    let fmt = Value::str(&msg);
                    let formatted =
                        interp.binary_op(crate::python::ast::Operator::Mod, fmt, rest, false)?;
                    interp.py_str(&formatted)?
                } else {
                    msg
                };
                interp.output.push((true, format!("{text}\n")));
            }
            Ok(Value::None)
        })
    };
    let logger = native_class(
        interp,
        "Logger",
        "logging",
        vec![object],
        vec![
            ("debug", emit(10)),
            ("info", emit(20)),
            ("warning", emit(30)),
            ("error", emit(40)),
            ("critical", emit(50)),
            (
                "setLevel",
                builtin("setLevel", "Logger", |_, _, _| Ok(Value::None)),
            ),
        ],
    )?;
    let get_logger = {
        let logger = Rc::clone(&logger);
        let loggers: Rc<RefCell<std::collections::HashMap<String, Value>>> = Rc::default();
        builtin("getLogger", "logging", move |interp, args, _| {
            let name = match arg(&args, 0) {
                Value::Str(s) => s.to_string(),
                _ => "root".to_string(),
            };
            if let Some(existing) = loggers.borrow().get(&name) {
                return Ok(existing.clone());
            }
            let obj = interp.new_instance(&logger);
            interp.set_attr(&obj, "name", Value::str(&name))?;
            loggers.borrow_mut().insert(name, obj.clone());
            Ok(obj)
        })
    };
    let config = logging_config(interp)?;
    interp
        .modules
        .insert("logging.config".into(), Rc::clone(&config));
    Ok(module(
        interp,
        "logging",
        vec![
            ("getLogger", get_logger),
            ("Logger", Value::Class(logger)),
            ("config", Value::Module(config)),
            ("DEBUG", Value::Int(10)),
            ("INFO", Value::Int(20)),
            ("WARNING", Value::Int(30)),
            ("WARN", Value::Int(30)),
            ("ERROR", Value::Int(40)),
            ("CRITICAL", Value::Int(50)),
            (
                "basicConfig",
                builtin("basicConfig", "logging", |_, _, _| Ok(Value::None)),
            ),
        ],
    ))
}

fn logging_config(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    Ok(module(
        interp,
        "logging.config",
        vec![(
            "fileConfig",
            builtin("fileConfig", "logging.config", |interp, args, _| {
                // Recorded for the command line, which applies the ini's logging sections.
                let path = match args.first() {
                    Some(Value::Str(p)) => p.to_string(),
                    Some(Value::None) | None => {
                        return Err(interp
                            .type_error("expected str, bytes or os.PathLike object, not NoneType"))
                    }
                    Some(other) => interp.py_str(other)?,
                };
                interp.logging_config = Some(path);
                Ok(Value::None)
            }),
        )],
    ))
}

/// `pydantic.BaseModel` and `Field`: keyword arguments become attributes, defaults come from
/// the class.
fn pydantic(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let init = builtin("__init__", "BaseModel", |interp, args, kw| {
        let cls = interp.class_of(&arg(&args, 0));
        for (name, _) in annotated_fields(interp, &cls)? {
            if let Some(default) = cls.lookup(&name) {
                let default = field_default(interp, &default)?;
                interp.set_attr(&arg(&args, 0), &name, default)?;
            }
        }
        for (k, v) in kw {
            interp.set_attr(&arg(&args, 0), &k, v)?;
        }
        Ok(Value::None)
    });
    let base_model = native_class(
        interp,
        "BaseModel",
        "pydantic",
        vec![object],
        vec![("__init__", init)],
    )?;
    let field = builtin("Field", "pydantic", |_, args, kw| {
        Ok(args
            .first()
            .cloned()
            .or_else(|| kwarg(&kw, "default"))
            .unwrap_or(Value::None))
    });
    Ok(module(
        interp,
        "pydantic",
        vec![("BaseModel", Value::Class(base_model)), ("Field", field)],
    ))
}

fn annotated_fields(
    interp: &mut Interp<'_>,
    cls: &Rc<Class>,
) -> Result<Vec<(String, Value)>, PyErr> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let lineage: Vec<Rc<Class>> = cls.lineage().cloned().collect();
    for c in lineage.iter().rev() {
        let ann = c.dict.borrow().get("__annotations__").cloned();
        if let Some(Value::Dict(d)) = ann {
            for (k, v) in d.borrow().entries.values() {
                if let Value::Str(name) = k {
                    out.retain(|(n, _)| n != &**name);
                    out.push((name.to_string(), v.clone()));
                }
            }
        }
    }
    let _ = interp;
    Ok(out)
}

fn field_default(_: &mut Interp<'_>, value: &Value) -> Result<Value, PyErr> {
    Ok(value.clone())
}

/// `pydantic_settings.BaseSettings`: each annotated field is read from the environment
/// (case-insensitively), then from the `.env` file named by `model_config`, then from the
/// class default, as pydantic-settings does.
fn pydantic_settings(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let pydantic = interp.import_by_name("pydantic")?;
    let base_model = match pydantic.dict.borrow().get("BaseModel").cloned() {
        Some(Value::Class(c)) => c,
        _ => Rc::clone(&interp.types.object),
    };
    let init = builtin("__init__", "BaseSettings", |interp, args, kw| {
        let cls = interp.class_of(&arg(&args, 0));
        let env_file = settings_env_file(interp, &cls)?;
        let dotenv = match env_file {
            Some(path) => read_dotenv(interp, &path),
            None => Vec::new(),
        };
        for (name, annotation) in annotated_fields(interp, &cls)? {
            if let Some((_, v)) = kw.iter().find(|(k, _)| **k == *name) {
                interp.set_attr(&arg(&args, 0), &name, v.clone())?;
                continue;
            }
            let from_env = {
                let environ = interp.environ.borrow();
                environ.entries.values().find_map(|(k, v)| match k {
                    Value::Str(k) if k.eq_ignore_ascii_case(&name) => Some(v.clone()),
                    _ => None,
                })
            };
            let raw = from_env.or_else(|| {
                dotenv
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(&name))
                    .map(|(_, v)| Value::str(v))
            });
            let value = match raw {
                Some(raw) => coerce(interp, raw, &annotation)?,
                None => match cls.lookup(&name) {
                    Some(default) => default,
                    None => {
                        let msg = format!(
                            "1 validation error for {}\n{name}\n  Field required [type=missing, input_value={{}}, input_type=dict]",
                            cls.name
                        );
                        return Err(interp.new_error("ValueError", &msg));
                    }
                },
            };
            interp.set_attr(&arg(&args, 0), &name, value)?;
        }
        Ok(Value::None)
    });
    let base_settings = native_class(
        interp,
        "BaseSettings",
        "pydantic_settings",
        vec![base_model],
        vec![("__init__", init)],
    )?;
    let config_dict = builtin("SettingsConfigDict", "pydantic_settings", |_, _, kw| {
        let mut d = Dict::default();
        for (k, v) in kw {
            d.insert(HashKey::Str(Rc::clone(&k)), Value::Str(k), v);
        }
        Ok(Value::Dict(Rc::new(RefCell::new(d))))
    });
    Ok(module(
        interp,
        "pydantic_settings",
        vec![
            ("BaseSettings", Value::Class(base_settings)),
            ("SettingsConfigDict", config_dict),
        ],
    ))
}

/// `model_config = SettingsConfigDict(env_file=".env")` or `class Config: env_file = ".env"`.
fn settings_env_file(interp: &mut Interp<'_>, cls: &Rc<Class>) -> Result<Option<String>, PyErr> {
    if let Some(Value::Dict(d)) = cls.lookup("model_config") {
        if let Some(Value::Str(f)) = d.borrow().get(&HashKey::Str(Rc::from("env_file"))) {
            return Ok(Some(f.to_string()));
        }
    }
    if let Some(config @ Value::Class(_)) = cls.lookup("Config") {
        if let Ok(Value::Str(f)) = interp.get_attr(&config, "env_file") {
            return Ok(Some(f.to_string()));
        }
    }
    Ok(None)
}

/// `KEY=value` lines of a `.env` file, with `#` comments, `export` and quotes.
fn read_dotenv(interp: &mut Interp<'_>, path: &str) -> Vec<(String, String)> {
    let full = fs::join(&interp.cwd, path);
    let Ok(text) = interp.fs.read_to_string(&full) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let line = line.strip_prefix("export ").unwrap_or(line);
            let (k, v) = line.split_once('=')?;
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            Some((k.trim().to_string(), v.to_string()))
        })
        .collect()
}

/// Converts an environment string to the annotated type, as pydantic validates it.
fn coerce(interp: &mut Interp<'_>, raw: Value, annotation: &Value) -> Result<Value, PyErr> {
    let Value::Str(s) = &raw else { return Ok(raw) };
    match annotation {
        Value::Class(c) if Rc::ptr_eq(c, &interp.types.int) => {
            let int = Value::Class(Rc::clone(&interp.types.int));
            interp.call(&int, vec![raw.clone()], Vec::new())
        }
        Value::Class(c) if Rc::ptr_eq(c, &interp.types.bool) => Ok(Value::Bool(matches!(
            s.to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "on"
        ))),
        Value::Class(c) if Rc::ptr_eq(c, &interp.types.float) => {
            let float = Value::Class(Rc::clone(&interp.types.float));
            interp.call(&float, vec![raw.clone()], Vec::new())
        }
        _ => Ok(raw),
    }
}

/// `python-dotenv`'s `load_dotenv()`: sets variables from `.env` that are not set yet.
fn dotenv(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    Ok(module(
        interp,
        "dotenv",
        vec![(
            "load_dotenv",
            builtin("load_dotenv", "dotenv", |interp, args, kw| {
                let override_ = matches!(kwarg(&kw, "override"), Some(Value::Bool(true)));
                let path = match args.first() {
                    Some(Value::Str(p)) => p.to_string(),
                    _ => ".env".to_string(),
                };
                let pairs = read_dotenv(interp, &path);
                let loaded = !pairs.is_empty();
                for (k, v) in pairs {
                    let key = HashKey::Str(Rc::from(k.as_str()));
                    if override_ || interp.environ.borrow().get(&key).is_none() {
                        interp.set_env(&k, &v);
                    }
                }
                Ok(Value::Bool(loaded))
            }),
        )],
    ))
}
