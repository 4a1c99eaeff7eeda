//! Autogenerate's diff tuples (`UpgradeOps.as_diffs()`), written as Python's `repr()` of the
//! list, which is what `alembic check` prints: `('add_table', Table(...))`,
//! `('add_column', None, 'user', Column(...))`, nested lists for column modifications.
//!
//! The reprs are SQLAlchemy's own: `Column(name, type, ForeignKey(...), table=<t>, kw=...)`
//! with its keyword order, `Index`, `UniqueConstraint` and `ForeignKeyConstraint` as Alembic's
//! `to_constraint()` builds them (over placeholder `NullType` columns). Where SQLAlchemy
//! prints an object's address, this prints a made-up one in CPython's form.

use std::cell::Cell;

use super::{Alter, Op};
use crate::python::runtime::value::repr_str;
use crate::schema::{Column, ConstraintKind, ForeignKeySpec, MetaData, ServerDefault, Table};

/// The functions SQLAlchemy knows by class (`sqlalchemy.sql.functions.<name>`); any other
/// `func.<name>` is a plain `Function`.
const GENERIC_FUNCTIONS: &[&str] = &[
    "aggregate_strings",
    "array_agg",
    "char_length",
    "coalesce",
    "concat",
    "count",
    "cube",
    "cume_dist",
    "current_date",
    "current_time",
    "current_timestamp",
    "current_user",
    "dense_rank",
    "grouping_sets",
    "localtime",
    "localtimestamp",
    "max",
    "min",
    "mode",
    "next_value",
    "now",
    "percent_rank",
    "percentile_cont",
    "percentile_disc",
    "random",
    "rank",
    "rollup",
    "session_user",
    "sum",
    "sysdate",
    "user",
];

/// Made-up object addresses, increasing as CPython's heap addresses do.
struct Addresses(Cell<u64>);

impl Addresses {
    fn next(&self) -> String {
        let a = self.0.get();
        self.0.set(a + 0x1c0);
        format!("0x{a:012x}")
    }
}

/// Where the tables an operation names come from: the models or the database.
pub struct Sides<'a> {
    pub metadata: &'a MetaData,
    pub reflected: &'a [Table],
}

impl Sides<'_> {
    fn model(&self, name: &str) -> Option<Table> {
        self.metadata.tables.get(name).map(|t| t.borrow().clone())
    }

    fn db(&self, name: &str) -> Option<&Table> {
        self.reflected.iter().find(|t| t.name == name)
    }
}

/// `repr(upgrade_ops.as_diffs())`.
pub fn as_diffs(ops: &[Op], sides: &Sides<'_>) -> String {
    let addr = Addresses(Cell::new(0x7f3a_9c41_5d10));
    let items: Vec<String> = ops.iter().map(|op| diff(op, sides, &addr)).collect();
    format!("[{}]", items.join(", "))
}

fn diff(op: &Op, sides: &Sides<'_>, addr: &Addresses) -> String {
    match op {
        Op::CreateTable(t) => format!("('add_table', {})", table_repr(t, addr)),
        Op::DropTable(t) => format!("('remove_table', {})", table_repr(t, addr)),
        Op::AddColumn { table, column } => {
            let t = sides
                .model(table)
                .unwrap_or_else(|| Table::new(table, None));
            format!(
                "('add_column', None, {}, {})",
                repr_str(table),
                column_repr(&t, column, addr)
            )
        }
        Op::DropColumn { table, column } => {
            let t = sides
                .db(table)
                .cloned()
                .unwrap_or_else(|| Table::new(table, None));
            format!(
                "('remove_column', None, {}, {})",
                repr_str(table),
                column_repr(&t, column, addr)
            )
        }
        Op::CreateIndex { table, index } => {
            let t = sides
                .model(table)
                .unwrap_or_else(|| Table::new(table, None));
            format!("('add_index', {})", index_repr(&t, index, addr))
        }
        Op::DropIndex { table, index } => {
            let t = sides
                .db(table)
                .cloned()
                .unwrap_or_else(|| Table::new(table, None));
            format!("('remove_index', {})", index_repr(&t, index, addr))
        }
        Op::CreateUnique { table, columns, .. } => {
            format!("('add_constraint', {})", unique_repr(table, columns))
        }
        Op::DropUnique { table, columns, .. } => {
            format!("('remove_constraint', {})", unique_repr(table, columns))
        }
        Op::CreateForeignKey { table, name, spec } => {
            format!(
                "('add_fk', {})",
                fk_constraint_repr(table, name, spec, addr)
            )
        }
        Op::DropForeignKey { table, name, spec } => {
            format!(
                "('remove_fk', {})",
                fk_constraint_repr(table, name, spec, addr)
            )
        }
        Op::AlterColumn(alter) => alter_repr(alter, sides, addr),
    }
}

