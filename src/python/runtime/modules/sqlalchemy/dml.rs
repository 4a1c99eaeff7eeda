//! Core statements from Python: `table()`/`column()`, `insert()`/`update()`/`delete()` with
//! `values()` and `where()`, column comparisons, `text().bindparams()`, and the connection
//! `op.get_bind()` returns, with its results and rows.

use std::cell::RefCell;
use std::rc::Rc;

use super::sa_error;
use super::schema::{new_object, ColumnObj, SqlObj, TableObj, TextObj};
use crate::db::{Rows, SqlValue};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Dict, HashKey, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::runtime::{OpError, Params};
use crate::schema::dml::{self, anon_key, Expr, Statement};

/// A statement under construction (`t.update().where(...).values(...)`).
pub struct StmtObj(pub Statement);

/// A SQL expression (`t.c.id == 1`, `op.inline_literal("x")`).
pub struct ExprObj(pub Expr);

/// Rows of a result and where the cursor is.
pub struct ResultObj {
    rows: Rows,
    next: RefCell<usize>,
}

/// One row: tuple-like, with attributes by column name.
pub struct RowObj {
    columns: Rc<Vec<String>>,
    values: Vec<Value>,
}

/// A Python value as a bound parameter.
pub fn to_dml(interp: &mut Interp<'_>, v: &Value) -> dml::Value {
    match v {
        Value::None => dml::Value::None,
        Value::Bool(b) => dml::Value::Bool(*b),
        Value::Int(n) => dml::Value::Int(*n),
        Value::Float(x) => dml::Value::Float(*x),
        Value::Str(s) => dml::Value::Str(s.to_string()),
        Value::Bytes(b) => dml::Value::Bytes(b.to_vec()),
        other => dml::Value::Str(interp.str_lossy(other)),
    }
}

pub fn from_sql(v: &SqlValue) -> Value {
    match v {
        SqlValue::Null => Value::None,
        SqlValue::Integer(n) => Value::Int(*n),
        SqlValue::Real(x) => Value::Float(*x),
        SqlValue::Text(s) => Value::str(s),
        SqlValue::Blob(b) => Value::Bytes(Rc::from(b.as_slice())),
    }
}

/// The expression a Python operand stands for, next to a column named `near`.
fn operand(interp: &mut Interp<'_>, v: &Value, near: Option<&ColumnRef>, taken: &[String]) -> Expr {
    if let Some(e) = v.payload::<ExprObj>() {
        return e.0.clone();
    }
    if let Some(c) = v.payload::<ColumnObj>() {
        if let Some(r) = column_ref(&c) {
            return r.expr();
        }
    }
    if let Some(t) = v.payload::<TextObj>() {
        return Expr::Text(t.sql.clone());
    }
    let name = near.map_or("param", |c| c.name.as_str());
    Expr::Bind {
        key: anon_key(taken, name),
        value: to_dml(interp, v),
        type_: near.map(|c| c.type_.clone()),
    }
}

struct ColumnRef {
    table: String,
    name: String,
    type_: crate::schema::SqlType,
}

impl ColumnRef {
    fn expr(&self) -> Expr {
        Expr::Column {
            table: self.table.clone(),
            name: self.name.clone(),
            type_: Some(self.type_.clone()),
        }
    }
}

fn column_ref(c: &ColumnObj) -> Option<ColumnRef> {
    let table = c.table()?;
    let col = c.column()?;
    let table = table.borrow().name.clone();
    Some(ColumnRef {
        table,
        name: col.name,
        type_: col.type_,
    })
}

/// `column == value` and the other comparisons: a SQL expression, as SQLAlchemy's operators
/// make one (`IS NULL` for `None`).
pub fn compare(interp: &mut Interp<'_>, args: &[Value], op: &'static str) -> Result<Value, PyErr> {
    let this = arg(args, 0);
    let other = arg(args, 1);
    let Some(col) = this.payload::<ColumnObj>().and_then(|c| column_ref(&c)) else {
        return Ok(Value::Bool(false));
    };
    let left = col.expr();
    let expr = if other.is_none() && matches!(op, "=" | "!=") {
        Expr::Binary {
            left: Box::new(left),
            op: if op == "=" { "IS" } else { "IS NOT" },
            right: Box::new(Expr::Text("NULL".into())),
        }
    } else {
        let right = operand(interp, &other, Some(&col), &[]);
        Expr::Binary {
            left: Box::new(left),
            op,
            right: Box::new(right),
        }
    };
    new_object(interp, "BinaryExpression", ExprObj(expr))
}

