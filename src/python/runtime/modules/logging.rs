//! `logging` and `logging.config`: loggers that print as Python's last-resort handler does
//! until the command line applies the ini's logging sections.

use std::cell::RefCell;
use std::rc::Rc;

use super::{module, native_class};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::value::{Module, Value};
use crate::python::runtime::{Interp, PyErr};

pub(super) fn logging(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
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
                Value::Str(ref s) => s.to_string(),
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

pub(super) fn logging_config(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
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