fn table_repr(t: &Table, addr: &Addresses) -> String {
    let mut parts = vec![repr_str(&t.name), "MetaData()".to_string()];
    parts.extend(t.columns.iter().map(|c| column_repr(t, c, addr)));
    parts.push(format!("schema={}", opt(&t.schema)));
    format!("Table({})", parts.join(", "))
}

/// SQLAlchemy's `Column.__repr__`: name, type, foreign keys, `table=<name>`, then the
/// keywords that differ from a plain column, in its fixed order.
fn column_repr(t: &Table, c: &Column, addr: &Addresses) -> String {
    let mut parts = vec![repr_str(&c.name), c.type_.repr()];
    for fk in foreign_keys(t, &c.name) {
        parts.push(fk);
    }
    parts.push(format!("table=<{}>", t.name));
    if c.key != c.name {
        parts.push(format!("key={}", repr_str(&c.key)));
    }
    if c.primary_key || t.primary_key.columns.contains(&c.name) {
        parts.push("primary_key=True".into());
    }
    if !c.nullable {
        parts.push("nullable=False".into());
    }
    if let Some(u) = &c.onupdate_repr {
        parts.push(format!("onupdate={u}"));
    }
    if let Some(d) = &c.default_repr {
        parts.push(format!("default={d}"));
    }
    if let Some(d) = &c.server_default {
        parts.push(format!("server_default={}", default_clause(d, addr)));
    }
    if let Some(comment) = &c.comment {
        parts.push(format!("comment={}", repr_str(comment)));
    }
    format!("Column({})", parts.join(", "))
}

fn foreign_keys(t: &Table, column: &str) -> Vec<String> {
    t.constraints
        .iter()
        .filter_map(|c| match &c.kind {
            ConstraintKind::ForeignKey(fk) => fk
                .columns
                .iter()
                .position(|col| col == column)
                .map(|i| foreign_key(fk, i)),
            _ => None,
        })
        .collect()
}

fn foreign_key(fk: &ForeignKeySpec, i: usize) -> String {
    let target = fk.ref_columns.get(i).map(String::as_str).unwrap_or("");
    let table = match &fk.ref_schema {
        Some(s) => format!("{s}.{}", fk.ref_table),
        None => fk.ref_table.clone(),
    };
    format!("ForeignKey({})", repr_str(&format!("{table}.{target}")))
}

fn default_clause(d: &ServerDefault, addr: &Addresses) -> String {
    let arg = match d {
        ServerDefault::Literal(s) => repr_str(s),
        ServerDefault::Sql(_) => format!(
            "<sqlalchemy.sql.elements.TextClause object at {}>",
            addr.next()
        ),
        ServerDefault::Bool(b) => format!(
            "<sqlalchemy.sql.elements.{} object at {}>",
            if *b { "True_" } else { "False_" },
            addr.next()
        ),
        ServerDefault::Func { name, .. } => {
            let lower = name.to_lowercase();
            let class = if GENERIC_FUNCTIONS.contains(&lower.as_str()) {
                lower.as_str()
            } else {
                "Function"
            };
            format!(
                "<sqlalchemy.sql.functions.{class} at {}; {name}>",
                addr.next()
            )
        }
    };
    format!("DefaultClause({arg}, for_update=False)")
}

fn index_repr(t: &Table, index: &crate::schema::Index, addr: &Addresses) -> String {
    let mut parts = vec![opt(&index.name.value)];
    for name in index.column_names() {
        match t.column(name) {
            Some(c) => parts.push(column_repr(t, c, addr)),
            None => parts.push(repr_str(name)),
        }
    }
    if index.unique {
        parts.push("unique=True".into());
    }
    format!("Index({})", parts.join(", "))
}

