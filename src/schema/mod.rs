//! The schema model: SQLAlchemy's `MetaData`, `Table`, `Column`, constraints and indexes as
//! plain Rust data. Models, `op.*` directives, reflection and autogenerate all meet here; the
//! Python objects learners build are thin handles onto it (the `sqlalchemy` module of the
//! evaluator).
//!
//! The model never touches the database or Python: `ddl` compiles it to SQL text and the
//! operations layer runs that text through the `db` seam.

pub mod ddl;
pub mod dml;
pub mod naming;
pub mod reflect;
mod reserved;
pub mod types;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexmap::IndexMap;

pub use types::{EnumSpec, SqlType, TypeKind};

/// The SQL dialects the playground compiles for: SQLite runs; PostgreSQL is offline
/// (`--sql`) only, for the tutorial's `postgresql://` URL.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Dialect {
    Sqlite,
    Postgresql,
}

thread_local! {
    static CREATION_ORDER: Cell<u64> = const { Cell::new(0) };
}

/// A global, increasing stamp: SQLAlchemy renders a table's constraints and indexes in the
/// order their objects were created (`_creation_order`), not the order they were attached.
pub fn next_order() -> u64 {
    CREATION_ORDER.with(|c| {
        let n = c.get() + 1;
        c.set(n);
        n
    })
}

pub type TableRef = Rc<RefCell<Table>>;

/// A collection of tables and the naming convention their constraints follow.
#[derive(Clone, Debug)]
pub struct MetaData {
    pub tables: IndexMap<String, TableRef>,
    /// `naming_convention=`: keys (`ix`, `uq`, `ck`, `fk`, `pk`) to templates.
    pub naming_convention: Vec<(String, String)>,
    pub schema: Option<String>,
}

impl Default for MetaData {
    fn default() -> Self {
        MetaData {
            tables: IndexMap::new(),
            // SQLAlchemy's default convention names unnamed indexes.
            naming_convention: vec![("ix".into(), "ix_%(column_0_label)s".into())],
            schema: None,
        }
    }
}

impl MetaData {
    pub fn table(&self, key: &str) -> Option<TableRef> {
        self.tables.get(key).cloned()
    }

    /// Columns declared with only a foreign key (`Column("user_id", ForeignKey("user.id"))`)
    /// take the referred column's type, as SQLAlchemy resolves it when the key is set up.
    pub fn resolve_fk_types(&self) {
        for table in self.tables.values() {
            let pending: Vec<(usize, String, String)> = {
                let t = table.borrow();
                t.columns
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.type_.kind == TypeKind::NullType)
                    .filter_map(|(i, c)| {
                        t.foreign_keys()
                            .find_map(|(_, fk)| {
                                fk.columns
                                    .iter()
                                    .position(|n| *n == c.name)
                                    .map(|p| (fk.ref_table_key(), fk.ref_columns[p].clone()))
                            })
                            .map(|(rt, rc)| (i, rt, rc))
                    })
                    .collect()
            };
            for (i, rt, rc) in pending {
                let found = self.tables.get(&rt).and_then(|r| {
                    if Rc::ptr_eq(r, table) {
                        table.borrow().column(&rc).map(|c| c.type_.clone())
                    } else {
                        r.borrow().column(&rc).map(|c| c.type_.clone())
                    }
                });
                if let Some(t) = found {
                    table.borrow_mut().columns[i].type_ = t;
                }
            }
        }
    }
}

/// A table: its columns in order, its primary key, its other constraints and its indexes.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub name: String,
    pub schema: Option<String>,
    pub columns: Vec<Column>,
    pub primary_key: PrimaryKey,
    /// Unique, check and foreign key constraints, kept sorted by creation order.
    pub constraints: Vec<Constraint>,
    /// Kept sorted by creation order.
    pub indexes: Vec<Index>,
    pub comment: Option<String>,
    /// `sqlite_autoincrement=True`: `INTEGER PRIMARY KEY AUTOINCREMENT`.
    pub sqlite_autoincrement: bool,
}

impl Table {
    pub fn new(name: &str, schema: Option<String>) -> Table {
        Table {
            name: name.to_string(),
            schema,
            ..Table::default()
        }
    }

