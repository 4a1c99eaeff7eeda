//! `op.batch_alter_table(...)` from Python: the `batch_op` object a `with` block gets, whose
//! directives name no table (the batch's table is implied) and are applied by
//! `crate::operations::batch` when the block ends.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::kwarg;
use super::super::sqlalchemy::dml::op_error;
use super::super::sqlalchemy::schema::{ColumnObj, ItemDraft, ItemObj, TableObj};
use super::{
    alter_spec, build_check_constraint, build_foreign_key, build_index, build_primary_key,
    build_table, build_unique_constraint, ctx, opt_string, param, required,
};
use crate::ddl::Impl;
use crate::operations::batch::{Batch, BatchOp, Recreate};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::Value;
use crate::python::runtime::{Interp, PyErr};
use crate::runtime::Params;
use crate::schema::{Constraint, ConstraintKind, Name};

struct BatchObj(RefCell<Batch>);

/// `op.batch_alter_table(table_name, schema=None, recreate="auto", copy_from=None,
/// table_args=(), reflect_args=(), naming_convention=None, ...)`.
pub(super) fn batch_alter_table(
    interp: &mut Interp<'_>,
    args: &[Value],
    kw: &Kwargs,
) -> Result<Value, PyErr> {
    let table = required(interp, args, kw, 0, "table_name", "batch_alter_table")?;
    let table = interp.str_lossy(&table);
    let schema = opt_string(interp, param(args, kw, 1, "schema"));
    let mut batch = Batch::new(&table, schema);
    batch.recreate = match opt_string(interp, param(args, kw, 2, "recreate")).as_deref() {
        None | Some("auto") => Recreate::Auto,
        Some("always") => Recreate::Always,
        Some("never") => Recreate::Never,
        Some(_) => {
            return Err(interp.new_error(
                "ValueError",
                "recreate may be one of 'auto', 'always', or 'never'.",
            ));
        }
    };
    if let Some(copy) = kwarg(kw, "copy_from").filter(|v| !v.is_none()) {
        match copy.payload::<TableObj>() {
            Some(t) => batch.copy_from = Some(t.table.borrow().clone()),
            None => return Err(interp.type_error("copy_from must be a Table")),
        }
    }
    if let Some(items) = kwarg(kw, "table_args") {
        for item in interp.iterate(&items)? {
            if let Some(c) = item.payload::<ItemObj>().and_then(|i| constraint_of(&i.0)) {
                batch.table_args.push(c);
            }
        }
    }
    if let Some(items) = kwarg(kw, "reflect_args") {
        for item in interp.iterate(&items)? {
            if let Some(col) = item.payload::<ColumnObj>().and_then(|c| c.column()) {
                batch.reflect_columns.push(col);
            }
        }
    }
    if let Some(Value::Dict(ref d)) = kwarg(kw, "naming_convention") {
        let entries: Vec<(Value, Value)> = d.borrow().entries.values().cloned().collect();
        for (k, v) in entries {
            let (k, v) = (interp.str_lossy(&k), interp.str_lossy(&v));
            batch.naming_convention.push((k, v));
        }
    }
    let operations = interp.import_by_name("alembic.operations")?;
    let cls = operations.dict.borrow().get("BatchOperations").cloned();
    let Some(Value::Class(ref cls)) = cls else {
        return Err(interp.new_error("ImportError", "cannot import name 'BatchOperations'"));
    };
    let obj = interp.new_instance(cls);
    if let Value::Instance(i) = &obj {
        *i.payload.borrow_mut() = Some(Rc::new(BatchObj(RefCell::new(batch))));
    }
    Ok(obj)
}

/// A table-level constraint given in `table_args`.
fn constraint_of(d: &ItemDraft) -> Option<Constraint> {
    let (name, order, kind) = match d {
        ItemDraft::Unique {
            name,
            columns,
            order,
        } => (
            name,
            order,
            ConstraintKind::Unique {
                columns: columns.clone(),
            },
        ),
        ItemDraft::Check {
            name,
            sqltext,
            order,
        } => (
            name,
            order,
            ConstraintKind::Check {
                sqltext: sqltext.clone(),
            },
        ),
        ItemDraft::ForeignKey { name, spec, order } => {
            (name, order, ConstraintKind::ForeignKey(spec.clone()))
        }
        _ => return None,
    };
    Some(Constraint {
        name: name.clone(),
        order: *order,
        kind,
        type_check: false,
    })
}

fn batch_of(interp: &mut Interp<'_>, this: &Value) -> Result<Rc<BatchObj>, PyErr> {
    this.payload::<BatchObj>()
        .ok_or_else(|| interp.type_error("not a batch operations object"))
}

/// The positional arguments of the plain directive: the batch's table put in at `at`.
fn with_table(batch: &Batch, args: &[Value], at: usize) -> Vec<Value> {
    let mut full: Vec<Value> = args.get(1..).unwrap_or_default().to_vec();
    full.insert(at.min(full.len()), Value::str(&batch.table));
    full
}

fn schema_kw(batch: &Batch, kw: &Kwargs) -> Kwargs {
    let mut kw = kw.clone();
    if let Some(s) = &batch.schema {
        kw.push((Rc::from("schema"), Value::str(s)));
    }
    kw
}

fn push(interp: &mut Interp<'_>, this: &Value, op: BatchOp) -> Result<Value, PyErr> {
    batch_of(interp, this)?.0.borrow_mut().ops.push(op);
    Ok(Value::None)
}

