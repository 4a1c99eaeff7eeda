//! Native modules: the parts of the standard library and of third-party packages that the
//! playground's files import, implemented in Rust. `sqlalchemy` and `alembic` are registered
//! here and filled in by the schema and command-line layers.

use std::rc::Rc;

use indexmap::IndexMap;

use super::call::Kwargs;
use super::{Interp, PyErr};
use crate::python::runtime::import::{SITE_PACKAGES, STDLIB_DIR};
use crate::python::runtime::value::{Class, Module, Namespace, Value};

mod alembic;
mod logging;
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
    let modules: [(&'static str, super::NativeModuleInit); 27] = [
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
    interp.native_modules.insert("alembic.context", not_yet);
    let mut path = interp.sys_path.borrow_mut();
    path.push(Value::str(STDLIB_DIR));
    path.push(Value::str(SITE_PACKAGES));
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

fn not_yet(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    Err(interp.new_error(
        "ImportError",
        "this playground build does not have SQLAlchemy and Alembic's Python API yet; they arrive with the models and command-line layers",
    ))
}
