//! `alembic` and `alembic.op`: the directives a migration script calls (`op.create_table`,
//! `op.add_column`, ...), which build schema objects, turn them into SQL through
//! `crate::ddl::Impl`, and run it through the current `crate::runtime::MigrationContext`.

use std::rc::Rc;

mod batch;
pub mod context;

use super::kwarg;
use super::sqlalchemy::dml::{self, op_error, to_dml};
use super::sqlalchemy::schema::{name_arg, new_object, sql_text, ConvName, TableObj};
use super::sqlalchemy::{sa_class, sa_error};
use super::{module, native_class};
use crate::ddl::{AlterColumn, Impl};
use crate::operations::batch::BatchOp;
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Module, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::runtime::{MigrationContext, Params};
use crate::schema::dml::Statement;
use crate::schema::{
    self, Constraint, ConstraintKind, ForeignKeySpec, Index, IndexItem, Name, PrimaryKey, Table,
};

type Directive = fn(&mut Interp<'_>, &[Value], &Kwargs) -> Result<Value, PyErr>;

const DIRECTIVES: &[(&str, Directive)] = &[
    ("create_table", create_table),
    ("drop_table", drop_table),
    ("rename_table", rename_table),
    ("add_column", add_column),
    ("drop_column", drop_column),
    ("alter_column", alter_column),
    ("create_index", create_index),
    ("drop_index", drop_index),
    ("create_unique_constraint", create_unique_constraint),
    ("create_foreign_key", create_foreign_key),
    ("create_check_constraint", create_check_constraint),
    ("create_primary_key", create_primary_key),
    ("drop_constraint", drop_constraint),
    ("create_table_comment", create_table_comment),
    ("drop_table_comment", drop_table_comment),
    ("execute", execute),
    ("bulk_insert", bulk_insert),
    ("get_bind", get_bind),
    ("batch_alter_table", batch::batch_alter_table),
];

pub(in crate::python::runtime::modules) fn alembic(
    interp: &mut Interp<'_>,
) -> Result<Rc<Module>, PyErr> {
    let m = module(
        interp,
        "alembic",
        vec![("__version__", Value::str("1.20.1"))],
    );
    super::sqlalchemy::package(&m);
    Ok(m)
}

/// `alembic.util` and `alembic.util.exc`: `CommandError`, the error Alembic reports as
/// `FAILED: ...` on the command line.
pub(in crate::python::runtime::modules) fn util_exc(
    interp: &mut Interp<'_>,
) -> Result<Rc<Module>, PyErr> {
    let base = interp.types.exception("Exception");
    let cls = native_class(
        interp,
        "CommandError",
        "alembic.util.exc",
        vec![base],
        Vec::new(),
    )?;
    Ok(module(
        interp,
        "alembic.util.exc",
        vec![("CommandError", Value::Class(cls))],
    ))
}

pub(in crate::python::runtime::modules) fn util(
    interp: &mut Interp<'_>,
) -> Result<Rc<Module>, PyErr> {
    let m = module(interp, "alembic.util", Vec::new());
    super::sqlalchemy::package(&m);
    interp.modules.insert("alembic.util".into(), Rc::clone(&m));
    let exc = interp.import_by_name("alembic.util.exc")?;
    let cls = exc
        .dict
        .borrow()
        .get("CommandError")
        .cloned()
        .unwrap_or(Value::None);
    m.dict.borrow_mut().insert(Rc::from("CommandError"), cls);
    m.dict
        .borrow_mut()
        .insert(Rc::from("exc"), Value::Module(exc));
    Ok(m)
}

/// `alembic.operations`: where `BatchOperations`, the class of `batch_op`, lives.
pub(in crate::python::runtime::modules) fn operations(
    interp: &mut Interp<'_>,
) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let batch = native_class(
        interp,
        "BatchOperations",
        "alembic.operations.base",
        vec![object],
        batch::methods(),
    )?;
    Ok(module(
        interp,
        "alembic.operations",
        vec![("BatchOperations", Value::Class(batch))],
    ))
}

