//! `logging` and `logging.config`: loggers, and `fileConfig` applying an ini's `[loggers]`,
//! `[handlers]` and `[formatters]` as Python does. Alembic's own INFO/ERROR lines go through
//! [`emit`], so whether they print depends on the learner's `alembic.ini`, as it does for real.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use super::{module, native_class};
use crate::config::IniFile;
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::value::{Module, Value};
use crate::python::runtime::{Interp, PyErr};

/// What `fileConfig` set up.
#[derive(Clone, Debug, Default)]
pub struct LogConfig {
    /// Logger qualname (`""` for root) to its level (0 = NOTSET), handlers and propagate flag.
    loggers: IndexMap<String, (u8, Vec<String>, bool)>,
    /// Handler name to (stream is stderr, level, format).
    handlers: IndexMap<String, (bool, u8, String)>,
}

fn level_number(name: &str) -> u8 {
    match name.trim().to_uppercase().as_str() {
        "CRITICAL" | "FATAL" => 50,
        "ERROR" => 40,
        "WARNING" | "WARN" => 30,
        "INFO" => 20,
        "DEBUG" => 10,
        _ => 0,
    }
}

fn level_name(level: u8) -> &'static str {
    match level {
        50.. => "CRITICAL",
        40..=49 => "ERROR",
        30..=39 => "WARNING",
        20..=29 => "INFO",
        10..=19 => "DEBUG",
        _ => "NOTSET",
    }
}

