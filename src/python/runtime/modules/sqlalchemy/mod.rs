//! The `sqlalchemy` package as the playground's Python sees it: types, schema objects,
//! declarative mapping and `sqlalchemy.exc`, all building `crate::schema` data.

pub mod dml;
pub mod orm;
pub mod schema;
pub mod types;

use std::rc::Rc;

use super::{module, native_class};
use crate::python::runtime::builtins::builtin;
use crate::python::runtime::value::{Class, Module, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::schema::{Dialect, SchemaError};

/// The exception classes of `sqlalchemy.exc`, each with its base.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("SQLAlchemyError", "Exception"),
    ("ArgumentError", "SQLAlchemyError"),
    ("InvalidRequestError", "SQLAlchemyError"),
    ("NoReferenceError", "InvalidRequestError"),
    ("NoReferencedTableError", "NoReferenceError"),
    ("NoReferencedColumnError", "NoReferenceError"),
    ("DuplicateColumnError", "ArgumentError"),
    ("CompileError", "SQLAlchemyError"),
    ("UnsupportedCompilationError", "CompileError"),
    ("ObjectNotExecutableError", "ArgumentError"),
    ("CircularDependencyError", "SQLAlchemyError"),
    ("NoSuchTableError", "InvalidRequestError"),
    ("StatementError", "SQLAlchemyError"),
    ("DBAPIError", "StatementError"),
    ("OperationalError", "DBAPIError"),
    ("IntegrityError", "DBAPIError"),
    ("ProgrammingError", "DBAPIError"),
    ("DatabaseError", "DBAPIError"),
    ("NoSuchModuleError", "ArgumentError"),
];

fn exc(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let mut made: Vec<(&str, Rc<Class>)> = Vec::new();
    for &(name, base) in EXCEPTIONS {
        let base = made
            .iter()
            .find(|(n, _)| *n == base)
            .map(|(_, c)| Rc::clone(c))
            .unwrap_or_else(|| interp.types.exception(base));
        let cls = native_class(interp, name, "sqlalchemy.exc", vec![base], Vec::new())?;
        made.push((name, cls));
    }
    let items = made
        .into_iter()
        .map(|(n, c)| (n, Value::Class(c)))
        .collect();
    Ok(module(interp, "sqlalchemy.exc", items))
}

/// A `sqlalchemy.exc.<class>` error with `message`.
pub fn sa_error(interp: &mut Interp<'_>, class: &str, message: &str) -> PyErr {
    let cls = interp
        .import_by_name("sqlalchemy.exc")
        .ok()
        .and_then(|m| m.dict.borrow().get(class).cloned());
    match cls {
        Some(Value::Class(ref cls)) => {
            let value = interp.make_exception(cls, vec![Value::str(message)]);
            PyErr::new(value)
        }
        _ => interp.new_error("Exception", message),
    }
}

pub fn schema_error(interp: &mut Interp<'_>, e: SchemaError) -> PyErr {
    sa_error(interp, e.class, &e.message)
}

/// A class of the `sqlalchemy` package by name (for building objects from Rust).
pub fn sa_class(interp: &mut Interp<'_>, name: &str) -> Result<Rc<Class>, PyErr> {
    let m = interp.import_by_name("sqlalchemy.sql.schema")?;
    let found = m.dict.borrow().get(name).cloned();
    match found {
        Some(Value::Class(ref c)) => Ok(Rc::clone(c)),
        _ => Err(interp.new_error("ImportError", &format!("sqlalchemy has no '{name}'"))),
    }
}

/// `dialect=` of `compile()`: a dialect object or a name.
pub fn dialect_arg(interp: &mut Interp<'_>, v: Option<&Value>) -> Result<Dialect, PyErr> {
    let name = match v {
        None | Some(Value::None) => return Ok(Dialect::Sqlite),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => interp
            .get_attr(other, "name")
            .map(|n| interp.str_lossy(&n))?,
    };
    Ok(if name.starts_with("postgres") {
        Dialect::Postgresql
    } else {
        Dialect::Sqlite
    })
}

