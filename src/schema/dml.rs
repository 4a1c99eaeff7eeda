//! Core statements that migrations run on data: `text()` with bound parameters, and
//! `insert()`/`update()`/`delete()` on `table()`/`column()` with `where` clauses, compiled the
//! way SQLAlchemy's compiler writes them (`?` for SQLite, `%(name)s::TYPE` for PostgreSQL's
//! psycopg), or with the values written inline (`op.inline_literal`, offline `bulk_insert`).

use super::ddl::{literal, quote};
use super::{Dialect, SqlType, TypeKind};
use crate::db::SqlValue;

/// A Python value bound to a statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
}

impl Value {
    /// What the SQLite driver receives (booleans become 1 and 0, as SQLAlchemy's `Boolean`
    /// bind processor makes them).
    pub fn to_sql(&self) -> SqlValue {
        match self {
            Value::None => SqlValue::Null,
            Value::Bool(b) => SqlValue::Integer(*b as i64),
            Value::Int(n) => SqlValue::Integer(*n),
            Value::Float(x) => SqlValue::Real(*x),
            Value::Str(s) => SqlValue::Text(s.clone()),
            Value::Bytes(b) => SqlValue::Blob(b.clone()),
        }
    }

    /// The value written into SQL text (`literal_binds`).
    pub fn literal(&self, dialect: Dialect) -> String {
        match self {
            Value::None => "NULL".into(),
            Value::Bool(b) => match dialect {
                Dialect::Sqlite => (*b as i64).to_string(),
                Dialect::Postgresql => b.to_string(),
            },
            Value::Int(n) => n.to_string(),
            Value::Float(x) => crate::python::dump::float_repr(*x),
            Value::Str(s) => literal(s),
            Value::Bytes(b) => {
                let hex: String = b.iter().map(|c| format!("{c:02x}")).collect();
                format!("X'{hex}'")
            }
        }
    }

    /// The type SQLAlchemy infers for a bare Python value.
    fn inferred_type(&self) -> Option<SqlType> {
        Some(SqlType::new(match self {
            Value::Int(_) => TypeKind::Integer,
            Value::Str(_) => TypeKind::String,
            Value::Float(_) => TypeKind::Float,
            Value::Bool(_) => TypeKind::Boolean,
            _ => return None,
        }))
    }
}

/// A SQL expression in a `where` clause or a `values()` entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Column {
        table: String,
        name: String,
        type_: Option<SqlType>,
    },
    /// A bound parameter; `key` is its name (`name`, `id_1`).
    Bind {
        key: String,
        value: Value,
        type_: Option<SqlType>,
    },
    /// `op.inline_literal(value)`: rendered into the SQL text.
    Inline(Value),
    /// `text(...)` or other SQL given verbatim.
    Text(String),
    Binary {
        left: Box<Expr>,
        op: &'static str,
        right: Box<Expr>,
    },
    /// `and_(...)`, `or_(...)`, `not_(...)`.
    Bool { op: &'static str, items: Vec<Expr> },
}

/// An executable statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Statement {
    /// `text("... :name ...")` with values for its parameters.
    Text {
        sql: String,
        binds: Vec<(String, Value)>,
    },
    Insert {
        table: String,
        values: Vec<(String, Expr)>,
    },
    Update {
        table: String,
        values: Vec<(String, Expr)>,
        where_: Vec<Expr>,
    },
    Delete {
        table: String,
        where_: Vec<Expr>,
    },
}

/// A statement compiled for one dialect: its text and its positional parameters.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Compiled {
    pub sql: String,
    pub params: Vec<Value>,
}

struct Compiler {
    dialect: Dialect,
    literal_binds: bool,
    /// The `named` paramstyle (`:id`), which env.py's offline `dialect_opts` asks for;
    /// otherwise the driver's (`?` for sqlite3, `%(id)s` for psycopg).
    named: bool,
    params: Vec<Value>,
}

