//! Native modules: the parts of the standard library and of third-party packages that the
//! playground's files import, implemented in Rust. `sqlalchemy` and `alembic` are registered
//! here and filled in by the schema and command-line layers.

use std::rc::Rc;

use indexmap::IndexMap;

use super::call::Kwargs;
use super::{Interp, PyErr};
use crate::python::runtime::import::{SITE_PACKAGES, STDLIB_DIR};
use crate::python::runtime::value::{Class, Module, Namespace, Value};

pub mod alembic;
pub mod logging;
mod settings;
pub mod sqlalchemy;
mod system;
mod typing;
mod values;

use logging::{logging, logging_config};
use settings::{dotenv, pydantic, pydantic_settings};
use system::{os, os_path, pathlib, sys};
use typing::{enum_module, typing};
use values::{datetime, decimal, uuid};

pub fn register(interp: &mut Interp<'_>) {
    let modules: [(&'static str, super::NativeModuleInit); 29] = [
        ("__future__", future),
        ("sqlite3", sqlite3),
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
        ("sqlalchemy", sqlalchemy::sqlalchemy),
        ("sqlalchemy.exc", |i| {
            sqlalchemy::built_by_parent(i, "sqlalchemy.exc")
        }),
        ("sqlalchemy.types", |i| {
            sqlalchemy::built_by_parent(i, "sqlalchemy.types")
        }),
        ("sqlalchemy.sql", |i| {
            sqlalchemy::built_by_parent(i, "sqlalchemy.sql")
        }),
        ("sqlalchemy.sql.schema", |i| {
            sqlalchemy::built_by_parent(i, "sqlalchemy.sql.schema")
        }),
        ("sqlalchemy.schema", |i| {
            sqlalchemy::built_by_parent(i, "sqlalchemy.schema")
        }),
        ("sqlalchemy.orm", sqlalchemy::orm::orm),
        (
            "sqlalchemy.ext.declarative",
            sqlalchemy::orm::declarative_module,
        ),
        ("alembic", alembic::alembic),
        ("alembic.op", alembic::op),
        ("alembic.operations", alembic::operations),
        ("alembic.util", alembic::util),
        ("alembic.util.exc", alembic::util_exc),
    ];
    for (name, init) in modules {
        interp.native_modules.insert(name, init);
    }
    interp
        .native_modules
        .insert("alembic.context", alembic::context::context_module);
    interp
        .native_modules
        .insert("alembic.config", alembic::context::config_module);
    interp
        .native_modules
        .insert("sqlalchemy.pool", sqlalchemy::pool);
    interp
        .native_modules
        .insert("sqlalchemy.engine", sqlalchemy::engine_module);
    let mut path = interp.sys_path.borrow_mut();
    path.push(Value::str(STDLIB_DIR));
    path.push(Value::str(SITE_PACKAGES));
}

/// `__future__`: the features `from __future__ import ...` accepts, with CPython 3.11's
/// release data (for their repr). `annotations` postpones annotations to strings (the
/// evaluator checks for it).
fn future(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    const FEATURES: [(&str, &str, &str, u32); 10] = [
        (
            "nested_scopes",
            "(2, 1, 0, 'beta', 1)",
            "(2, 2, 0, 'alpha', 0)",
            16,
        ),
        (
            "generators",
            "(2, 2, 0, 'alpha', 1)",
            "(2, 3, 0, 'final', 0)",
            0,
        ),
        (
            "division",
            "(2, 2, 0, 'alpha', 2)",
            "(3, 0, 0, 'alpha', 0)",
            131072,
        ),
        (
            "absolute_import",
            "(2, 5, 0, 'alpha', 1)",
            "(3, 0, 0, 'alpha', 0)",
            262144,
        ),
        (
            "with_statement",
            "(2, 5, 0, 'alpha', 1)",
            "(2, 6, 0, 'alpha', 0)",
            524288,
        ),
        (
            "print_function",
            "(2, 6, 0, 'alpha', 2)",
            "(3, 0, 0, 'alpha', 0)",
            1048576,
        ),
        (
            "unicode_literals",
            "(2, 6, 0, 'alpha', 2)",
            "(3, 0, 0, 'alpha', 0)",
            2097152,
        ),
        (
            "barry_as_FLUFL",
            "(3, 1, 0, 'alpha', 2)",
            "(4, 0, 0, 'alpha', 0)",
            4194304,
        ),
        (
            "generator_stop",
            "(3, 5, 0, 'beta', 1)",
            "(3, 7, 0, 'alpha', 0)",
            8388608,
        ),
        ("annotations", "(3, 7, 0, 'beta', 1)", "None", 16777216),
    ];
    let object = Rc::clone(&interp.types.object);
    let repr =
        crate::python::runtime::builtins::builtin("__repr__", "_Feature", |interp, args, _| {
            let this = crate::python::runtime::builtins::arg(&args, 0);
            interp.get_attr(&this, "_repr")
        });
    let feature = native_class(
        interp,
        "_Feature",
        "__future__",
        vec![object],
        vec![("__repr__", repr)],
    )?;
    let mut items = Vec::new();
    for (name, optional, mandatory, flag) in FEATURES {
        let f = interp.new_instance(&feature);
        let text = format!("_Feature({optional}, {mandatory}, {flag})");
        interp.set_attr(&f, "_repr", Value::str(&text))?;
        items.push((name, f));
    }
    Ok(module(interp, "__future__", items))
}

/// `sqlite3`: the DBAPI's exception classes (SQLAlchemy chains them under its own) and the
/// library version.
fn sqlite3(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    const CLASSES: [(&str, &str); 10] = [
        ("Warning", "Exception"),
        ("Error", "Exception"),
        ("InterfaceError", "Error"),
        ("DatabaseError", "Error"),
        ("DataError", "DatabaseError"),
        ("OperationalError", "DatabaseError"),
        ("IntegrityError", "DatabaseError"),
        ("InternalError", "DatabaseError"),
        ("ProgrammingError", "DatabaseError"),
        ("NotSupportedError", "DatabaseError"),
    ];
    let mut made: Vec<(&str, Rc<Class>)> = Vec::new();
    for (name, base) in CLASSES {
        let base = made
            .iter()
            .find(|(n, _)| *n == base)
            .map(|(_, c)| Rc::clone(c))
            .unwrap_or_else(|| interp.types.exception(base));
        let cls = native_class(interp, name, "sqlite3", vec![base], Vec::new())?;
        made.push((name, cls));
    }
    let mut items: Vec<(&str, Value)> = made
        .into_iter()
        .map(|(n, c)| (n, Value::Class(c)))
        .collect();
    items.push(("sqlite_version", Value::str(crate::db::sqlite_version())));
    Ok(module(interp, "sqlite3", items))
}

pub(super) fn module(interp: &mut Interp<'_>, name: &str, items: Vec<(&str, Value)>) -> Rc<Module> {
    let m = interp.new_module(name, None);
    for (k, v) in items {
        m.dict.borrow_mut().insert(Rc::from(k), v);
    }
    m
}

pub(super) fn native_class(
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

pub(super) fn kwarg(kw: &Kwargs, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}