impl LogConfig {
    /// Reads the logging sections of an ini file, as `logging.config.fileConfig` does.
    pub fn from_ini(ini: &IniFile) -> Result<LogConfig, String> {
        let get = |section: &str, key: &str| -> Option<String> {
            ini.raw(section, key).map(str::to_string)
        };
        let keys = |section: &str| -> Vec<String> {
            get(section, "keys")
                .map(|k| {
                    k.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut cfg = LogConfig::default();
        let mut formats: IndexMap<String, String> = IndexMap::new();
        for f in keys("formatters") {
            let section = format!("formatter_{f}");
            formats.insert(
                f,
                get(&section, "format").unwrap_or_else(|| "%(message)s".into()),
            );
        }
        for h in keys("handlers") {
            let section = format!("handler_{h}");
            if !ini.has_section(&section) {
                return Err(format!("KeyError: '{section}'"));
            }
            let args = get(&section, "args").unwrap_or_default();
            let stderr = !args.contains("stdout");
            let level = get(&section, "level").map_or(0, |l| level_number(&l));
            let format = get(&section, "formatter")
                .and_then(|f| formats.get(f.trim()).cloned())
                .unwrap_or_else(|| "%(message)s".into());
            cfg.handlers.insert(h, (stderr, level, format));
        }
        for l in keys("loggers") {
            let section = format!("logger_{l}");
            let qualname = if l == "root" {
                String::new()
            } else {
                get(&section, "qualname").unwrap_or_default()
            };
            let level = get(&section, "level").map_or(0, |v| level_number(&v));
            let handlers = get(&section, "handlers")
                .map(|h| {
                    h.split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            let propagate = get(&section, "propagate").is_none_or(|p| p.trim() != "0");
            cfg.loggers.insert(qualname, (level, handlers, propagate));
        }
        Ok(cfg)
    }

    /// The lines a record produces: `(to_stderr, text)` for each handler that takes it.
    fn handle(&self, name: &str, level: u8, message: &str) -> Vec<(bool, String)> {
        let mut chain: Vec<String> = Vec::new();
        let mut n = name.to_string();
        loop {
            chain.push(n.clone());
            match n.rfind('.') {
                Some(at) => n.truncate(at),
                None => break,
            }
        }
        chain.push(String::new());
        let effective = chain
            .iter()
            .filter_map(|c| self.loggers.get(c))
            .map(|(l, _, _)| *l)
            .find(|l| *l != 0)
            .unwrap_or(30);
        if level < effective {
            return Vec::new();
        }
        let mut out = Vec::new();
        for c in &chain {
            let Some((_, handlers, propagate)) = self.loggers.get(c) else {
                continue;
            };
            for h in handlers {
                if let Some((stderr, hlevel, format)) = self.handlers.get(h) {
                    if level >= *hlevel {
                        out.push((
                            *stderr,
                            format!("{}\n", format_record(format, name, level, message)),
                        ));
                    }
                }
            }
            if !propagate {
                break;
            }
        }
        out
    }
}

/// `%(levelname)-5.5s [%(name)s] %(message)s` and the like.
fn format_record(format: &str, name: &str, level: u8, message: &str) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(at) = rest.find("%(") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let Some(close) = after.find(')') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let key = &after[..close];
        let spec_end = after[close + 1..]
            .find(|c: char| c.is_ascii_alphabetic())
            .map(|i| close + 1 + i);
        let Some(end) = spec_end else {
            out.push_str(&rest[at..]);
            return out;
        };
        let spec = &after[close + 1..end];
        let value = match key {
            "levelname" => level_name(level).to_string(),
            "name" => name.to_string(),
            "message" => message.to_string(),
            "levelno" => level.to_string(),
            _ => String::new(),
        };
        out.push_str(&pad(&value, spec));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// `-5.5`: left-justify to 5, cut at 5.
fn pad(value: &str, spec: &str) -> String {
    let left = spec.starts_with('-');
    let spec = spec.trim_start_matches('-');
    let (width, precision) = match spec.split_once('.') {
        Some((w, p)) => (w.parse().unwrap_or(0), p.parse().ok()),
        None => (spec.parse().unwrap_or(0), None),
    };
    let mut v: String = match precision {
        Some(p) => value.chars().take(p).collect(),
        None => value.to_string(),
    };
    let len = v.chars().count();
    if len < width {
        let fill = " ".repeat(width - len);
        v = if left { v + &fill } else { fill + &v };
    }
    v
}

/// Logs `message` at `level` from logger `name`, as the learner's logging setup decides.
/// Before `fileConfig` runs nothing prints: Alembic gives its loggers a `NullHandler`.
pub fn emit(interp: &mut Interp<'_>, name: &str, level: u8, message: &str) {
    let Some(cfg) = interp.log_config.clone() else {
        // Python's last-resort handler prints warnings as the bare message, unless the logger
        // has a handler: importing alembic gives the `alembic` logger a NullHandler.
        let alembic_silenced = (name == "alembic" || name.starts_with("alembic."))
            && interp.modules.contains_key("alembic");
        if level >= 30 && !alembic_silenced {
            interp.output.push((true, format!("{message}\n")));
        }
        return;
    };
    for line in cfg.handle(name, level, message) {
        interp.output.push(line);
    }
}

pub(super) fn logging(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let emit_at = |level: u8| {
        builtin("log", "Logger", move |interp, args, _| {
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
            let name = interp.get_attr(&arg(&args, 0), "name")?;
            let name = interp.py_str(&name)?;
            let name = if name == "root" { String::new() } else { name };
            emit(interp, &name, level, &text);
            Ok(Value::None)
        })
    };
    let logger = native_class(
        interp,
        "Logger",
        "logging",
        vec![object],
        vec![
            ("debug", emit_at(10)),
            ("info", emit_at(20)),
            ("warning", emit_at(30)),
            ("error", emit_at(40)),
            ("critical", emit_at(50)),
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
                let path = match args.first() {
                    Some(Value::Str(p)) => p.to_string(),
                    Some(Value::None) | None => {
                        return Err(interp
                            .type_error("expected str, bytes or os.PathLike object, not NoneType"))
                    }
                    Some(other) => interp.py_str(other)?,
                };
                let full = crate::fs::join(&interp.cwd, &path);
                let text = match interp.fs.read_to_string(&full) {
                    Ok(t) => t,
                    Err(_) => {
                        let msg = format!(
                            "{} is an empty file",
                            crate::python::runtime::value::repr_str(&path)
                        );
                        let err = interp.new_error("RuntimeError", &msg);
                        return Err(err);
                    }
                };
                let ini = crate::config::IniFile::parse(&text, &path)
                    .map_err(|e| interp.new_error("RuntimeError", &e.message))?;
                let cfg =
                    LogConfig::from_ini(&ini).map_err(|e| interp.new_error("KeyError", &e))?;
                interp.log_config = Some(Rc::new(cfg));
                interp.logging_config = Some(path);
                Ok(Value::None)
            }),
        )],
    ))
}
