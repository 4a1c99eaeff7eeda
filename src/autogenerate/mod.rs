//! Autogenerate (`alembic/autogenerate/`): compare the models' MetaData with the reflected
//! database into migration operations, with the `Detected ...` lines Alembic logs, then
//! render them as the Python of a revision's `upgrade()` and `downgrade()` (`render.rs`).

pub mod diffs;
pub mod render;

use crate::schema::{Column, ConstraintKind, Index, IndexItem, MetaData, Table, TableRef};

/// One migration operation, as autogenerate produces it.
#[derive(Clone, Debug)]
pub enum Op {
    CreateTable(Table),
    DropTable(Table),
    AddColumn {
        table: String,
        column: Column,
    },
    DropColumn {
        table: String,
        column: Column,
    },
    AlterColumn(Alter),
    CreateIndex {
        table: String,
        index: Index,
    },
    DropIndex {
        table: String,
        index: Index,
    },
    CreateUnique {
        table: String,
        name: Option<String>,
        conv: bool,
        columns: Vec<String>,
    },
    DropUnique {
        table: String,
        name: Option<String>,
        conv: bool,
        columns: Vec<String>,
    },
    CreateForeignKey {
        table: String,
        name: Option<String>,
        spec: crate::schema::ForeignKeySpec,
    },
    DropForeignKey {
        table: String,
        name: Option<String>,
        spec: crate::schema::ForeignKeySpec,
    },
}

/// An `alter_column` with what changed and what was there.
#[derive(Clone, Debug)]
pub struct Alter {
    pub table: String,
    pub column: String,
    pub existing_type: crate::schema::SqlType,
    pub existing_nullable: bool,
    pub nullable: Option<bool>,
    pub type_: Option<crate::schema::SqlType>,
    /// The database's server default, as Alembic fills `existing_server_default` in: `None`
    /// when neither side has one (Alembic's `False`), `Some(None)` when only the model has.
    pub existing_server_default: Option<Option<crate::schema::ServerDefault>>,
    /// `compare_server_default=True` found a different default: the model's (or none).
    pub server_default: Option<Option<crate::schema::ServerDefault>>,
}

/// What comparing produced: the operations, and the log lines (logger, message) in order.
#[derive(Default, Debug)]
pub struct Comparison {
    pub ops: Vec<Op>,
    pub log: Vec<(&'static str, String)>,
}

/// A schema object as env.py's `include_object` hook sees it.
pub enum Object<'a> {
    Table(&'a Table),
    Column(&'a Table, &'a Column),
    Index(&'a Table, &'a Index),
    Constraint(&'a Table, &'a crate::schema::Constraint),
}

/// env.py's filters (`include_name`, `include_object`): what autogenerate may consider.
pub trait Hooks {
    fn include_name(&mut self, name: &str, type_: &str, table: Option<&str>) -> bool;
    fn include_object(
        &mut self,
        object: Object<'_>,
        name: Option<&str>,
        type_: &str,
        reflected: bool,
        compare_to: Option<Object<'_>>,
    ) -> bool;
}

/// No filters: everything is compared.
pub struct NoHooks;

impl Hooks for NoHooks {
    fn include_name(&mut self, _: &str, _: &str, _: Option<&str>) -> bool {
        true
    }
    fn include_object(
        &mut self,
        _: Object<'_>,
        _: Option<&str>,
        _: &str,
        _: bool,
        _: Option<Object<'_>>,
    ) -> bool {
        true
    }
}

/// `context.configure()`'s comparison switches.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub compare_type: bool,
    pub compare_server_default: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            compare_type: true,
            compare_server_default: false,
        }
    }
}

const SERVER_DEFAULTS: &str = "alembic.autogenerate.compare.server_defaults";