/// `sa.and_(...)`, `sa.or_(...)`, `sa.not_(...)`.
pub fn boolean_op(
    interp: &mut Interp<'_>,
    args: &[Value],
    op: &'static str,
) -> Result<Value, PyErr> {
    let mut items = Vec::new();
    for a in args {
        items.push(operand(interp, a, None, &[]));
    }
    new_object(
        interp,
        "BooleanClauseList",
        ExprObj(Expr::Bool { op, items }),
    )
}

/// `op.inline_literal(value)`.
pub fn inline_literal(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    let v = to_dml(interp, &arg(&args, 0));
    new_object(interp, "_literal_as_binds", ExprObj(Expr::Inline(v)))
}

/// `sa.table(name, *columns)`: a lightweight table for data migrations.
pub fn table_clause(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let Some(Value::Str(ref name)) = args.first().cloned() else {
        return Err(interp.type_error("table() missing 1 required positional argument: 'name'"));
    };
    let schema = match super::super::kwarg(&kw, "schema") {
        Some(Value::Str(ref s)) => Some(s.to_string()),
        _ => None,
    };
    let table = Rc::new(RefCell::new(crate::schema::Table::new(name, schema)));
    for c in args.get(1..).unwrap_or_default() {
        let Some(obj) = c.payload::<ColumnObj>() else {
            let r = interp.repr(c)?;
            return Err(sa_error(
                interp,
                "ArgumentError",
                &format!("table() takes column() objects, got {r}"),
            ));
        };
        if let Some(draft) = obj.draft() {
            table.borrow_mut().columns.push(draft.column.clone());
            *obj.state.borrow_mut() = super::schema::ColumnState::Attached {
                table: Rc::clone(&table),
                name: draft.column.name.clone(),
            };
        }
    }
    new_object(interp, "TableClause", TableObj { table })
}

fn table_of(
    interp: &mut Interp<'_>,
    v: &Value,
) -> Result<(String, Rc<RefCell<crate::schema::Table>>), PyErr> {
    match v.payload::<TableObj>() {
        Some(t) => Ok((t.table.borrow().name.clone(), Rc::clone(&t.table))),
        None => Err(interp.type_error("expected a Table")),
    }
}

/// `table.insert()`, `table.update()`, `table.delete()`.
pub fn statement(interp: &mut Interp<'_>, args: Vec<Value>, kind: &str) -> Result<Value, PyErr> {
    let (name, _) = table_of(interp, &arg(&args, 0))?;
    let (stmt, class) = match kind {
        "insert" => (
            Statement::Insert {
                table: name,
                values: Vec::new(),
            },
            "Insert",
        ),
        "update" => (
            Statement::Update {
                table: name,
                values: Vec::new(),
                where_: Vec::new(),
            },
            "Update",
        ),
        _ => (
            Statement::Delete {
                table: name,
                where_: Vec::new(),
            },
            "Delete",
        ),
    };
    let obj = new_object(interp, class, StmtObj(stmt))?;
    if let Value::Instance(i) = &obj {
        i.dict.borrow_mut().insert(Rc::from("table"), arg(&args, 0));
    }
    Ok(obj)
}

fn derive(interp: &mut Interp<'_>, this: &Value, stmt: Statement) -> Result<Value, PyErr> {
    let class = interp.type_name(this);
    let obj = new_object(interp, &class, StmtObj(stmt))?;
    if let (Value::Instance(old), Value::Instance(new)) = (this, &obj) {
        if let Some(t) = old.dict.borrow().get("table") {
            new.dict.borrow_mut().insert(Rc::from("table"), t.clone());
        }
    }
    Ok(obj)
}