pub(in crate::python::runtime::modules) fn op(
    interp: &mut Interp<'_>,
) -> Result<Rc<Module>, PyErr> {
    let mut items: Vec<(&str, Value)> = Vec::new();
    for &(name, f) in DIRECTIVES {
        items.push((
            name,
            builtin(name, "alembic.op", move |interp, args, kw| {
                if interp.migration.is_none() {
                    return Err(interp.new_error(
                        "NameError",
                        &format!("Can't invoke function '{name}', as the proxy object has not yet been established for the Alembic 'Operations' class.  Try placing this code inside a callable."),
                    ));
                }
                f(interp, &args, &kw).map_err(|e| {
                    let e = with_signature_frame(interp, name, e);
                    with_op_frames(interp, frames_key(name, &kw), e)
                })
            }),
        ));
    }
    items.push((
        "inline_literal",
        builtin("inline_literal", "alembic.op", dml::inline_literal),
    ));
    items.push((
        "f",
        builtin("f", "alembic.op", |interp, args, _| {
            let name = interp.str_lossy(&arg(&args, 0));
            new_object(interp, "conv", ConvName(name))
        }),
    ));
    let m = module(interp, "alembic.op", items);
    // `from alembic import op` finds the module as an attribute of the package.
    if let Ok(parent) = interp.import_by_name("alembic") {
        parent
            .dict
            .borrow_mut()
            .insert(Rc::from("op"), Value::Module(Rc::clone(&m)));
    }
    Ok(m)
}

/// The frames Alembic and SQLAlchemy add when a directive fails, per directive and kind of
/// failure, recorded by tools/record/record_op_frames.py.
const OP_FRAMES: &str = include_str!("../../../../command/op_frames.txt");

/// The recorded section `== <key>`, with the virtualenv's path filled in.
pub fn recorded_frames(key: &str) -> Option<String> {
    let venv = crate::python::runtime::SITE_PACKAGES
        .strip_suffix("/lib/python3.11/site-packages")
        .unwrap_or("");
    OP_FRAMES
        .split("\n== ")
        .map(|s| s.trim_start_matches("== "))
        .find(|s| s.lines().next() == Some(key))
        .map(|s| {
            let body = s.split_once('\n').map(|(_, b)| b).unwrap_or("");
            body.replace("{venv}", venv)
                .replace("{stdlib}", crate::python::runtime::STDLIB_DIR)
        })
}

