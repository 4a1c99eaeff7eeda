//! `sys`, `os`, `os.path` and `pathlib`: the process, the environment and paths over the
//! workspace's file system.

use std::rc::Rc;

use super::{kwarg, module, native_class};
use crate::fs;
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{HashKey, Module, Value};
use crate::python::runtime::{Interp, PyErr};

pub(super) fn sys(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
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
            (
                "get_int_max_str_digits",
                builtin("get_int_max_str_digits", "sys", |interp, _, _| {
                    Ok(Value::Int(interp.int_max_str_digits as i64))
                }),
            ),
            (
                "set_int_max_str_digits",
                builtin("set_int_max_str_digits", "sys", |interp, args, kw| {
                    use crate::python::runtime::bigint::MIN_MAX_STR_DIGITS;
                    let value = kwarg(&kw, "maxdigits").unwrap_or_else(|| arg(&args, 0));
                    match value {
                        Value::Int(n) if n == 0 || n >= MIN_MAX_STR_DIGITS as i64 => {
                            interp.int_max_str_digits = usize::try_from(n).unwrap_or(usize::MAX);
                            Ok(Value::None)
                        }
                        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Err(interp.new_error(
                            "ValueError",
                            &format!("maxdigits must be 0 or larger than {MIN_MAX_STR_DIGITS}"),
                        )),
                        other => {
                            let t = interp.type_name(&other);
                            Err(interp.type_error(&format!(
                                "'{t}' object cannot be interpreted as an integer"
                            )))
                        }
                    }
                }),
            ),
        ],
    ))
}

/// `sys.version_info`: a tuple that also has `.major`, `.minor` and friends.
pub(super) fn version_info(interp: &mut Interp<'_>) -> Result<Value, PyErr> {
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

pub(super) fn os(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
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

pub(super) fn path_arg(interp: &mut Interp<'_>, value: &Value) -> Result<String, PyErr> {
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
pub(super) fn normpath(path: &str) -> String {
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

pub(super) fn dirname(path: &str) -> String {
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

pub(super) fn os_path(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
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

pub(super) fn pathlib(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    fn parts(interp: &mut Interp<'_>, this: &Value) -> Result<String, PyErr> {
        match interp.get_attr(this, "_path")? {
            Value::Str(ref s) => Ok(s.to_string()),
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
        Value::Property(Rc::new(crate::python::runtime::value::Property {
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
                        crate::python::runtime::value::repr_str(&p)
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