fn column_of(interp: &mut Interp<'_>, this: &Value, key: &str) -> Option<ColumnRef> {
    let table = interp.get_attr(this, "table").ok()?;
    let t = table.payload::<TableObj>()?;
    let t = t.table.borrow();
    let col = t.column_by_key(key)?;
    Some(ColumnRef {
        table: t.name.clone(),
        name: col.name.clone(),
        type_: col.type_.clone(),
    })
}

/// `.values(a=1)` or `.values({"a": 1})`.
pub fn values(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let Some(stmt) = this.payload::<StmtObj>() else {
        return Ok(this);
    };
    let mut pairs: Vec<(String, Value)> = Vec::new();
    if let Some(Value::Dict(ref d)) = args.get(1) {
        for (k, v) in d.borrow().entries.values() {
            let key = match k.payload::<ColumnObj>().and_then(|c| c.column()) {
                Some(c) => c.name,
                None => interp.str_lossy(k),
            };
            pairs.push((key, v.clone()));
        }
    }
    pairs.extend(kw.into_iter().map(|(k, v)| (k.to_string(), v)));
    let mut new_values = Vec::new();
    for (k, v) in pairs {
        let col = column_of(interp, &this, &k);
        let expr = match (&col, v.payload::<ExprObj>()) {
            (_, Some(e)) => e.0.clone(),
            (Some(c), None) => Expr::Bind {
                key: c.name.clone(),
                value: to_dml(interp, &v),
                type_: Some(c.type_.clone()),
            },
            (None, None) => {
                return Err(sa_error(
                    interp,
                    "CompileError",
                    &format!("Unconsumed column names: {k}"),
                ));
            }
        };
        let name = col.map_or(k, |c| c.name);
        new_values.push((name, expr));
    }
    let mut next = stmt.0.clone();
    match &mut next {
        Statement::Insert { values, .. } | Statement::Update { values, .. } => {
            values.extend(new_values)
        }
        _ => {}
    }
    derive(interp, &this, next)
}

/// `.where(condition, ...)`.
pub fn where_(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let Some(stmt) = this.payload::<StmtObj>() else {
        return Ok(this);
    };
    let mut next = stmt.0.clone();
    for cond in args.get(1..).unwrap_or_default() {
        let e = operand(interp, cond, None, &[]);
        if let Statement::Update { where_, .. } | Statement::Delete { where_, .. } = &mut next {
            where_.push(e);
        }
    }
    derive(interp, &this, next)
}

/// `text(...).bindparams(name=value)`.
pub fn bindparams(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let Some(t) = this.payload::<TextObj>() else {
        return Ok(this);
    };
    let mut binds = t.binds.clone();
    for (k, v) in kw {
        let v = to_dml(interp, &v);
        binds.retain(|(n, _)| **n != *k);
        binds.push((k.to_string(), v));
    }
    new_object(
        interp,
        "TextClause",
        TextObj {
            sql: t.sql.clone(),
            binds,
        },
    )
}

/// The statement a Python object stands for, with `params` (a dict) bound.
pub fn executable(
    interp: &mut Interp<'_>,
    v: &Value,
    params: Option<&Value>,
) -> Result<Statement, PyErr> {
    if let Some(t) = v.payload::<TextObj>() {
        let mut binds = t.binds.clone();
        if let Some(Value::Dict(d)) = params {
            let entries: Vec<(Value, Value)> = d.borrow().entries.values().cloned().collect();
            for (k, val) in entries {
                let k = interp.str_lossy(&k);
                let val = to_dml(interp, &val);
                binds.retain(|(n, _)| *n != k);
                binds.push((k, val));
            }
        }
        return Ok(Statement::Text {
            sql: t.sql.clone(),
            binds,
        });
    }
    if let Some(s) = v.payload::<StmtObj>() {
        return Ok(s.0.clone());
    }
    if let Some(s) = v.payload::<SqlObj>() {
        let sql = crate::schema::ddl::default_sql(crate::schema::Dialect::Sqlite, &s.0);
        return Ok(Statement::Text {
            sql,
            binds: Vec::new(),
        });
    }
    let r = interp.repr(v)?;
    Err(sa_error(
        interp,
        "ObjectNotExecutableError",
        &format!("Not an executable object: {r}"),
    ))
}