    /// `schema.name`, or `name`: the table's key in its MetaData.
    pub fn key(&self) -> String {
        match &self.schema {
            Some(s) => format!("{s}.{}", self.name),
            None => self.name.clone(),
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// A column by its Python-side key (`Column("legacy_name", key="legacy")`) or name.
    pub fn column_by_key(&self, key: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.key == key)
            .or_else(|| self.column(key))
    }

    pub fn add_constraint(&mut self, constraint: Constraint) {
        let at = self
            .constraints
            .partition_point(|c| c.order <= constraint.order);
        self.constraints.insert(at, constraint);
    }

    pub fn add_index(&mut self, index: Index) {
        let at = self.indexes.partition_point(|i| i.order <= index.order);
        self.indexes.insert(at, index);
    }

    pub fn foreign_keys(&self) -> impl Iterator<Item = (&Constraint, &ForeignKeySpec)> {
        self.constraints.iter().filter_map(|c| match &c.kind {
            ConstraintKind::ForeignKey(fk) => Some((c, fk)),
            _ => None,
        })
    }

    /// The column SQLAlchemy treats as autoincrementing (`Table._autoincrement_column`): the
    /// only primary-key column, of an integer type, with `autoincrement` left to "auto" (no
    /// foreign key, no defaults) or set to True.
    pub fn autoincrement_column(&self) -> Option<&Column> {
        let [only] = self.primary_key.columns.as_slice() else {
            return None;
        };
        let col = self.column(only)?;
        if !col.type_.is_integer() {
            return None;
        }
        match col.autoincrement {
            Autoincrement::Yes => Some(col),
            Autoincrement::No => None,
            Autoincrement::Auto | Autoincrement::IgnoreFk => {
                let fk_ok = col.autoincrement == Autoincrement::IgnoreFk
                    || !self.column_has_foreign_key(&col.name);
                (fk_ok && !col.has_default && col.server_default.is_none()).then_some(col)
            }
        }
    }

    pub fn column_has_foreign_key(&self, name: &str) -> bool {
        self.foreign_keys()
            .any(|(_, fk)| fk.columns.iter().any(|c| c == name))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Autoincrement {
    #[default]
    Auto,
    Yes,
    No,
    /// `autoincrement="ignore_fk"`.
    IgnoreFk,
}

/// A column's `server_default`, as the DDL renders it.
#[derive(Clone, Debug, PartialEq)]
pub enum ServerDefault {
    /// A Python string: rendered as a quoted SQL literal.
    Literal(String),
    /// `text("...")` or any SQL given verbatim.
    Sql(String),
    /// `func.name(args)`, with its arguments already rendered.
    Func { name: String, args: Vec<String> },
    /// `sa.true()` / `sa.false()`.
    Bool(bool),
}

/// A column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    /// The attribute name it is reached by in Python (`table.c.<key>`), usually the name.
    pub key: String,
    pub type_: SqlType,
    pub nullable: bool,
    pub primary_key: bool,
    pub autoincrement: Autoincrement,
    pub server_default: Option<ServerDefault>,
    /// A Python-side `default=` exists (it never reaches the DDL, but it turns off
    /// autoincrement and shows in reprs).
    pub has_default: bool,
    /// SQLAlchemy's repr of the `default=` and `onupdate=` wrappers
    /// (`ScalarElementColumnDefault(3)`), which only `alembic check` shows.
    pub default_repr: Option<String>,
    pub onupdate_repr: Option<String>,
    pub onupdate: bool,
    pub server_onupdate: bool,
    /// `unique=` and `index=` as given (`None` when not given).
    pub unique: Option<bool>,
    pub index: Option<bool>,
    pub comment: Option<String>,
    /// CHECK constraints given inside `Column(...)`: rendered inline after the column.
    pub checks: Vec<Constraint>,
}

impl Column {
    pub fn new(name: &str, type_: SqlType) -> Column {
        Column {
            name: name.to_string(),
            key: name.to_string(),
            type_,
            nullable: true,
            primary_key: false,
            autoincrement: Autoincrement::Auto,
            server_default: None,
            has_default: false,
            default_repr: None,
            onupdate_repr: None,
            onupdate: false,
            server_onupdate: false,
            unique: None,
            index: None,
            comment: None,
            checks: Vec::new(),
        }
    }
}

/// A constraint's name: given, derived from a naming convention, or absent.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Name {
    pub value: Option<String>,
    /// The name is final (`op.f()`, `conv()`, or produced by a naming convention), so
    /// conventions do not apply to it again and autogenerate renders it with `op.f()`.
    pub conv: bool,
}

impl Name {
    pub fn given(value: Option<String>) -> Name {
        Name { value, conv: false }
    }