/// `batch_op.f(name)`: a name conventions leave alone, as `op.f()`.
fn final_name(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let name = interp.str_lossy(&arg(&args, 1));
    super::super::sqlalchemy::schema::new_object(
        interp,
        "conv",
        super::super::sqlalchemy::schema::ConvName(name),
    )
}

type Method = fn(&mut Interp<'_>, Vec<Value>, Kwargs) -> Result<Value, PyErr>;

/// The methods of `BatchOperations`.
pub(in crate::python::runtime::modules) fn methods() -> Vec<(&'static str, Value)> {
    let table: &[(&'static str, Method)] = &[
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
        ("f", final_name),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    table
        .iter()
        .map(|&(name, f)| (name, builtin(name, "BatchOperations", f)))
        .collect()
}

fn add_column(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let batch = batch_of(interp, &this)?;
    let column = required(interp, &args, &kw, 1, "column", "add_column")?;
    let (name, schema) = {
        let b = batch.0.borrow();
        (Value::str(&b.table), b.schema.clone())
    };
    let mut table_kw = Vec::new();
    if let Some(s) = schema {
        table_kw.push((Rc::from("schema"), Value::str(&s)));
    }
    let (_, table) = build_table(interp, &name, &[column], table_kw)?;
    let insert_before = opt_string(interp, kwarg(&kw, "insert_before"));
    let insert_after = opt_string(interp, kwarg(&kw, "insert_after"));
    push(
        interp,
        &this,
        BatchOp::AddColumn {
            table,
            insert_before,
            insert_after,
        },
    )
}

fn drop_column(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = required(interp, &args, &kw, 1, "column_name", "drop_column")?;
    let name = interp.str_lossy(&name);
    push(interp, &this, BatchOp::DropColumn(name))
}

fn alter_column(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = required(interp, &args, &kw, 1, "column_name", "alter_column")?;
    let name = interp.str_lossy(&name);
    let alter = alter_spec(interp, &kw)?;
    push(interp, &this, BatchOp::AlterColumn { name, alter })
}

fn create_index(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let batch = batch_of(interp, &this)?;
    let (full, kw) = {
        let b = batch.0.borrow();
        (with_table(&b, &args, 1), schema_kw(&b, &kw))
    };
    let op = build_index(interp, &full, &kw)?;
    push(interp, &this, op)
}

fn drop_index(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = required(interp, &args, &kw, 1, "index_name", "drop_index")?;
    let name = super::super::sqlalchemy::schema::name_arg(interp, Some(name));
    push(
        interp,
        &this,
        BatchOp::DropIndex(name.value.unwrap_or_default()),
    )
}

type Builder = fn(&mut Interp<'_>, &[Value], &Kwargs) -> Result<BatchOp, PyErr>;

/// A constraint directive of `op` with the batch's table as its second argument.
fn constraint(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
    build: Builder,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let batch = batch_of(interp, &this)?;
    let (full, kw) = {
        let b = batch.0.borrow();
        (with_table(&b, &args, 1), schema_kw(&b, &kw))
    };
    let op = build(interp, &full, &kw)?;
    push(interp, &this, op)
}

fn create_unique_constraint(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    constraint(interp, args, kw, build_unique_constraint)
}

fn create_foreign_key(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    constraint(interp, args, kw, build_foreign_key)
}

fn create_check_constraint(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    constraint(interp, args, kw, build_check_constraint)
}

fn create_primary_key(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    constraint(interp, args, kw, build_primary_key)
}

fn drop_constraint(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = required(interp, &args, &kw, 1, "constraint_name", "drop_constraint")?;
    let name: Name = super::super::sqlalchemy::schema::name_arg(interp, Some(name));
    let kind = opt_string(interp, param(&args, &kw, 2, "type_"));
    push(
        interp,
        &this,
        BatchOp::DropConstraint {
            name: name.value,
            kind,
        },
    )
}

fn create_table_comment(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let comment = required(interp, &args, &kw, 1, "comment", "create_table_comment")?;
    let comment = opt_string(interp, Some(comment));
    push(interp, &this, BatchOp::TableComment(comment))
}

fn drop_table_comment(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    push(interp, &this, BatchOp::TableComment(None))
}

fn enter(_: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    Ok(arg(&args, 0))
}

/// The end of the `with` block: applies the batch, unless the block raised.
fn exit(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    if !arg(&args, 1).is_none() {
        return Ok(Value::Bool(false));
    }
    let batch = batch_of(interp, &this)?.0.borrow().clone();
    let ctx = ctx(interp);
    let imp = Impl::new(ctx.dialect);
    let mark = interp.output.len();
    let mut run = |sql: &str| ctx.execute(sql, Params::None, mark).map(|_| ());
    if let Err(e) = batch.flush(&imp, ctx.db.as_deref(), &mut run) {
        // Which step of the move and copy failed decides the frames real Alembic shows.
        let stage = match &e {
            crate::runtime::OpError::Db { sql, .. }
                if sql.starts_with("INSERT INTO _alembic_tmp_") =>
            {
                Some("batch_copy")
            }
            crate::runtime::OpError::Db { sql, .. }
                if sql.starts_with("\nCREATE TABLE _alembic_tmp_") =>
            {
                Some("batch_create")
            }
            crate::runtime::OpError::Raise { message, .. }
                if message == "Constraint must have a name" =>
            {
                Some("batch_drop_constraint")
            }
            _ => None,
        };
        let err = op_error(interp, e);
        return Err(match stage {
            Some(s) => super::with_op_frames(interp, s, err),
            None => err,
        });
    }
    Ok(Value::Bool(false))
}