/// Converts a directive failure into the Python exception Alembic would raise.
pub fn op_error(interp: &mut Interp<'_>, e: OpError) -> PyErr {
    match e {
        OpError::Db { error, sql, params } => {
            let msg = OpError::db_message(&error, &sql, &params);
            sa_error(interp, error.kind.class_name(), &msg)
        }
        OpError::Raise { class, message } => {
            if let Some(c) = class.strip_prefix("sqlalchemy.exc.") {
                return sa_error(interp, c, &message);
            }
            if let Some((module, name)) = class.rsplit_once('.') {
                let cls = interp
                    .import_by_name(module)
                    .ok()
                    .and_then(|m| m.dict.borrow().get(name).cloned());
                if let Some(Value::Class(ref cls)) = cls {
                    let value = interp.make_exception(cls, vec![Value::str(&message)]);
                    return PyErr::new(value);
                }
            }
            interp.new_error(&class, &message)
        }
    }
}

/// Runs a compiled statement through the current migration context.
pub fn run(
    interp: &mut Interp<'_>,
    stmt: &Statement,
    many: Option<Vec<Vec<dml::Value>>>,
) -> Result<Rows, PyErr> {
    let Some(ctx) = interp.migration.clone() else {
        return Err(interp.new_error("NameError", "Can't invoke function 'execute', as the proxy object has not yet been established for the Alembic 'Operations' class.  Try placing this code inside a callable."));
    };
    let compiled = if ctx.as_sql {
        stmt.compile_offline(
            ctx.dialect,
            ctx.literal_binds.get(),
            ctx.named_paramstyle.get(),
        )
    } else {
        stmt.compile(ctx.dialect, false)
    };
    let params = match many {
        Some(rows) => Params::Many(rows),
        None if compiled.params.is_empty() => Params::None,
        None => Params::One(compiled.params.clone()),
    };
    let mark = interp.output.len();
    ctx.execute(&compiled.sql, params, mark)
        .map_err(|e| op_error(interp, e))
}

// ---- the connection `op.get_bind()` returns ----

pub fn connection_execute(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let params = args
        .get(2)
        .cloned()
        .or_else(|| super::super::kwarg(&kw, "parameters"));
    let stmt_value = arg(&args, 1);
    if let Some(Value::List(ref rows)) = params {
        let rows: Vec<Value> = rows.borrow().clone();
        let mut last = Rows::default();
        for r in rows {
            let stmt = executable(interp, &stmt_value, Some(&r))?;
            last = run(interp, &stmt, None)?;
        }
        return result(interp, last);
    }
    let stmt = executable(interp, &stmt_value, params.as_ref())?;
    let rows = run(interp, &stmt, None)?;
    if interp.migration.as_ref().is_some_and(|c| c.as_sql) {
        return Ok(Value::None);
    }
    result(interp, rows)
}

pub fn exec_driver_sql(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    let sql = arg(&args, 1);
    let sql = interp.str_lossy(&sql);
    let Some(ctx) = interp.migration.clone() else {
        return Err(interp.new_error("RuntimeError", "no migration is running"));
    };
    let params = match args.get(2) {
        Some(Value::Tuple(t)) => {
            let vals: Vec<dml::Value> = t.iter().map(|v| to_dml(interp, v)).collect();
            Params::One(vals)
        }
        _ => Params::None,
    };
    let mark = interp.output.len();
    let rows = ctx
        .execute(&sql, params, mark)
        .map_err(|e| op_error(interp, e))?;
    result(interp, rows)
}

fn result(interp: &mut Interp<'_>, rows: Rows) -> Result<Value, PyErr> {
    let changed = rows.changed;
    let obj = new_object(
        interp,
        "CursorResult",
        ResultObj {
            rows,
            next: RefCell::new(0),
        },
    )?;
    if let Value::Instance(i) = &obj {
        i.dict
            .borrow_mut()
            .insert(Rc::from("rowcount"), Value::Int(changed as i64));
    }
    Ok(obj)
}

fn make_row(
    interp: &mut Interp<'_>,
    columns: &Rc<Vec<String>>,
    values: &[SqlValue],
) -> Result<Value, PyErr> {
    let values: Vec<Value> = values.iter().map(from_sql).collect();
    new_object(
        interp,
        "Row",
        RowObj {
            columns: Rc::clone(columns),
            values,
        },
    )
}