/// Which recorded probe a failed directive's frames come from. Alembic's `alter_column`
/// runs nullable, then server_default, then type_, each `_exec` from its own line; on SQLite
/// the first one it runs is the one that fails.
fn frames_key(name: &'static str, kw: &Kwargs) -> &'static str {
    if name != "alter_column" {
        return name;
    }
    let given = |k: &str| kwarg(kw, k).is_some_and(|v| !matches!(v, Value::None));
    if given("nullable") {
        "alter_column"
    } else if kwarg(kw, "server_default").is_some_and(|v| !matches!(v, Value::Bool(false))) {
        "alter_column_default"
    } else if given("type_") {
        "alter_column_type"
    } else {
        "alter_column"
    }
}

/// A `TypeError` from binding a directive's arguments, which real Alembic raises in the
/// proxy function `op` builds for the directive.
fn is_signature_error(message: &str, name: &str) -> bool {
    message
        .strip_prefix(name)
        .and_then(|m| m.strip_prefix("() "))
        .is_some_and(|m| {
            m.starts_with("missing ")
                || m.starts_with("got an unexpected keyword argument")
                || m.starts_with("got multiple values")
                || m.starts_with("takes ")
        })
}

/// Adds the proxy's frame to a `TypeError` from binding the arguments of directive `name`.
fn with_signature_frame(interp: &mut Interp<'_>, name: &str, mut err: PyErr) -> PyErr {
    if interp.class_of(&err.value).name != "TypeError" {
        return err;
    }
    let message = interp.str_lossy(&err.value);
    if is_signature_error(&message, name) {
        // One probe stands for every directive: the proxy differs only in its name.
        if let Some(frames) = recorded_frames("op add_column:signature") {
            let frames = frames.replace("in add_column", &format!("in {name}"));
            err.traceback
                .extend(crate::python::runtime::error::TracebackEntry::verbatim_frames(&frames));
        }
    }
    err
}

/// Gives a failed directive the traceback real Alembic shows: the frames inside Alembic and
/// SQLAlchemy after the script's line and, for a database error, the DBAPI error it came from.
pub(super) fn with_op_frames(interp: &mut Interp<'_>, name: &str, mut err: PyErr) -> PyErr {
    let class = interp.class_of(&err.value);
    let is_db = class.lineage().any(|c| c.name == "DBAPIError");
    let kind = if is_db {
        "db"
    } else if class.name == "NotImplementedError" {
        "notimpl"
    } else if class.name == "ValueError" {
        "value"
    } else {
        return err;
    };
    let Some(frames) = recorded_frames(&format!("op {name}:{kind}")) else {
        return err;
    };
    err.traceback
        .extend(crate::python::runtime::error::TracebackEntry::verbatim_frames(&frames));
    if is_db {
        if let Some(cause_frames) = recorded_frames(&format!("cause {name}:{kind}")) {
            let message = interp.str_lossy(&err.value);
            // `(sqlite3.OperationalError) near "ALTER": syntax error\n[SQL: ...]`
            let (driver_class, driver_message) = message
                .strip_prefix("(sqlite3.")
                .and_then(|m| m.split_once(") "))
                .map(|(c, rest)| (c.to_string(), rest.lines().next().unwrap_or("").to_string()))
                .unwrap_or_else(|| ("OperationalError".into(), message.clone()));
            let cls = interp
                .import_by_name("sqlite3")
                .ok()
                .and_then(|m| m.dict.borrow().get(driver_class.as_str()).cloned());
            if let Some(Value::Class(ref cls)) = cls {
                let value = interp.make_exception(cls, vec![Value::str(&driver_message)]);
                let mut cause = PyErr::new(value);
                cause.traceback =
                    crate::python::runtime::error::TracebackEntry::verbatim_frames(&cause_frames);
                err.cause = Some(Box::new(cause));
            }
        }
    }
    err
}

pub(super) fn ctx(interp: &Interp<'_>) -> Rc<MigrationContext> {
    Rc::clone(
        interp
            .migration
            .as_ref()
            .expect("checked by the directive wrapper"),
    )
}

/// Runs each statement in turn, stopping at the first failure.
pub(super) fn run_all(interp: &mut Interp<'_>, statements: Vec<String>) -> Result<(), PyErr> {
    let ctx = ctx(interp);
    for sql in statements {
        let mark = interp.output.len();
        ctx.execute(&sql, Params::None, mark)
            .map_err(|e| op_error(interp, e))?;
    }
    Ok(())
}

pub(super) fn imp(interp: &Interp<'_>) -> Impl {
    Impl::new(ctx(interp).dialect)
}

pub(super) fn opt_string(interp: &mut Interp<'_>, v: Option<Value>) -> Option<String> {
    match v {
        None | Some(Value::None) => None,
        Some(v) => Some(interp.str_lossy(&v)),
    }
}

pub(super) fn flag(interp: &mut Interp<'_>, v: Option<Value>) -> Result<bool, PyErr> {
    match v {
        None | Some(Value::None) => Ok(false),
        Some(v) => interp.truthy(&v),
    }
}

/// Positional argument `i`, or keyword `name`.
pub(super) fn param(args: &[Value], kw: &Kwargs, i: usize, name: &str) -> Option<Value> {
    args.get(i).cloned().or_else(|| kwarg(kw, name))
}

pub(super) fn required(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
    i: usize,
    name: &str,
    func: &str,
) -> Result<Value, PyErr> {
    param(args, kw, i, name).ok_or_else(|| {
        interp.type_error(&format!(
            "{func}() missing 1 required positional argument: '{name}'"
        ))
    })
}

pub(super) fn string_list(interp: &mut Interp<'_>, v: &Value) -> Result<Vec<String>, PyErr> {
    let items = interp.iterate(v)?;
    Ok(items.iter().map(|i| sql_text(interp, i)).collect())
}

/// A fresh `MetaData()` Python object, as Alembic builds tables for directives in one.
fn fresh_metadata(interp: &mut Interp<'_>) -> Result<Value, PyErr> {
    let cls = sa_class(interp, "MetaData")?;
    interp.call(&Value::Class(cls), Vec::new(), Vec::new())
}

/// `Table(name, MetaData(), *items, **kw)` through the Python class, so columns and
/// constraints attach exactly as in models.
pub(super) fn build_table(
    interp: &mut Interp<'_>,
    name: &Value,
    items: &[Value],
    kw: Kwargs,
) -> Result<(Value, Table), PyErr> {
    let md = fresh_metadata(interp)?;
    let cls = sa_class(interp, "Table")?;
    let mut call_args = vec![name.clone(), md];
    call_args.extend(items.iter().cloned());
    let table = interp.call(&Value::Class(cls), call_args, kw)?;
    let data = table
        .payload::<TableObj>()
        .map(|t| t.table.borrow().clone())
        .unwrap_or_default();
    Ok((table, data))
}

fn without(kw: &Kwargs, names: &[&str]) -> Kwargs {
    kw.iter()
        .filter(|(k, _)| !names.contains(&&**k))
        .cloned()
        .collect()
}

fn create_table(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let name = required(interp, args, kw, 0, "table_name", "create_table")?;
    let if_not_exists = flag(interp, kwarg(kw, "if_not_exists"))?;
    let (table, data) = build_table(
        interp,
        &name,
        args.get(1..).unwrap_or_default(),
        without(kw, &["if_not_exists"]),
    )?;
    let statements = imp(interp).create_table(&data, if_not_exists);
    run_all(interp, statements)?;
    Ok(table)
}

fn drop_table(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let name = required(interp, args, kw, 0, "table_name", "drop_table")?;
    let name = interp.str_lossy(&name);
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let if_exists = flag(interp, kwarg(kw, "if_exists"))?;
    let table = Table::new(&name, schema);
    let statements = imp(interp).drop_table(&table, if_exists);
    run_all(interp, statements)?;
    Ok(Value::None)
}

fn rename_table(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let old = required(interp, args, kw, 0, "old_table_name", "rename_table")?;
    let new = required(interp, args, kw, 1, "new_table_name", "rename_table")?;
    let (old, new) = (interp.str_lossy(&old), interp.str_lossy(&new));
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let statements = imp(interp).rename_table(&old, &new, schema.as_deref());
    run_all(interp, statements)?;
    Ok(Value::None)
}

fn add_column(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let name = required(interp, args, kw, 0, "table_name", "add_column")?;
    let column = required(interp, args, kw, 1, "column", "add_column")?;
    let schema = kwarg(kw, "schema").filter(|s| !s.is_none());
    let if_not_exists = flag(interp, kwarg(kw, "if_not_exists"))?;
    let mut table_kw = Vec::new();
    if let Some(s) = schema {
        table_kw.push((Rc::from("schema"), s));
    }
    let (_, data) = build_table(interp, &name, &[column], table_kw)?;
    match imp(interp).add_column(&data, if_not_exists) {
        Ok(statements) => run_all(interp, statements)?,
        Err((statements, e)) => {
            run_all(interp, statements)?;
            return Err(op_error(interp, e));
        }
    }
    Ok(Value::None)
}

fn drop_column(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let table = required(interp, args, kw, 0, "table_name", "drop_column")?;
    let column = required(interp, args, kw, 1, "column_name", "drop_column")?;
    let (table, column) = (interp.str_lossy(&table), interp.str_lossy(&column));
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let if_exists = flag(interp, kwarg(kw, "if_exists"))?;
    let statements = imp(interp).drop_column(&table, schema.as_deref(), &column, if_exists);
    run_all(interp, statements)?;
    Ok(Value::None)
}

/// The changes `alter_column` keywords ask for (`server_default=None` drops the default;
/// leaving it out changes nothing).
pub(super) fn alter_spec(interp: &mut Interp<'_>, kw: &Kwargs) -> Result<AlterColumn, PyErr> {
    let mut alter = AlterColumn::default();
    if let Some(v) = kwarg(kw, "nullable") {
        if !v.is_none() {
            alter.nullable = Some(interp.truthy(&v)?);
        }
    }
    if let Some(v) = kwarg(kw, "server_default") {
        if !matches!(v, Value::Bool(false)) {
            alter.server_default = Some(super::sqlalchemy::schema::server_default(interp, v)?);
        }
    }
    if let Some(t) = kwarg(kw, "type_") {
        if !t.is_none() {
            alter.type_ = Some(super::sqlalchemy::types::sql_type_of(interp, &t)?);
        }
    }
    alter.new_column_name = opt_string(interp, kwarg(kw, "new_column_name"));
    if let Some(v) = kwarg(kw, "comment") {
        if !matches!(v, Value::Bool(false)) {
            alter.comment = Some(opt_string(interp, Some(v)));
        }
    }
    Ok(alter)
}

fn alter_column(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let table = required(interp, args, kw, 0, "table_name", "alter_column")?;
    let column = required(interp, args, kw, 1, "column_name", "alter_column")?;
    let (table, column) = (interp.str_lossy(&table), interp.str_lossy(&column));
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let alter = alter_spec(interp, kw)?;
    match imp(interp).alter_column(&table, schema.as_deref(), &column, &alter) {
        Ok(statements) => run_all(interp, statements)?,
        Err((statements, e)) => {
            run_all(interp, statements)?;
            return Err(op_error(interp, e));
        }
    }
    Ok(Value::None)
}

/// A table holding just the named columns, for indexes and constraints of directives.
pub(super) fn table_with_columns(name: &str, schema: Option<String>, columns: &[String]) -> Table {
    let mut t = Table::new(name, schema);
    for c in columns {
        t.columns.push(schema::Column::new(
            c,
            schema::SqlType::new(schema::TypeKind::NullType),
        ));
    }
    t
}

pub(super) fn index_items(interp: &mut Interp<'_>, v: &Value) -> Result<Vec<IndexItem>, PyErr> {
    let items = interp.iterate(v)?;
    Ok(items
        .iter()
        .map(|i| match i {
            Value::Str(s) => IndexItem::Column(s.to_string()),
            other => IndexItem::Expression(sql_text(interp, other)),
        })
        .collect())
}

fn create_index(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let if_not_exists = flag(interp, kwarg(kw, "if_not_exists"))?;
    let BatchOp::CreateIndex(t, index) = build_index(interp, args, kw)? else {
        unreachable!("build_index builds an index");
    };
    let statements = imp(interp).create_index(&t, &index, if_not_exists);
    run_all(interp, statements)?;
    Ok(Value::None)
}

pub(super) fn build_index(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<BatchOp, PyErr> {
    let name = required(interp, args, kw, 0, "index_name", "create_index")?;
    let table = required(interp, args, kw, 1, "table_name", "create_index")?;
    let columns = required(interp, args, kw, 2, "columns", "create_index")?;
    let name = name_arg(interp, Some(name));
    let table = interp.str_lossy(&table);
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let unique = flag(interp, kwarg(kw, "unique"))?;
    let items = index_items(interp, &columns)?;
    let names: Vec<String> = items
        .iter()
        .filter_map(|i| match i {
            IndexItem::Column(c) => Some(c.clone()),
            IndexItem::Expression(_) => None,
        })
        .collect();
    let t = table_with_columns(&table, schema, &names);
    let index = Index {
        name,
        order: schema::next_order(),
        columns: items,
        unique,
    };
    Ok(BatchOp::CreateIndex(t, index))
}

fn drop_index(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let name = required(interp, args, kw, 0, "index_name", "drop_index")?;
    let name = name_arg(interp, Some(name)).value.unwrap_or_default();
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let if_exists = flag(interp, kwarg(kw, "if_exists"))?;
    let statements = imp(interp).drop_index(&name, schema.as_deref(), if_exists);
    run_all(interp, statements)?;
    Ok(Value::None)
}

/// Runs a constraint or index directive at once, as a batch that never recreates.
fn run_op(interp: &mut Interp<'_>, op: BatchOp) -> Result<Value, PyErr> {
    let statements = match &op {
        BatchOp::AddConstraint(t, c) => imp(interp).add_constraint(t, c),
        BatchOp::AddPrimaryKey(t, pk) => imp(interp).add_primary_key(t, pk),
        BatchOp::CreateIndex(t, i) => Ok(imp(interp).create_index(t, i, false)),
        _ => Ok(Vec::new()),
    }
    .map_err(|e| op_error(interp, e))?;
    run_all(interp, statements)?;
    Ok(Value::None)
}

fn create_unique_constraint(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<Value, PyErr> {
    let op = build_unique_constraint(interp, args, kw)?;
    run_op(interp, op)
}

pub(super) fn build_unique_constraint(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<BatchOp, PyErr> {
    let name = required(
        interp,
        args,
        kw,
        0,
        "constraint_name",
        "create_unique_constraint",
    )?;
    let table = required(
        interp,
        args,
        kw,
        1,
        "table_name",
        "create_unique_constraint",
    )?;
    let columns = required(interp, args, kw, 2, "columns", "create_unique_constraint")?;
    let name = name_arg(interp, Some(name));
    let table = interp.str_lossy(&table);
    let columns = string_list(interp, &columns)?;
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let t = table_with_columns(&table, schema, &columns);
    Ok(BatchOp::AddConstraint(
        t,
        Constraint::new(name, ConstraintKind::Unique { columns }),
    ))
}

fn create_foreign_key(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<Value, PyErr> {
    let op = build_foreign_key(interp, args, kw)?;
    run_op(interp, op)
}

pub(super) fn build_foreign_key(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<BatchOp, PyErr> {
    let name = required(interp, args, kw, 0, "constraint_name", "create_foreign_key")?;
    let source = required(interp, args, kw, 1, "source_table", "create_foreign_key")?;
    let referent = required(interp, args, kw, 2, "referent_table", "create_foreign_key")?;
    let local = required(interp, args, kw, 3, "local_cols", "create_foreign_key")?;
    let remote = required(interp, args, kw, 4, "remote_cols", "create_foreign_key")?;
    let name = name_arg(interp, Some(name));
    let source = interp.str_lossy(&source);
    let referent = interp.str_lossy(&referent);
    let local = string_list(interp, &local)?;
    let remote = string_list(interp, &remote)?;
    let spec = ForeignKeySpec {
        columns: local.clone(),
        ref_schema: opt_string(interp, kwarg(kw, "referent_schema")),
        ref_table: referent,
        ref_columns: remote,
        ondelete: opt_string(interp, kwarg(kw, "ondelete")),
        onupdate: opt_string(interp, kwarg(kw, "onupdate")),
        deferrable: match kwarg(kw, "deferrable") {
            None | Some(Value::None) => None,
            Some(v) => Some(interp.truthy(&v)?),
        },
        initially: opt_string(interp, kwarg(kw, "initially")),
        match_: opt_string(interp, kwarg(kw, "match")),
        use_alter: false,
    };
    let schema = opt_string(interp, kwarg(kw, "source_schema"));
    let t = table_with_columns(&source, schema, &local);
    Ok(BatchOp::AddConstraint(
        t,
        Constraint::new(name, ConstraintKind::ForeignKey(spec)),
    ))
}

fn create_check_constraint(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<Value, PyErr> {
    let op = build_check_constraint(interp, args, kw)?;
    run_op(interp, op)
}

pub(super) fn build_check_constraint(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<BatchOp, PyErr> {
    let name = required(
        interp,
        args,
        kw,
        0,
        "constraint_name",
        "create_check_constraint",
    )?;
    let table = required(interp, args, kw, 1, "table_name", "create_check_constraint")?;
    let condition = required(interp, args, kw, 2, "condition", "create_check_constraint")?;
    let name = name_arg(interp, Some(name));
    let table = interp.str_lossy(&table);
    let sqltext = sql_text(interp, &condition);
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let t = Table::new(&table, schema);
    Ok(BatchOp::AddConstraint(
        t,
        Constraint::new(name, ConstraintKind::Check { sqltext }),
    ))
}

fn create_primary_key(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<Value, PyErr> {
    let op = build_primary_key(interp, args, kw)?;
    run_op(interp, op)
}

pub(super) fn build_primary_key(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<BatchOp, PyErr> {
    let name = required(interp, args, kw, 0, "constraint_name", "create_primary_key")?;
    let table = required(interp, args, kw, 1, "table_name", "create_primary_key")?;
    let columns = required(interp, args, kw, 2, "columns", "create_primary_key")?;
    let name = name_arg(interp, Some(name));
    let table = interp.str_lossy(&table);
    let columns = string_list(interp, &columns)?;
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let t = table_with_columns(&table, schema, &columns);
    let pk = PrimaryKey { name, columns };
    Ok(BatchOp::AddPrimaryKey(t, pk))
}

fn drop_constraint(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let name = required(interp, args, kw, 0, "constraint_name", "drop_constraint")?;
    let table = required(interp, args, kw, 1, "table_name", "drop_constraint")?;
    let name: Name = name_arg(interp, Some(name));
    let table = interp.str_lossy(&table);
    let kind = opt_string(interp, param(args, kw, 2, "type_"));
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let statements = imp(interp)
        .drop_constraint(&table, schema.as_deref(), name.as_deref(), kind.as_deref())
        .map_err(|e| op_error(interp, e))?;
    run_all(interp, statements)?;
    Ok(Value::None)
}

fn create_table_comment(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<Value, PyErr> {
    let table = required(interp, args, kw, 0, "table_name", "create_table_comment")?;
    let comment = required(interp, args, kw, 1, "comment", "create_table_comment")?;
    let table = interp.str_lossy(&table);
    let comment = opt_string(interp, Some(comment));
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let statements = imp(interp).table_comment(&table, schema.as_deref(), comment.as_deref());
    run_all(interp, statements)?;
    Ok(Value::None)
}

fn drop_table_comment(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<Value, PyErr> {
    let table = required(interp, args, kw, 0, "table_name", "drop_table_comment")?;
    let table = interp.str_lossy(&table);
    let schema = opt_string(interp, kwarg(kw, "schema"));
    let statements = imp(interp).table_comment(&table, schema.as_deref(), None);
    run_all(interp, statements)?;
    Ok(Value::None)
}

/// `op.execute(sql)`: a string (run as `text()`), `text()`, or a Core statement.
fn execute(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let sql = required(interp, args, kw, 0, "sqltext", "execute")?;
    let stmt = match &sql {
        Value::Str(s) => Statement::Text {
            sql: s.to_string(),
            binds: Vec::new(),
        },
        other => dml::executable(interp, other, None)?,
    };
    dml::run(interp, &stmt, None)?;
    Ok(Value::None)
}

/// `op.bulk_insert(table, rows, multiinsert=True)`: online one `executemany` (or one
/// statement per row); offline one INSERT per row with the values written in.
fn bulk_insert(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<Value, PyErr> {
    let table = required(interp, args, kw, 0, "table", "bulk_insert")?;
    let rows = required(interp, args, kw, 1, "rows", "bulk_insert")?;
    let multiinsert = match kwarg(kw, "multiinsert") {
        Some(v) => interp.truthy(&v)?,
        None => true,
    };
    let Some(t) = table.payload::<TableObj>() else {
        return Err(sa_error(
            interp,
            "ArgumentError",
            "bulk_insert() needs a Table or table() object",
        ));
    };
    let t = t.table.borrow().clone();
    let rows = interp.iterate(&rows)?;
    let mut dict_rows: Vec<Vec<(String, Value)>> = Vec::new();
    for r in &rows {
        let Value::Dict(d) = r else {
            return Err(interp.type_error("bulk_insert() rows must be dictionaries"));
        };
        let pairs: Vec<(String, Value)> = d
            .borrow()
            .entries
            .values()
            .map(|(k, v)| (k.as_str().unwrap_or_default().to_string(), v.clone()))
            .collect();
        dict_rows.push(pairs);
    }
    let Some(first) = dict_rows.first() else {
        return Ok(Value::None);
    };
    let keys: Vec<String> = t
        .columns
        .iter()
        .map(|c| c.name.clone())
        .filter(|n| first.iter().any(|(k, _)| k == n))
        .collect();
    let ctx = ctx(interp);
    let stmt_for = |interp: &mut Interp<'_>, row: &[(String, Value)]| -> Statement {
        let values = keys
            .iter()
            .map(|k| {
                let v = row
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or(Value::None);
                let col = t.column(k).map(|c| c.type_.clone());
                (
                    k.clone(),
                    schema::dml::Expr::Bind {
                        key: k.clone(),
                        value: to_dml(interp, &v),
                        type_: col,
                    },
                )
            })
            .collect();
        Statement::Insert {
            table: t.name.clone(),
            values,
        }
    };
    if ctx.as_sql {
        for row in &dict_rows {
            let stmt = stmt_for(interp, row);
            let compiled = stmt.compile(ctx.dialect, true);
            let mark = interp.output.len();
            ctx.execute(&compiled.sql, Params::None, mark)
                .map_err(|e| op_error(interp, e))?;
        }
    } else if multiinsert {
        let stmt = stmt_for(interp, first);
        let mut all = Vec::new();
        for row in &dict_rows {
            let compiled = stmt_for(interp, row).compile(ctx.dialect, false);
            all.push(compiled.params);
        }
        dml::run(interp, &stmt, Some(all))?;
    } else {
        for row in &dict_rows {
            let stmt = stmt_for(interp, row);
            dml::run(interp, &stmt, None)?;
        }
    }
    Ok(Value::None)
}

/// `op.get_bind()`: the connection. Offline it is Alembic's mock connection, which writes
/// what it is given to the script and returns no result.
fn get_bind(interp: &mut Interp<'_>, _: &[Value], _: &Kwargs) -> Result<Value, PyErr> {
    let class = if ctx(interp).as_sql {
        "MockConnection"
    } else {
        "Connection"
    };
    new_object(interp, class, ())
}