/// A server default as SQLite's impl compares it: its SQL text, without one pair of
/// enclosing parentheses and quotes (`('x')` and `'x'` are both `x`).
fn default_text(d: &crate::schema::ServerDefault) -> String {
    let sql = crate::schema::ddl::default_sql(crate::schema::Dialect::Sqlite, d);
    let sql = sql
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .filter(|s| !s.is_empty())
        .unwrap_or(&sql)
        .to_string();
    let unquoted = sql
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(&sql);
    unquoted
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .filter(|s| !s.is_empty())
        .unwrap_or(unquoted)
        .to_string()
}

const TABLES: &str = "alembic.autogenerate.compare.tables";
const CONSTRAINTS: &str = "alembic.autogenerate.compare.constraints";
const TYPES: &str = "alembic.autogenerate.compare.types";

fn index_columns(i: &Index) -> Vec<String> {
    i.columns
        .iter()
        .map(|c| match c {
            IndexItem::Column(n) => n.clone(),
            IndexItem::Expression(e) => e.clone(),
        })
        .collect()
}

fn tuple_repr(cols: &[String]) -> String {
    let items: Vec<String> = cols
        .iter()
        .map(|c| crate::python::runtime::value::repr_str(c))
        .collect();
    if items.len() == 1 {
        format!("({},)", items[0])
    } else {
        format!("({})", items.join(", "))
    }
}

/// The SQL-level kind of a type, as the comparison Alembic makes on SQLite sees it.
fn same_type(model: &crate::schema::SqlType, reflected: &crate::schema::SqlType) -> bool {
    use crate::schema::Dialect;
    let a = model.compile(Dialect::Sqlite);
    let b = reflected.compile(Dialect::Sqlite);
    a.to_uppercase() == b.to_uppercase()
}

/// Compares `metadata` with the reflected database tables `db` (without `alembic_version`).
pub fn compare(
    metadata: &MetaData,
    db: &[Table],
    options: Options,
    hooks: &mut dyn Hooks,
) -> Comparison {
    let mut out = Comparison::default();
    metadata.resolve_fk_types();
    let db: Vec<Table> = db
        .iter()
        .filter(|t| hooks.include_name(&t.name, "table", None))
        .cloned()
        .collect();
    let db = db.as_slice();
    let model_tables: Vec<TableRef> =
        crate::schema::sort_tables(&metadata.tables.values().cloned().collect::<Vec<_>>())
            .unwrap_or_else(|_| metadata.tables.values().cloned().collect());
    let db_names: Vec<&str> = db.iter().map(|t| t.name.as_str()).collect();
    // New tables, in dependency order, each with its indexes by name.
    for t in &model_tables {
        let t = t.borrow();
        if db_names.contains(&t.name.as_str())
            || !hooks.include_object(Object::Table(&t), Some(&t.name), "table", false, None)
        {
            continue;
        }
        out.log
            .push((TABLES, format!("Detected added table '{}'", t.name)));
        out.ops.push(Op::CreateTable(t.clone()));
        let mut indexes = t.indexes.clone();
        indexes.sort_by(|a, b| a.name.value.cmp(&b.name.value));
        for i in indexes {
            out.log.push((
                CONSTRAINTS,
                format!(
                    "Detected added index '{}' on '{}'",
                    i.name.as_deref().unwrap_or(""),
                    tuple_repr(&index_columns(&i))
                ),
            ));
            out.ops.push(Op::CreateIndex {
                table: t.name.clone(),
                index: i,
            });
        }
    }
    // Removed tables, alphabetically.
    let model_names: Vec<String> = model_tables
        .iter()
        .map(|t| t.borrow().name.clone())
        .collect();
    let mut removed: Vec<&Table> = db
        .iter()
        .filter(|t| !model_names.contains(&t.name))
        .filter(|t| hooks.include_object(Object::Table(t), Some(&t.name), "table", true, None))
        .collect();
    removed.sort_by(|a, b| a.name.cmp(&b.name));
    for t in removed {
        let mut indexes = t.indexes.clone();
        indexes.sort_by(|a, b| a.name.value.cmp(&b.name.value));
        for i in indexes {
            out.log.push((
                CONSTRAINTS,
                format!(
                    "Detected removed index '{}' on '{}'",
                    i.name.as_deref().unwrap_or(""),
                    t.name
                ),
            ));
            out.ops.push(Op::DropIndex {
                table: t.name.clone(),
                index: i,
            });
        }
        out.log
            .push((TABLES, format!("Detected removed table '{}'", t.name)));
        out.ops.push(Op::DropTable(t.clone()));
    }
    // Existing tables, alphabetically.
    let mut existing: Vec<(TableRef, &Table)> = model_tables
        .iter()
        .filter_map(|m| {
            let name = m.borrow().name.clone();
            db.iter().find(|d| d.name == name).map(|d| (m.clone(), d))
        })
        .collect();
    existing.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    for (model, conn) in existing {
        let model = model.borrow();
        if !hooks.include_object(
            Object::Table(&model),
            Some(&model.name),
            "table",
            false,
            Some(Object::Table(conn)),
        ) {
            continue;
        }
        let (model, conn) = filtered(&model, conn, hooks);
        compare_table(&model, &conn, options, &mut out);
    }
    out
}