impl Compiler {
    fn bind(&mut self, key: &str, value: &Value, type_: Option<&SqlType>) -> String {
        if self.literal_binds {
            return value.literal(self.dialect);
        }
        self.params.push(value.clone());
        let placeholder = if self.named {
            format!(":{key}")
        } else {
            format!("%({key})s")
        };
        match self.dialect {
            Dialect::Sqlite if self.named => placeholder,
            Dialect::Sqlite => "?".into(),
            Dialect::Postgresql => {
                let inferred = value.inferred_type();
                let t = type_.or(inferred.as_ref());
                // psycopg renders a cast for types whose driver form is ambiguous.
                let cast =
                    t.filter(|t| !matches!(t.kind, TypeKind::Boolean | TypeKind::UpperBoolean));
                match cast {
                    Some(t) => format!("{placeholder}::{}", t.compile(Dialect::Postgresql)),
                    None => placeholder,
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) -> String {
        match e {
            Expr::Column { table, name, .. } => {
                format!(
                    "{}.{}",
                    quote(self.dialect, table),
                    quote(self.dialect, name)
                )
            }
            Expr::Bind { key, value, type_ } => self.bind(key, value, type_.as_ref()),
            Expr::Inline(v) => v.literal(self.dialect),
            Expr::Text(t) => t.clone(),
            Expr::Binary { left, op, right } => {
                let l = self.expr(left);
                let r = self.expr(right);
                format!("{l} {op} {r}")
            }
            Expr::Bool { op, items } => {
                if *op == "NOT" {
                    let inner = items.first().map(|i| self.expr(i)).unwrap_or_default();
                    return format!("NOT ({inner})");
                }
                let parts: Vec<String> = items.iter().map(|i| self.expr(i)).collect();
                parts.join(&format!(" {op} "))
            }
        }
    }

    fn where_clause(&mut self, where_: &[Expr]) -> String {
        if where_.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = where_.iter().map(|w| self.expr(w)).collect();
        format!(" WHERE {}", parts.join(" AND "))
    }

    /// `text()`: `:name` becomes a parameter, `\:` an escaped colon.
    fn text(&mut self, sql: &str, binds: &[(String, Value)]) -> String {
        let mut out = String::new();
        let chars: Vec<char> = sql.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' && chars.get(i + 1) == Some(&':') {
                out.push(':');
                i += 2;
                continue;
            }
            let prev_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == ':');
            if c == ':'
                && prev_ok
                && chars
                    .get(i + 1)
                    .is_some_and(|n| n.is_alphabetic() || *n == '_')
            {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && (chars[end].is_alphanumeric() || chars[end] == '_') {
                    end += 1;
                }
                let key: String = chars[start..end].iter().collect();
                let value = binds
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
                    .unwrap_or(Value::None);
                out.push_str(&self.bind(&key, &value, None));
                i = end;
                continue;
            }
            out.push(c);
            i += 1;
        }
        out
    }
}

impl Statement {
    pub fn compile(&self, dialect: Dialect, literal_binds: bool) -> Compiled {
        self.compile_with(dialect, literal_binds, false)
    }

    /// As written into an offline (`--sql`) script, with `named` placeholders when the
    /// context was configured with `dialect_opts={"paramstyle": "named"}`.
    pub fn compile_offline(&self, dialect: Dialect, literal_binds: bool, named: bool) -> Compiled {
        self.compile_with(dialect, literal_binds, named)
    }

    fn compile_with(&self, dialect: Dialect, literal_binds: bool, named: bool) -> Compiled {
        let mut c = Compiler {
            dialect,
            literal_binds,
            named,
            params: Vec::new(),
        };
        let sql = match self {
            Statement::Text { sql, binds } => c.text(sql, binds),
            Statement::Insert { table, values } => {
                let names: Vec<String> = values.iter().map(|(k, _)| quote(dialect, k)).collect();
                let vals: Vec<String> = values.iter().map(|(_, v)| c.expr(v)).collect();
                format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    quote(dialect, table),
                    names.join(", "),
                    vals.join(", ")
                )
            }
            Statement::Update {
                table,
                values,
                where_,
            } => {
                let sets: Vec<String> = values
                    .iter()
                    .map(|(k, v)| format!("{}={}", quote(dialect, k), c.expr(v)))
                    .collect();
                let w = c.where_clause(where_);
                format!(
                    "UPDATE {} SET {}{w}",
                    quote(dialect, table),
                    sets.join(", ")
                )
            }
            Statement::Delete { table, where_ } => {
                let w = c.where_clause(where_);
                format!("DELETE FROM {}{w}", quote(dialect, table))
            }
        };
        Compiled {
            sql,
            params: c.params,
        }
    }
}

/// The next free `name_N` key for a bound value compared with column `name`.
pub fn anon_key(taken: &[String], name: &str) -> String {
    (1..)
        .map(|i| format!("{name}_{i}"))
        .find(|k| !taken.contains(k))
        .expect("an unused key exists")
}
