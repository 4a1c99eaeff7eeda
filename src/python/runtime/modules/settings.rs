//! `pydantic`, `pydantic_settings` and `dotenv`: settings classes read from the environment
//! and `.env` files, as the tutorial's `app/core/config.py` does.

use std::cell::RefCell;
use std::rc::Rc;

use super::{kwarg, module, native_class};
use crate::fs;
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::value::{Class, Dict, HashKey, Module, Value};
use crate::python::runtime::{Interp, PyErr};

/// `pydantic.BaseModel` and `Field`: keyword arguments become attributes, defaults come from
/// the class.
pub(super) fn pydantic(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
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

pub(super) fn annotated_fields(
    interp: &mut Interp<'_>,
    cls: &Rc<Class>,
) -> Result<Vec<(String, Value)>, PyErr> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let lineage: Vec<Rc<Class>> = cls.lineage().cloned().collect();
    for c in lineage.iter().rev() {
        let ann = c.dict.borrow().get("__annotations__").cloned();
        if let Some(Value::Dict(ref d)) = ann {
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

pub(super) fn field_default(_: &mut Interp<'_>, value: &Value) -> Result<Value, PyErr> {
    Ok(value.clone())
}

/// `pydantic_settings.BaseSettings`: each annotated field is read from the environment
/// (case-insensitively), then from the `.env` file named by `model_config`, then from the
/// class default, as pydantic-settings does.
pub(super) fn pydantic_settings(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let pydantic = interp.import_by_name("pydantic")?;
    let base_model = match pydantic.dict.borrow().get("BaseModel").cloned() {
        Some(Value::Class(ref c)) => Rc::clone(c),
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
pub(super) fn settings_env_file(
    interp: &mut Interp<'_>,
    cls: &Rc<Class>,
) -> Result<Option<String>, PyErr> {
    if let Some(Value::Dict(ref d)) = cls.lookup("model_config") {
        if let Some(Value::Str(f)) = d.borrow().get(&HashKey::Str(Rc::from("env_file"))) {
            return Ok(Some(f.to_string()));
        }
    }
    if let Some(config @ Value::Class(_)) = cls.lookup("Config") {
        if let Ok(Value::Str(ref f)) = interp.get_attr(&config, "env_file") {
            return Ok(Some(f.to_string()));
        }
    }
    Ok(None)
}

/// `KEY=value` lines of a `.env` file, with `#` comments, `export` and quotes.
pub(super) fn read_dotenv(interp: &mut Interp<'_>, path: &str) -> Vec<(String, String)> {
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
pub(super) fn coerce(
    interp: &mut Interp<'_>,
    raw: Value,
    annotation: &Value,
) -> Result<Value, PyErr> {
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
pub(super) fn dotenv(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
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