/// Copies of a table pair holding only the columns, indexes and constraints env.py's hooks
/// let through, as Alembic asks them: `include_name` for reflected names first, then
/// `include_object` for each object (with its counterpart, for a column on both sides).
fn filtered(model: &Table, conn: &Table, hooks: &mut dyn Hooks) -> (Table, Table) {
    let table = Some(model.name.as_str());
    let mut m = model.clone();
    let mut c = conn.clone();
    c.columns
        .retain(|col| hooks.include_name(&col.name, "column", table));
    let mut skipped: Vec<String> = Vec::new();
    for col in &model.columns {
        let other = c.column(&col.name);
        if !hooks.include_object(
            Object::Column(model, col),
            Some(&col.name),
            "column",
            false,
            other.map(|o| Object::Column(conn, o)),
        ) {
            skipped.push(col.name.clone());
        }
    }
    m.columns.retain(|col| !skipped.contains(&col.name));
    let kept: Vec<bool> = c
        .columns
        .iter()
        .map(|col| {
            if model.column(&col.name).is_some() {
                !skipped.contains(&col.name)
            } else {
                hooks.include_object(
                    Object::Column(conn, col),
                    Some(&col.name),
                    "column",
                    true,
                    None,
                )
            }
        })
        .collect();
    let mut keep = kept.into_iter();
    c.columns.retain(|_| keep.next().unwrap_or(true));
    for (t, source, reflected) in [(&mut m, model, false), (&mut c, conn, true)] {
        let keep: Vec<bool> = source
            .indexes
            .iter()
            .map(|i| {
                let n = i.name.as_deref();
                (!reflected || n.is_none_or(|n| hooks.include_name(n, "index", table)))
                    && hooks.include_object(Object::Index(source, i), n, "index", reflected, None)
            })
            .collect();
        let mut k = keep.into_iter();
        t.indexes.retain(|_| k.next().unwrap_or(true));
        let keep: Vec<bool> = source
            .constraints
            .iter()
            .map(|con| {
                let type_ = match con.kind {
                    ConstraintKind::Unique { .. } => "unique_constraint",
                    ConstraintKind::ForeignKey(_) => "foreign_key_constraint",
                    ConstraintKind::Check { .. } => return true,
                };
                let n = con.name.as_deref();
                (!reflected || n.is_none_or(|n| hooks.include_name(n, type_, table)))
                    && hooks.include_object(
                        Object::Constraint(source, con),
                        n,
                        type_,
                        reflected,
                        None,
                    )
            })
            .collect();
        let mut k = keep.into_iter();
        t.constraints.retain(|_| k.next().unwrap_or(true));
    }
    (m, c)
}