/// `sqlalchemy.sql.schema`: where the schema classes live (`sqlalchemy` re-exports them).
fn sql_schema(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let mut items: Vec<(&str, Value)> = Vec::new();
    let class = |interp: &mut Interp<'_>,
                 name: &'static str,
                 methods: Vec<(&str, Value)>|
     -> Result<Value, PyErr> {
        let cls = native_class(
            interp,
            name,
            "sqlalchemy.sql.schema",
            vec![Rc::clone(&object)],
            methods,
        )?;
        Ok(Value::Class(cls))
    };
    let column_methods = |owner: &str| {
        let mut methods = vec![(
            "__getattr__",
            builtin("__getattr__", owner, schema::column_getattr),
        )];
        // Comparisons build SQL expressions, as SQLAlchemy's column operators do.
        let ops: [(&str, &'static str); 6] = [
            ("__eq__", "="),
            ("__ne__", "!="),
            ("__lt__", "<"),
            ("__le__", "<="),
            ("__gt__", ">"),
            ("__ge__", ">="),
        ];
        for (name, op) in ops {
            methods.push((
                name,
                builtin(name, owner, move |i, a, _| dml::compare(i, &a, op)),
            ));
        }
        methods
    };
    let column = class(
        interp,
        "Column",
        [
            vec![(
                "__init__",
                builtin("__init__", "Column", |i, a, k| {
                    schema::column_init(i, a, k, false)
                }),
            )],
            column_methods("Column"),
        ]
        .concat(),
    )?;
    items.push(("Column", column));
    let mapped_column = class(
        interp,
        "MappedColumn",
        [
            vec![(
                "__init__",
                builtin("__init__", "MappedColumn", |i, a, k| {
                    schema::column_init(i, a, k, true)
                }),
            )],
            column_methods("MappedColumn"),
        ]
        .concat(),
    )?;
    items.push(("MappedColumn", mapped_column));
    items.push((
        "InstrumentedAttribute",
        class(
            interp,
            "InstrumentedAttribute",
            column_methods("InstrumentedAttribute"),
        )?,
    ));
    items.push((
        "ForeignKey",
        class(
            interp,
            "ForeignKey",
            vec![(
                "__init__",
                builtin("__init__", "ForeignKey", schema::foreign_key),
            )],
        )?,
    ));
    let constraints: [(&'static str, schema::NativeInit); 5] = [
        ("UniqueConstraint", schema::unique_constraint),
        ("PrimaryKeyConstraint", schema::primary_key_constraint),
        ("CheckConstraint", schema::check_constraint),
        ("ForeignKeyConstraint", schema::foreign_key_constraint),
        ("Index", schema::index),
    ];
    for (name, init) in constraints {
        items.push((
            name,
            class(
                interp,
                name,
                vec![("__init__", builtin("__init__", name, init))],
            )?,
        ));
    }
    let table_methods = |owner: &str, init: Option<schema::NativeInit>| {
        let mut methods = vec![(
            "__getattr__",
            builtin("__getattr__", owner, schema::table_getattr),
        )];
        if let Some(init) = init {
            methods.push(("__init__", builtin("__init__", owner, init)));
        }
        for kind in ["insert", "update", "delete"] {
            methods.push((
                kind,
                builtin(kind, owner, move |i, a, _| dml::statement(i, a, kind)),
            ));
        }
        methods
    };
    items.push((
        "Table",
        class(
            interp,
            "Table",
            table_methods("Table", Some(schema::table_init)),
        )?,
    ));
    items.push((
        "TableClause",
        class(interp, "TableClause", table_methods("TableClause", None))?,
    ));
    items.push((
        "ColumnClause",
        class(
            interp,
            "ColumnClause",
            [
                vec![(
                    "__init__",
                    builtin("__init__", "ColumnClause", |i, a, k| {
                        schema::column_init(i, a, k, false)
                    }),
                )],
                column_methods("ColumnClause"),
            ]
            .concat(),
        )?,
    ));
    items.push((
        "TextClause",
        class(
            interp,
            "TextClause",
            vec![(
                "bindparams",
                builtin("bindparams", "TextClause", dml::bindparams),
            )],
        )?,
    ));
    for (name, methods) in dml::classes() {
        items.push((name, class(interp, name, methods)?));
    }
    items.push((
        "ColumnCollection",
        class(
            interp,
            "ColumnCollection",
            vec![
                (
                    "__getattr__",
                    builtin(
                        "__getattr__",
                        "ColumnCollection",
                        schema::collection_getattr,
                    ),
                ),
                (
                    "__iter__",
                    builtin("__iter__", "ColumnCollection", schema::collection_iter),
                ),
                (
                    "__getitem__",
                    builtin("__getitem__", "ColumnCollection", |i, a, k| {
                        schema::collection_getattr(i, a, k)
                    }),
                ),
            ],
        )?,
    ));
    items.push((
        "MetaData",
        class(
            interp,
            "MetaData",
            vec![(
                "__init__",
                builtin("__init__", "MetaData", schema::metadata_init),
            )],
        )?,
    ));
    for name in ["Function", "True_", "False_", "DefaultClause", "conv"] {
        items.push((name, class(interp, name, Vec::new())?));
    }
    items.push((
        "_FunctionGenerator",
        class(
            interp,
            "_FunctionGenerator",
            vec![(
                "__getattr__",
                builtin("__getattr__", "func", schema::func_getattr),
            )],
        )?,
    ));
    Ok(module(interp, "sqlalchemy.sql.schema", items))
}

/// `sqlalchemy.types`: the type classes.
fn sql_types(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let classes = types::type_classes(interp)?;
    let items = classes
        .into_iter()
        .map(|(n, c)| (n, Value::Class(c)))
        .collect();
    Ok(module(interp, "sqlalchemy.types", items))
}

/// The top-level `sqlalchemy` package. It builds its submodules (`sqlalchemy.exc`,
/// `.types`, `.sql.schema`, `.sql`, `.schema`) itself and enters them in `sys.modules`: a
/// submodule's import imports its parent first, so the parent cannot import them by name.
pub(crate) fn sqlalchemy(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let exc_mod = exc(interp)?;
    interp
        .modules
        .insert("sqlalchemy.exc".into(), Rc::clone(&exc_mod));
    let types_mod = sql_types(interp)?;
    interp
        .modules
        .insert("sqlalchemy.types".into(), Rc::clone(&types_mod));
    let schema_mod = sql_schema(interp)?;
    interp
        .modules
        .insert("sqlalchemy.sql.schema".into(), Rc::clone(&schema_mod));
    let mut items: Vec<(&str, Value)> = Vec::new();
    let copy = |m: &Rc<Module>, items: &mut Vec<(&str, Value)>, names: &[&'static str]| {
        for &n in names {
            if let Some(v) = m.dict.borrow().get(n) {
                items.push((n, v.clone()));
            }
        }
    };
    copy(&schema_mod, &mut items, SCHEMA_NAMES);
    let type_names: Vec<&'static str> = crate::schema::types::TYPE_CLASSES
        .iter()
        .map(|t| t.1)
        .collect();
    copy(&types_mod, &mut items, &type_names);
    let generator = schema_mod.dict.borrow().get("_FunctionGenerator").cloned();
    if let Some(g) = generator {
        let func = interp.call(&g, Vec::new(), Vec::new())?;
        items.push(("func", func));
    }
    items.push(("text", builtin("text", "sqlalchemy", schema::text)));
    items.push((
        "engine_from_config",
        builtin(
            "engine_from_config",
            "sqlalchemy",
            super::alembic::context::engine_from_config,
        ),
    ));
    items.push((
        "create_engine",
        builtin(
            "create_engine",
            "sqlalchemy",
            super::alembic::context::create_engine,
        ),
    ));
    items.push(("table", builtin("table", "sqlalchemy", dml::table_clause)));
    let column_clause = schema_mod.dict.borrow().get("ColumnClause").cloned();
    if let Some(cc) = column_clause {
        items.push((
            "column",
            builtin("column", "sqlalchemy", move |i, a, k| i.call(&cc, a, k)),
        ));
    }
    for (name, op) in [("and_", "AND"), ("or_", "OR"), ("not_", "NOT")] {
        items.push((
            name,
            builtin(name, "sqlalchemy", move |i, a, _| {
                dml::boolean_op(i, &a, op)
            }),
        ));
    }
    items.push((
        "true",
        builtin("true", "sqlalchemy", |i, _, _| schema::boolean(i, true)),
    ));
    items.push((
        "false",
        builtin("false", "sqlalchemy", |i, _, _| schema::boolean(i, false)),
    ));
    let sql_items: Vec<(&str, Value)> = items
        .iter()
        .filter(|(n, _)| {
            matches!(
                *n,
                "text" | "func" | "true" | "false" | "table" | "column" | "and_" | "or_" | "not_"
            )
        })
        .cloned()
        .chain([("schema", Value::Module(Rc::clone(&schema_mod)))])
        .collect();
    let sql_mod = module(interp, "sqlalchemy.sql", sql_items);
    package(&sql_mod);
    interp
        .modules
        .insert("sqlalchemy.sql".into(), Rc::clone(&sql_mod));
    let mut schema_items: Vec<(&str, Value)> = Vec::new();
    copy(&schema_mod, &mut schema_items, SCHEMA_NAMES);
    schema_items.push(("conv", builtin("conv", "sqlalchemy.schema", schema::conv)));
    let public_schema = module(interp, "sqlalchemy.schema", schema_items);
    interp
        .modules
        .insert("sqlalchemy.schema".into(), public_schema);
    items.push(("exc", Value::Module(exc_mod)));
    items.push(("types", Value::Module(types_mod)));
    items.push(("sql", Value::Module(sql_mod)));
    items.push(("__version__", Value::str("2.1.9")));
    let top = module(interp, "sqlalchemy", items);
    package(&top);
    Ok(top)
}

const SCHEMA_NAMES: &[&str] = &[
    "Column",
    "ForeignKey",
    "UniqueConstraint",
    "PrimaryKeyConstraint",
    "CheckConstraint",
    "ForeignKeyConstraint",
    "Index",
    "Table",
    "MetaData",
];

/// Marks a native module as a package whose submodules are native too.
pub(crate) fn package(m: &Rc<Module>) {
    let path = Value::list(vec![Value::str(
        crate::python::runtime::import::SITE_PACKAGES,
    )]);
    m.dict.borrow_mut().insert(Rc::from("__path__"), path);
}

/// A submodule that `sqlalchemy` builds: importing it means importing the package.
pub(crate) fn built_by_parent(interp: &mut Interp<'_>, name: &str) -> Result<Rc<Module>, PyErr> {
    interp.import_by_name("sqlalchemy")?;
    match interp.modules.get(name) {
        Some(m) => Ok(Rc::clone(m)),
        None => Err(interp.new_error("ImportError", &format!("No module named '{name}'"))),
    }
}

/// `sqlalchemy.pool`: the pool classes env.py names (`pool.NullPool`); a playground engine
/// opens its database per connection, so they only need to exist.
pub(crate) fn pool(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    interp.import_by_name("sqlalchemy")?;
    let object = Rc::clone(&interp.types.object);
    let mut items = Vec::new();
    for name in [
        "Pool",
        "NullPool",
        "StaticPool",
        "QueuePool",
        "SingletonThreadPool",
    ] {
        let cls = native_class(
            interp,
            name,
            "sqlalchemy.pool.impl",
            vec![Rc::clone(&object)],
            Vec::new(),
        )?;
        items.push((name, Value::Class(cls)));
    }
    Ok(module(interp, "sqlalchemy.pool", items))
}

/// `sqlalchemy.engine`: `Connection`, `Engine` and `engine_from_config`.
pub(crate) fn engine_module(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let sa = interp.import_by_name("sqlalchemy")?;
    let schema_mod = interp.import_by_name("sqlalchemy.sql.schema")?;
    let mut items: Vec<(&str, Value)> = Vec::new();
    for n in ["Connection", "Engine"] {
        if let Some(v) = schema_mod.dict.borrow().get(n) {
            items.push((n, v.clone()));
        }
    }
    for n in ["engine_from_config", "create_engine"] {
        if let Some(v) = sa.dict.borrow().get(n) {
            items.push((n, v.clone()));
        }
    }
    Ok(module(interp, "sqlalchemy.engine", items))
}
