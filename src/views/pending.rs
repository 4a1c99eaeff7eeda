//! Live pending changes: what `alembic check` would report for the models as they are now,
//! computed on a throwaway copy of the workspace so that nothing is written.

use std::collections::BTreeMap;

use crate::autogenerate::Op;
use crate::fs::FileSystem;

/// What kind of difference a pending item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Add,
    Remove,
    Change,
}

/// One difference between the models and the database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    /// `table`, `column`, `index`, `unique constraint` or `foreign key`.
    pub object: &'static str,
    pub table: String,
    /// The column, index or constraint, or empty for a table.
    pub name: String,
    /// What changed, in Alembic's words (`VARCHAR(100) → String(length=200)`).
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingView {
    /// No `alembic.ini` yet.
    NotInitialized,
    /// The models and the database agree.
    UpToDate,
    Items(Vec<Item>),
    /// Alembic refused or failed; its message (`Target database is not up to date.`, the
    /// last line of a traceback, ...).
    Blocked(String),
}

/// Runs the comparison on a copy of `fs`.
pub fn read<F: FileSystem + Clone>(
    fs: &F,
    project: &str,
    vars: &BTreeMap<String, String>,
) -> PendingView {
    let mut scratch = fs.clone();
    super::with_env(&mut scratch, project, vars, |env| {
        let Some(config) = crate::command::inspect::config(env) else {
            return PendingView::NotInitialized;
        };
        match crate::command::inspect::pending(env, config) {
            Ok(ops) if ops.is_empty() => PendingView::UpToDate,
            Ok(ops) => PendingView::Items(ops.iter().map(item).collect()),
            Err(message) => PendingView::Blocked(message),
        }
    })
}

fn item(op: &Op) -> Item {
    let it = |kind, object, table: &str, name: &str, detail: String| Item {
        kind,
        object,
        table: table.to_string(),
        name: name.to_string(),
        detail,
    };
    match op {
        Op::CreateTable(t) => it(
            Kind::Add,
            "table",
            &t.name,
            "",
            format!("{} columns", t.columns.len()),
        ),
        Op::DropTable(t) => it(Kind::Remove, "table", &t.name, "", String::new()),
        Op::AddColumn { table, column } => it(
            Kind::Add,
            "column",
            table,
            &column.name,
            format!(
                "{}{}",
                column.type_.repr(),
                if column.nullable { "" } else { ", NOT NULL" }
            ),
        ),
        Op::DropColumn { table, column } => {
            it(Kind::Remove, "column", table, &column.name, String::new())
        }
        Op::AlterColumn(a) => {
            let mut parts = Vec::new();
            if let Some(t) = &a.type_ {
                parts.push(format!("{} → {}", a.existing_type.repr(), t.repr()));
            }
            if let Some(n) = a.nullable {
                parts.push(
                    if n {
                        "NOT NULL → NULL"
                    } else {
                        "NULL → NOT NULL"
                    }
                    .to_string(),
                );
            }
            it(
                Kind::Change,
                "column",
                &a.table,
                &a.column,
                parts.join("; "),
            )
        }
        Op::CreateIndex { table, index } => it(
            Kind::Add,
            "index",
            table,
            index.name.as_deref().unwrap_or(""),
            index.column_names().collect::<Vec<_>>().join(", "),
        ),
        Op::DropIndex { table, index } => it(
            Kind::Remove,
            "index",
            table,
            index.name.as_deref().unwrap_or(""),
            index.column_names().collect::<Vec<_>>().join(", "),
        ),
        Op::CreateUnique {
            table,
            name,
            columns,
            ..
        } => it(
            Kind::Add,
            "unique constraint",
            table,
            name.as_deref().unwrap_or(""),
            columns.join(", "),
        ),
        Op::DropUnique {
            table,
            name,
            columns,
            ..
        } => it(
            Kind::Remove,
            "unique constraint",
            table,
            name.as_deref().unwrap_or(""),
            columns.join(", "),
        ),
        Op::CreateForeignKey { table, name, spec } => foreign_key(Kind::Add, table, name, spec),
        Op::DropForeignKey { table, name, spec } => foreign_key(Kind::Remove, table, name, spec),
    }
}

fn foreign_key(
    kind: Kind,
    table: &str,
    name: &Option<String>,
    spec: &crate::schema::ForeignKeySpec,
) -> Item {
    Item {
        kind,
        object: "foreign key",
        table: table.to_string(),
        name: name.clone().unwrap_or_default(),
        detail: format!(
            "({}) → {}({})",
            spec.columns.join(", "),
            spec.ref_table,
            spec.ref_columns.join(", ")
        ),
    }
}