    pub fn as_deref(&self) -> Option<&str> {
        self.value.as_deref()
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct PrimaryKey {
    pub name: Name,
    pub columns: Vec<String>,
}

/// A non-primary-key table constraint.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    pub name: Name,
    pub order: u64,
    pub kind: ConstraintKind,
    /// The CHECK a non-native `Enum` or `Boolean(create_constraint=True)` adds: only
    /// dialects without the native type render it.
    pub type_check: bool,
}

impl Constraint {
    pub fn new(name: Name, kind: ConstraintKind) -> Constraint {
        Constraint {
            name,
            order: next_order(),
            kind,
            type_check: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConstraintKind {
    Unique { columns: Vec<String> },
    Check { sqltext: String },
    ForeignKey(ForeignKeySpec),
}

impl ConstraintKind {
    /// The naming-convention key: `uq`, `ck` or `fk`.
    pub fn convention_key(&self) -> &'static str {
        match self {
            ConstraintKind::Unique { .. } => "uq",
            ConstraintKind::Check { .. } => "ck",
            ConstraintKind::ForeignKey(_) => "fk",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ForeignKeySpec {
    pub columns: Vec<String>,
    pub ref_schema: Option<String>,
    pub ref_table: String,
    pub ref_columns: Vec<String>,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
    pub deferrable: Option<bool>,
    pub initially: Option<String>,
    pub match_: Option<String>,
    pub use_alter: bool,
}

impl ForeignKeySpec {
    pub fn ref_table_key(&self) -> String {
        match &self.ref_schema {
            Some(s) => format!("{s}.{}", self.ref_table),
            None => self.ref_table.clone(),
        }
    }
}

/// An index over columns (by name) or SQL expressions.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub name: Name,
    pub order: u64,
    pub columns: Vec<IndexItem>,
    pub unique: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum IndexItem {
    Column(String),
    /// `text(...)` or another SQL expression, rendered verbatim.
    Expression(String),
}

impl Index {
    pub fn column_names(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().filter_map(|c| match c {
            IndexItem::Column(n) => Some(n.as_str()),
            IndexItem::Expression(_) => None,
        })
    }
}

/// A schema error, worded as SQLAlchemy words it (`sqlalchemy.exc.<class>: <message>`).
#[derive(Clone, Debug, PartialEq)]
pub struct SchemaError {
    /// The exception class, e.g. `NoReferencedTableError`.
    pub class: &'static str,
    pub message: String,
}

impl SchemaError {
    pub fn new(class: &'static str, message: impl Into<String>) -> SchemaError {
        SchemaError {
            class,
            message: message.into(),
        }
    }
}

/// The order `create_all` creates tables in (SQLAlchemy's `sort_tables_and_constraints`):
/// repeatedly take, in MetaData order, every table whose referenced tables are all created.
/// A table's references to itself do not count.
pub fn sort_tables(tables: &[TableRef]) -> Result<Vec<TableRef>, SchemaError> {
    let keys: Vec<String> = tables.iter().map(|t| t.borrow().key()).collect();
    let deps: Vec<Vec<String>> = tables
        .iter()
        .map(|t| {
            let t = t.borrow();
            let me = t.key();
            t.foreign_keys()
                .map(|(_, fk)| fk.ref_table_key())
                .filter(|k| *k != me && keys.contains(k))
                .collect()
        })
        .collect();
    let mut done: Vec<bool> = vec![false; tables.len()];
    let mut out = Vec::with_capacity(tables.len());
    while out.len() < tables.len() {
        let ready: Vec<usize> = (0..tables.len())
            .filter(|&i| !done[i])
            .filter(|&i| {
                deps[i]
                    .iter()
                    .all(|d| keys.iter().position(|k| k == d).is_none_or(|j| done[j]))
            })
            .collect();
        if ready.is_empty() {
            let mut cycle: Vec<&str> = (0..tables.len())
                .filter(|&i| !done[i])
                .map(|i| keys[i].as_str())
                .collect();
            cycle.sort();
            return Err(SchemaError::new(
                "CircularDependencyError",
                format!(
                    "Can't sort tables for DROP; an unresolvable foreign key dependency exists between tables: {}.  Please ensure that the ForeignKey and ForeignKeyConstraint objects involved in the cycle have names so that they can be dropped using DROP CONSTRAINT.",
                    cycle.join(", ")
                ),
            ));
        }
        for i in ready {
            done[i] = true;
            out.push(Rc::clone(&tables[i]));
        }
    }
    Ok(out)
}