/// Alembic builds the constraint over a throwaway table whose columns are `NullType`.
fn placeholder(table: &str, column: &str, fk: Option<String>) -> String {
    let fk = fk.map(|f| format!("{f}, ")).unwrap_or_default();
    format!(
        "Column({}, NullType(), {fk}table=<{table}>)",
        repr_str(column)
    )
}

fn unique_repr(table: &str, columns: &[String]) -> String {
    let cols: Vec<String> = columns
        .iter()
        .map(|c| placeholder(table, c, None))
        .collect();
    format!("UniqueConstraint({})", cols.join(", "))
}

/// `ForeignKeyConstraint`'s generic repr: its column collection (by address), `refcolumns`
/// (which it does not keep, so `None`), the keywords that differ from the defaults, and the
/// throwaway table.
fn fk_constraint_repr(
    table: &str,
    name: &Option<String>,
    fk: &ForeignKeySpec,
    addr: &Addresses,
) -> String {
    let mut parts = vec![
        format!(
            "<sqlalchemy.sql.base.ReadOnlyColumnCollection object at {}>",
            addr.next()
        ),
        "None".to_string(),
    ];
    if let Some(n) = name {
        parts.push(format!("name={}", repr_str(n)));
    }
    for (key, value) in [("onupdate", &fk.onupdate), ("ondelete", &fk.ondelete)] {
        if let Some(v) = value {
            parts.push(format!("{key}={}", repr_str(v)));
        }
    }
    if let Some(d) = fk.deferrable {
        parts.push(format!("deferrable={}", if d { "True" } else { "False" }));
    }
    if let Some(i) = &fk.initially {
        parts.push(format!("initially={}", repr_str(i)));
    }
    if fk.use_alter {
        parts.push("use_alter=True".into());
    }
    if let Some(m) = &fk.match_ {
        parts.push(format!("match={}", repr_str(m)));
    }
    let cols: Vec<String> = fk
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| placeholder(table, c, Some(foreign_key(fk, i))))
        .collect();
    parts.push(format!(
        "table=Table({}, MetaData(), {}, schema=None)",
        repr_str(table),
        cols.join(", ")
    ));
    format!("ForeignKeyConstraint({})", parts.join(", "))
}

/// An `alter_column` is a list of one tuple per change: type, then nullability.
fn alter_repr(a: &Alter, sides: &Sides<'_>, addr: &Addresses) -> String {
    let existing = sides.db(&a.table).and_then(|t| t.column(&a.column));
    // `existing_server_default` as Alembic fills it in: False when neither side has one.
    let server_default = match &a.existing_server_default {
        None => "False".to_string(),
        Some(None) => "None".to_string(),
        Some(Some(d)) => default_clause(d, addr),
    };
    let comment = existing.and_then(|c| c.comment.clone());
    let comment = opt(&comment);
    let mut changes = Vec::new();
    if let Some(to) = &a.type_ {
        changes.push(format!(
            "('modify_type', None, {}, {}, {{'existing_nullable': {}, 'existing_server_default': {server_default}, 'existing_comment': {comment}}}, {}, {})",
            repr_str(&a.table),
            repr_str(&a.column),
            py_bool(a.existing_nullable),
            a.existing_type.repr(),
            to.repr()
        ));
    }
    if let Some(to) = a.nullable {
        changes.push(format!(
            "('modify_nullable', None, {}, {}, {{'existing_type': {}, 'existing_server_default': {server_default}, 'existing_comment': {comment}}}, {}, {})",
            repr_str(&a.table),
            repr_str(&a.column),
            a.existing_type.repr(),
            py_bool(a.existing_nullable),
            py_bool(to)
        ));
    }
    if let Some(to) = &a.server_default {
        let from = match &a.existing_server_default {
            Some(Some(d)) => default_clause(d, addr),
            _ => "None".to_string(),
        };
        let to = to
            .as_ref()
            .map_or("None".to_string(), |d| default_clause(d, addr));
        changes.push(format!(
            "('modify_default', None, {}, {}, {{'existing_nullable': {}, 'existing_type': {}, 'existing_comment': {comment}}}, {from}, {to})",
            repr_str(&a.table),
            repr_str(&a.column),
            py_bool(a.existing_nullable),
            a.existing_type.repr(),
        ));
    }
    format!("[{}]", changes.join(", "))
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(repr_str).unwrap_or_else(|| "None".into())
}