fn take_rows(
    interp: &mut Interp<'_>,
    this: &Value,
    limit: Option<usize>,
) -> Result<Vec<Value>, PyErr> {
    let Some(r) = this.payload::<ResultObj>() else {
        return Ok(Vec::new());
    };
    let columns = Rc::new(r.rows.columns.clone());
    let start = *r.next.borrow();
    let end = limit.map_or(r.rows.rows.len(), |n| (start + n).min(r.rows.rows.len()));
    let mut out = Vec::new();
    for row in &r.rows.rows[start.min(end)..end] {
        out.push(make_row(interp, &columns, row)?);
    }
    *r.next.borrow_mut() = end.max(start);
    Ok(out)
}

pub fn result_method(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    name: &str,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    match name {
        "fetchall" | "all" => Ok(Value::list(take_rows(interp, &this, None)?)),
        "fetchone" => Ok(take_rows(interp, &this, Some(1))?
            .pop()
            .unwrap_or(Value::None)),
        "first" => {
            let row = take_rows(interp, &this, Some(1))?
                .pop()
                .unwrap_or(Value::None);
            take_rows(interp, &this, None)?;
            Ok(row)
        }
        "scalar" => {
            let row = take_rows(interp, &this, Some(1))?.pop();
            take_rows(interp, &this, None)?;
            Ok(match row.and_then(|r| r.payload::<RowObj>()) {
                Some(r) => r.values.first().cloned().unwrap_or(Value::None),
                None => Value::None,
            })
        }
        "scalars" => {
            let rows = take_rows(interp, &this, None)?;
            let firsts: Vec<Value> = rows
                .iter()
                .filter_map(|r| {
                    r.payload::<RowObj>()
                        .and_then(|r| r.values.first().cloned())
                })
                .collect();
            Ok(Value::list(firsts))
        }
        "keys" => {
            let cols = this
                .payload::<ResultObj>()
                .map(|r| r.rows.columns.clone())
                .unwrap_or_default();
            Ok(Value::list(cols.iter().map(|c| Value::str(c)).collect()))
        }
        _ => {
            let rows = take_rows(interp, &this, None)?;
            Ok(Value::Iterator(Rc::new(RefCell::new(rows.into_iter()))))
        }
    }
}

pub fn row_method(interp: &mut Interp<'_>, args: Vec<Value>, name: &str) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let Some(row) = this.payload::<RowObj>() else {
        return Ok(Value::None);
    };
    let tuple = Value::tuple(row.values.clone());
    match name {
        "__repr__" => Ok(Value::str(&interp.repr(&tuple)?)),
        "__len__" => Ok(Value::Int(row.values.len() as i64)),
        "__iter__" => Ok(Value::Iterator(Rc::new(RefCell::new(
            row.values.clone().into_iter(),
        )))),
        "__getitem__" => interp.get_item(&tuple, &arg(&args, 1)),
        "__eq__" => {
            let other = arg(&args, 1);
            let other = match other.payload::<RowObj>() {
                Some(o) => Value::tuple(o.values.clone()),
                None => other,
            };
            Ok(Value::Bool(interp.eq(&tuple, &other)?))
        }
        "_asdict" | "_mapping" => {
            let mut d = Dict::default();
            for (k, v) in row.columns.iter().zip(&row.values) {
                let key: Rc<str> = Rc::from(k.as_str());
                d.insert(HashKey::Str(Rc::clone(&key)), Value::Str(key), v.clone());
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        }
        _ => {
            let attr = arg(&args, 1);
            let attr = attr.as_str().unwrap_or_default();
            match row.columns.iter().position(|c| c == attr) {
                Some(i) => Ok(row.values[i].clone()),
                None => Err(interp.new_error(
                    "AttributeError",
                    &format!("Could not locate column in row for column '{attr}'"),
                )),
            }
        }
    }
}

/// Closing a connection (or leaving its `with` block) rolls back what is not committed.
fn close_connection(_: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    if let Some(c) = arg(&args, 0).payload::<super::super::alembic::context::ConnObj>() {
        if !c.0.is_autocommit() {
            let _ = c.0.execute_batch("ROLLBACK");
        }
    }
    Ok(Value::Bool(false))
}

