//! Alembic's runtime (`alembic/runtime/migration.py`): the migration context that directives
//! run through. Online it sends each statement to the database with Python `sqlite3`'s
//! transaction rules; offline (`--sql`) it writes the statement text to an output buffer.

use std::cell::RefCell;
use std::rc::Rc;

use crate::db::{Database, DbError, DbErrorKind, Rows, SqlValue};
use crate::schema::dml::Value;
use crate::schema::Dialect;

/// The parameters of one execution: none, one row, or many (`executemany`).
#[derive(Clone, Debug, PartialEq)]
pub enum Params {
    None,
    One(Vec<Value>),
    Many(Vec<Vec<Value>>),
}

impl Params {
    /// Python's repr of the parameters, as SQLAlchemy logs them and shows them in errors:
    /// a tuple for one row, a list of tuples for many.
    pub fn repr(&self) -> String {
        match self {
            Params::None => "()".into(),
            Params::One(row) => tuple_repr(row),
            Params::Many(rows) => {
                let items: Vec<String> = rows.iter().map(|r| tuple_repr(r)).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

fn value_repr(v: &Value) -> String {
    match v.to_sql() {
        SqlValue::Null => "None".into(),
        SqlValue::Integer(n) => n.to_string(),
        SqlValue::Real(x) => crate::python::dump::float_repr(x),
        SqlValue::Text(s) => crate::python::runtime::value::repr_str(&s),
        SqlValue::Blob(b) => crate::python::runtime::value::repr_bytes(&b),
    }
}

fn tuple_repr(row: &[Value]) -> String {
    let items: Vec<String> = row.iter().map(value_repr).collect();
    if items.len() == 1 {
        format!("({},)", items[0])
    } else {
        format!("({})", items.join(", "))
    }
}

/// A statement the context ran (online) or wrote (offline), for logs and tests.
#[derive(Clone, Debug, PartialEq)]
pub struct Executed {
    pub sql: String,
    pub params: Params,
    /// How much output the script had printed when the statement ran, to interleave them.
    pub mark: usize,
}

/// A failed directive, in the words of the exception Python would raise.
#[derive(Clone, Debug, PartialEq)]
pub enum OpError {
    /// A DBAPI error, wrapped the way SQLAlchemy wraps it.
    Db {
        error: DbError,
        sql: String,
        params: Params,
    },
    /// Any other exception: its qualified class (`NotImplementedError`,
    /// `sqlalchemy.exc.CompileError`, `ValueError`) and message.
    Raise { class: String, message: String },
}

impl OpError {
    pub fn raise(class: &str, message: impl Into<String>) -> OpError {
        OpError::Raise {
            class: class.to_string(),
            message: message.into(),
        }
    }

    /// SQLAlchemy's message for a wrapped DBAPI error: the driver's class and message, the
    /// statement, its parameters, and the link to the error's page.
    pub fn db_message(error: &DbError, sql: &str, params: &Params) -> String {
        let code = match error.kind {
            DbErrorKind::Operational => "e3q8",
            DbErrorKind::Integrity => "gkpj",
            DbErrorKind::Programming => "f405",
        };
        let mut msg = format!(
            "(sqlite3.{}) {}\n[SQL: {sql}]",
            error.kind.class_name(),
            error.message
        );
        if *params != Params::None {
            msg.push_str(&format!("\n[parameters: {}]", params.repr()));
        }
        msg.push_str(&format!(
            "\n(Background on this error at: https://sqlalche.me/e/21/{code})"
        ));
        msg
    }
}

/// The directive-facing side of `MigrationContext`: where statements go.
pub struct MigrationContext {
    pub dialect: Dialect,
    /// Offline (`--sql`): statements are written, never run.
    pub as_sql: bool,
    pub db: Option<Rc<Database>>,
    /// The offline script written so far.
    pub output: RefCell<String>,
    pub log: RefCell<Vec<Executed>>,
    /// `context.configure(literal_binds=True)`: offline, Core statements are written with
    /// their values inline instead of as bound parameters.
    pub literal_binds: std::cell::Cell<bool>,
    /// `context.configure(transaction_per_migration=True)`.
    pub transaction_per_migration: std::cell::Cell<bool>,
    /// `dialect_opts={"paramstyle": "named"}`: offline placeholders are `:name`.
    pub named_paramstyle: std::cell::Cell<bool>,
}

impl MigrationContext {
    pub fn online(db: Rc<Database>) -> MigrationContext {
        MigrationContext {
            dialect: Dialect::Sqlite,
            as_sql: false,
            db: Some(db),
            output: RefCell::new(String::new()),
            log: RefCell::new(Vec::new()),
            literal_binds: std::cell::Cell::new(false),
            transaction_per_migration: std::cell::Cell::new(false),
            named_paramstyle: std::cell::Cell::new(false),
        }
    }

    pub fn offline(dialect: Dialect) -> MigrationContext {
        MigrationContext {
            dialect,
            as_sql: true,
            db: None,
            output: RefCell::new(String::new()),
            log: RefCell::new(Vec::new()),
            literal_binds: std::cell::Cell::new(false),
            transaction_per_migration: std::cell::Cell::new(false),
            named_paramstyle: std::cell::Cell::new(false),
        }
    }

    /// Runs (or writes) one statement. Online, a data-changing statement first opens a
    /// transaction if none is open, as Python's `sqlite3` does; DDL runs in whatever
    /// transaction is open, or commits on its own.
    pub fn execute(&self, sql: &str, params: Params, mark: usize) -> Result<Rows, OpError> {
        self.log.borrow_mut().push(Executed {
            sql: sql.to_string(),
            params: params.clone(),
            mark,
        });
        let Some(db) = &self.db else {
            // alembic's `static_output`: tabs become four spaces, then `;` and a blank line.
            let text = sql.replace('\t', "    ");
            let mut out = self.output.borrow_mut();
            out.push_str(text.trim());
            out.push_str(";\n\n");
            return Ok(Rows::default());
        };
        let wrap = |error: DbError| OpError::Db {
            error,
            sql: sql.to_string(),
            params: params.clone(),
        };
        if is_dml(sql) && db.is_autocommit() {
            db.execute_batch("BEGIN").map_err(wrap)?;
        }
        match &params {
            Params::None => db.execute(sql, &[]).map_err(wrap),
            Params::One(row) => {
                let values: Vec<SqlValue> = row.iter().map(Value::to_sql).collect();
                db.execute(sql, &values).map_err(wrap)
            }
            Params::Many(rows) => {
                let mut total = Rows::default();
                for row in rows {
                    let values: Vec<SqlValue> = row.iter().map(Value::to_sql).collect();
                    let r = db.execute(sql, &values).map_err(wrap)?;
                    total.changed += r.changed;
                }
                Ok(total)
            }
        }
    }

    pub fn commit(&self) {
        if let Some(db) = &self.db {
            if !db.is_autocommit() {
                let _ = db.execute_batch("COMMIT");
            }
        }
    }

    pub fn rollback(&self) {
        if let Some(db) = &self.db {
            if !db.is_autocommit() {
                let _ = db.execute_batch("ROLLBACK");
            }
        }
    }
}

/// Whether Python's `sqlite3` opens a transaction before this statement.
fn is_dml(sql: &str) -> bool {
    let first: String = sql
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase();
    matches!(first.as_str(), "INSERT" | "UPDATE" | "DELETE" | "REPLACE")
}

/// The version table's statements, as SQLAlchemy compiles them for Alembic's `_version`
/// table (`alembic/runtime/migration.py`).
pub mod version_table {
    pub fn create(table: &str) -> String {
        format!(
            "\nCREATE TABLE {table} (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT {table}_pkc PRIMARY KEY (version_num)\n)\n\n"
        )
    }

    pub fn drop(table: &str) -> String {
        format!("\nDROP TABLE {table}")
    }

    /// SQLAlchemy adds `RETURNING` for the key; PostgreSQL's compiler qualifies the column.
    pub fn insert(table: &str, rev: &str, dialect: crate::schema::Dialect) -> String {
        let returning = match dialect {
            crate::schema::Dialect::Sqlite => "version_num".to_string(),
            crate::schema::Dialect::Postgresql => format!("{table}.version_num"),
        };
        format!("INSERT INTO {table} (version_num) VALUES ('{rev}') RETURNING {returning}")
    }

    pub fn update(table: &str, from: &str, to: &str) -> String {
        format!("UPDATE {table} SET version_num='{to}' WHERE {table}.version_num = '{from}'")
    }

    pub fn delete(table: &str, rev: &str) -> String {
        format!("DELETE FROM {table} WHERE {table}.version_num = '{rev}'")
    }

    pub fn select(table: &str) -> String {
        format!("SELECT {table}.version_num \nFROM {table}")
    }
}

impl MigrationContext {
    /// The revisions recorded in the version table (none when it does not exist).
    pub fn current_heads(&self, table: &str) -> Result<Vec<String>, OpError> {
        let Some(db) = &self.db else {
            return Ok(Vec::new());
        };
        let exists = db
            .execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name=?",
                &[SqlValue::Text(table.to_string())],
            )
            .map_err(|error| OpError::Db {
                error,
                sql: String::new(),
                params: Params::None,
            })?;
        if exists.rows.is_empty() {
            return Ok(Vec::new());
        }
        let sql = version_table::select(table);
        let rows = db.execute(&sql, &[]).map_err(|error| OpError::Db {
            error,
            sql: sql.clone(),
            params: Params::None,
        })?;
        Ok(rows
            .rows
            .into_iter()
            .filter_map(|r| match r.into_iter().next() {
                Some(SqlValue::Text(t)) => Some(t),
                _ => None,
            })
            .collect())
    }

    /// Runs an UPDATE or DELETE of the version table and checks, as Alembic does online, that
    /// it matched exactly one row.
    pub fn execute_version_change(
        &self,
        sql: &str,
        what: &str,
        table: &str,
    ) -> Result<(), OpError> {
        let rows = self.execute(sql, Params::None, 0)?;
        if self.db.is_some() && rows.changed != 1 {
            return Err(OpError::raise(
                "alembic.util.exc.CommandError",
                format!(
                    "Online migration expected to match one row when {what} in '{table}'; {} found",
                    rows.changed
                ),
            ));
        }
        Ok(())
    }
}