fn compare_table(model: &Table, conn: &Table, options: Options, out: &mut Comparison) {
    let name = &model.name;
    for c in &model.columns {
        if conn.column(&c.name).is_none() {
            out.log
                .push((TABLES, format!("Detected added column '{name}.{}'", c.name)));
            out.ops.push(Op::AddColumn {
                table: name.clone(),
                column: c.clone(),
            });
        }
    }
    for c in &model.columns {
        let Some(existing) = conn.column(&c.name) else {
            continue;
        };
        let mut alter = Alter {
            table: name.clone(),
            column: c.name.clone(),
            existing_type: existing.type_.clone(),
            existing_nullable: existing.nullable,
            nullable: None,
            type_: None,
            existing_server_default: (existing.server_default.is_some()
                || c.server_default.is_some())
            .then(|| existing.server_default.clone()),
            server_default: None,
        };
        if c.nullable != existing.nullable && !c.primary_key {
            let what = if c.nullable { "NULL" } else { "NOT NULL" };
            // Alembic logs nullability (from its constraints plugin) before a type change on
            // the same column, though the op lists the type change first.
            out.log.push((
                CONSTRAINTS,
                format!("Detected {what} on column '{name}.{}'", c.name),
            ));
            alter.nullable = Some(c.nullable);
        }
        if options.compare_type && !same_type(&c.type_, &existing.type_) {
            out.log.push((
                TYPES,
                format!(
                    "Detected type change from {} to {} on '{name}.{}'",
                    existing.type_.repr(),
                    c.type_.repr(),
                    c.name
                ),
            ));
            alter.type_ = Some(c.type_.clone());
        }
        if options.compare_server_default
            && (c.server_default.is_some() || existing.server_default.is_some())
            && c.server_default.as_ref().map(default_text)
                != existing.server_default.as_ref().map(default_text)
        {
            // The impl's repr, with an address as CPython would print one.
            out.log.push((
                SERVER_DEFAULTS,
                format!(
                    "Dialect impl <alembic.ddl.sqlite.SQLiteImpl object at 0x7f3a9c5c8b50> detected server default on column '{name}.{}'",
                    c.name
                ),
            ));
            alter.server_default = Some(c.server_default.clone());
        }
        if alter.type_.is_some() || alter.nullable.is_some() || alter.server_default.is_some() {
            out.ops.push(Op::AlterColumn(alter));
        }
    }
    // Indexes: removed, changed, added (by name); then unique constraints.
    let model_ix: Vec<&Index> = model.indexes.iter().collect();
    let conn_ix: Vec<&Index> = conn.indexes.iter().collect();
    let mut removed: Vec<&Index> = conn_ix
        .iter()
        .filter(|i| !model_ix.iter().any(|m| m.name.value == i.name.value))
        .copied()
        .collect();
    removed.sort_by(|a, b| a.name.value.cmp(&b.name.value));
    for i in removed {
        out.log.push((
            CONSTRAINTS,
            format!(
                "Detected removed index '{}' on '{name}'",
                i.name.as_deref().unwrap_or("")
            ),
        ));
        out.ops.push(Op::DropIndex {
            table: name.clone(),
            index: i.clone(),
        });
    }
    for m in &model_ix {
        if let Some(c) = conn_ix.iter().find(|c| c.name.value == m.name.value) {
            if c.unique != m.unique || index_columns(c) != index_columns(m) {
                out.log.push((
                    CONSTRAINTS,
                    format!(
                        "Detected changed index '{}' on '{name}': unique={} to unique={}",
                        m.name.as_deref().unwrap_or(""),
                        py_bool(c.unique),
                        py_bool(m.unique)
                    ),
                ));
                out.ops.push(Op::DropIndex {
                    table: name.clone(),
                    index: (*c).clone(),
                });
                out.ops.push(Op::CreateIndex {
                    table: name.clone(),
                    index: (*m).clone(),
                });
            }
        }
    }
    let mut added: Vec<&Index> = model_ix
        .iter()
        .filter(|m| !conn_ix.iter().any(|c| c.name.value == m.name.value))
        .copied()
        .collect();
    added.sort_by(|a, b| a.name.value.cmp(&b.name.value));
    for i in added {
        out.log.push((
            CONSTRAINTS,
            format!(
                "Detected added index '{}' on '{}'",
                i.name.as_deref().unwrap_or(""),
                tuple_repr(&index_columns(i))
            ),
        ));
        out.ops.push(Op::CreateIndex {
            table: name.clone(),
            index: i.clone(),
        });
    }
    let uniques = |t: &Table| -> Vec<(Option<String>, bool, Vec<String>)> {
        t.constraints
            .iter()
            .filter_map(|c| match &c.kind {
                ConstraintKind::Unique { columns } => {
                    Some((c.name.value.clone(), c.name.conv, columns.clone()))
                }
                _ => None,
            })
            .collect()
    };
    let (mu, cu) = (uniques(model), uniques(conn));
    for (n, conv, cols) in &cu {
        if !mu
            .iter()
            .any(|(mn, _, mc)| (n.is_some() && mn == n) || (n.is_none() && mc == cols))
        {
            out.log.push((
                CONSTRAINTS,
                format!(
                    "Detected removed unique constraint {} on '{name}'",
                    repr_opt(n)
                ),
            ));
            out.ops.push(Op::DropUnique {
                table: name.clone(),
                name: n.clone(),
                conv: *conv || n.is_some(),
                columns: cols.clone(),
            });
        }
    }
    for (n, conv, cols) in &mu {
        if !cu
            .iter()
            .any(|(cn, _, cc)| (n.is_some() && cn == n) || cc == cols)
        {
            out.log.push((
                CONSTRAINTS,
                format!(
                    "Detected added unique constraint {} on '{}'",
                    repr_opt(n),
                    tuple_repr(cols)
                ),
            ));
            out.ops.push(Op::CreateUnique {
                table: name.clone(),
                name: n.clone(),
                conv: *conv,
                columns: cols.clone(),
            });
        }
    }
    // Foreign keys, compared by their columns and targets, and (since SQLite reflects them)
    // their ON DELETE / ON UPDATE actions, where NO ACTION is the same as none.
    let fks = |t: &Table| -> Vec<(Option<String>, crate::schema::ForeignKeySpec)> {
        t.foreign_keys()
            .map(|(c, f)| (c.name.value.clone(), f.clone()))
            .collect()
    };
    let (mf, cf) = (fks(model), fks(conn));
    let same_fk = |a: &crate::schema::ForeignKeySpec, b: &crate::schema::ForeignKeySpec| {
        let action = |v: &Option<String>| {
            v.as_ref()
                .map(|s| s.to_uppercase())
                .filter(|s| s != "NO ACTION")
        };
        a.columns == b.columns
            && a.ref_table == b.ref_table
            && a.ref_columns == b.ref_columns
            && action(&a.ondelete) == action(&b.ondelete)
            && action(&a.onupdate) == action(&b.onupdate)
    };
    for (n, f) in &cf {
        if !mf.iter().any(|(_, m)| same_fk(m, f)) {
            out.log.push((
                CONSTRAINTS,
                format!(
                    "Detected removed foreign key ({})({}) on table {name}",
                    f.columns.join(", "),
                    f.ref_columns.join(", ")
                ),
            ));
            out.ops.push(Op::DropForeignKey {
                table: name.clone(),
                name: n.clone(),
                spec: f.clone(),
            });
        }
    }
    for (n, f) in &mf {
        if !cf.iter().any(|(_, c)| same_fk(c, f)) {
            out.log.push((
                CONSTRAINTS,
                format!(
                    "Detected added foreign key ({})({}) on table {name}",
                    f.columns.join(", "),
                    f.ref_columns.join(", ")
                ),
            ));
            out.ops.push(Op::CreateForeignKey {
                table: name.clone(),
                name: n.clone(),
                spec: f.clone(),
            });
        }
    }
    for c in &conn.columns {
        if model.column(&c.name).is_none() {
            out.log.push((
                TABLES,
                format!("Detected removed column '{name}.{}'", c.name),
            ));
            out.ops.push(Op::DropColumn {
                table: name.clone(),
                column: c.clone(),
            });
        }
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn repr_opt(n: &Option<String>) -> String {
    match n {
        Some(s) => crate::python::runtime::value::repr_str(s),
        None => "None".into(),
    }
}