/// `connection.commit()` / `connection.rollback()`.
fn end_transaction(interp: &mut Interp<'_>, commit: bool) -> Result<Value, PyErr> {
    if let Some(ctx) = interp.migration.clone() {
        if commit {
            ctx.commit();
        } else {
            ctx.rollback();
        }
    }
    Ok(Value::None)
}

/// The classes of this file, for `sqlalchemy.sql.schema` to register.
pub fn classes() -> Vec<(&'static str, Vec<(&'static str, Value)>)> {
    let stmt_methods = || {
        vec![
            ("values", builtin("values", "ValuesBase", values)),
            ("where", builtin("where", "DMLWhereBase", where_)),
        ]
    };
    let expr_ops = || -> Vec<(&'static str, Value)> { Vec::new() };
    let result_names = [
        "fetchall", "all", "fetchone", "first", "scalar", "scalars", "keys", "__iter__",
    ];
    let row_names = [
        "__repr__",
        "__len__",
        "__iter__",
        "__getitem__",
        "__eq__",
        "_asdict",
        "__getattr__",
    ];
    vec![
        ("Insert", stmt_methods()),
        ("Update", stmt_methods()),
        ("Delete", stmt_methods()),
        ("BinaryExpression", expr_ops()),
        ("BooleanClauseList", expr_ops()),
        ("_literal_as_binds", expr_ops()),
        (
            "Connection",
            vec![
                (
                    "execute",
                    builtin("execute", "Connection", connection_execute),
                ),
                (
                    "exec_driver_sql",
                    builtin("exec_driver_sql", "Connection", exec_driver_sql),
                ),
                (
                    "commit",
                    builtin("commit", "Connection", |i, _, _| end_transaction(i, true)),
                ),
                (
                    "__enter__",
                    builtin("__enter__", "Connection", |_, a, _| Ok(arg(&a, 0))),
                ),
                (
                    "__exit__",
                    builtin("__exit__", "Connection", close_connection),
                ),
                ("close", builtin("close", "Connection", close_connection)),
                (
                    "begin",
                    builtin("begin", "Connection", |i, a, _| {
                        let conn = arg(&a, 0);
                        let t = new_object(i, "Transaction", ())?;
                        i.set_attr(&t, "connection", conn)?;
                        Ok(t)
                    }),
                ),
                (
                    "rollback",
                    builtin("rollback", "Connection", |i, _, _| {
                        end_transaction(i, false)
                    }),
                ),
            ],
        ),
        (
            "Transaction",
            vec![
                (
                    "__enter__",
                    builtin("__enter__", "Transaction", |_, a, _| Ok(arg(&a, 0))),
                ),
                (
                    "__exit__",
                    builtin("__exit__", "Transaction", |i, a, _| {
                        // Leaving `with connection.begin():` commits, or rolls back on an error.
                        let conn = i.get_attr(&arg(&a, 0), "connection")?;
                        let commit = arg(&a, 1).is_none();
                        if let Some(c) = conn.payload::<super::super::alembic::context::ConnObj>() {
                            if !c.0.is_autocommit() {
                                let _ =
                                    c.0.execute_batch(if commit { "COMMIT" } else { "ROLLBACK" });
                            }
                        }
                        Ok(Value::Bool(false))
                    }),
                ),
            ],
        ),
        (
            "Engine",
            vec![
                (
                    "connect",
                    builtin(
                        "connect",
                        "Engine",
                        super::super::alembic::context::engine_connect,
                    ),
                ),
                (
                    "dispose",
                    builtin("dispose", "Engine", |_, _, _| Ok(Value::None)),
                ),
            ],
        ),
        (
            "MockConnection",
            vec![(
                "execute",
                builtin("execute", "MockConnection", connection_execute),
            )],
        ),
        (
            "CursorResult",
            result_names
                .iter()
                .map(|&n| {
                    (
                        n,
                        builtin(n, "CursorResult", move |i, a, _| result_method(i, a, n)),
                    )
                })
                .collect(),
        ),
        (
            "Row",
            row_names
                .iter()
                .map(|&n| (n, builtin(n, "Row", move |i, a, _| row_method(i, a, n))))
                .collect(),
        ),
    ]
}
