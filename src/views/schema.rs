//! The schema panel: the project's SQLite database as tables, columns, keys and indexes, as
//! SQLAlchemy's inspector reflects them, with what changed since the last look marked.

use crate::db::{Database, SqlValue};
use crate::fs::{self, FileSystem};
use crate::schema::{ConstraintKind, Dialect};

/// How an item differs from the last look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Same,
    Added,
    Altered,
    Removed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnView {
    pub name: String,
    /// The declared type, as SQLite stores it (`VARCHAR(100)`).
    pub type_: String,
    pub primary_key: bool,
    pub nullable: bool,
    pub unique: bool,
    /// `table.column` it references.
    pub references: Option<String>,
    pub default: Option<String>,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndexView {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableView {
    pub name: String,
    pub columns: Vec<ColumnView>,
    pub indexes: Vec<IndexView>,
    pub rows: i64,
    pub change: Change,
}

impl TableView {
    /// The tables this one points at with foreign keys.
    pub fn references(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .columns
            .iter()
            .filter_map(|c| c.references.as_deref())
            .filter_map(|r| r.split('.').next())
            .collect();
        out.dedup();
        out
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SchemaView {
    /// The database file, relative to the project, when there is one to show.
    pub database: Option<String>,
    /// Tables, alphabetically, without `alembic_version` (shown as `versions`).
    pub tables: Vec<TableView>,
    /// The rows of `alembic_version`, or `None` when the table does not exist.
    pub versions: Option<Vec<String>>,
    /// Why there is nothing to show, in words for the learner.
    pub note: Option<String>,
}

/// The database the project's `alembic.ini` points at (`sqlite:///./app.db`), else the
/// chapter's default `app.db`; `None` for a non-SQLite URL.
pub fn database_file(fs: &dyn FileSystem, project: &str) -> Option<String> {
    let url = crate::config::Config::load(fs, project, "alembic.ini", "alembic", Vec::new())
        .ok()
        .and_then(|c| c.main_option("sqlalchemy.url").ok().flatten());
    let url = match url {
        Some(u) if u.starts_with("sqlite") => u,
        // The generic template's placeholder, or a URL env.py overrides from settings: the
        // chapter's settings default to app.db.
        _ => "sqlite:///./app.db".to_string(),
    };
    let path = url.split_once(":///").map(|(_, p)| p)?;
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    Some(fs::join(project, path))
}

/// The panel's fixed notes (the UI shows them in the learner's language); the database's file
/// name goes between the last two.
pub const NOTE_NOT_SQLITE: &str =
    "The database URL is not a SQLite file, so there is no schema to show.";
pub const NOTE_NO_DATABASE: &str = "No database yet: ";
pub const NOTE_NO_DATABASE_END: &str =
    " is created by the first command that connects to it (alembic upgrade, current, stamp ...).";

/// Reads the schema of the project's database.
pub fn read(fs: &dyn FileSystem, project: &str) -> SchemaView {
    let Some(path) = database_file(fs, project) else {
        return SchemaView {
            note: Some(NOTE_NOT_SQLITE.into()),
            ..SchemaView::default()
        };
    };
    let shown = path
        .strip_prefix(project)
        .map(|p| p.trim_start_matches('/').to_string())
        .unwrap_or_else(|| path.clone());
    let bytes = match fs.read(&path) {
        Ok(b) if !b.is_empty() => b,
        _ => {
            return SchemaView {
                database: Some(shown.clone()),
                note: Some(format!("{NOTE_NO_DATABASE}{shown}{NOTE_NO_DATABASE_END}")),
                ..SchemaView::default()
            }
        }
    };
    let db = match Database::from_bytes(&bytes) {
        Ok(db) => db,
        Err(e) => {
            return SchemaView {
                database: Some(shown),
                note: Some(format!("{shown_err}", shown_err = e)),
                ..SchemaView::default()
            }
        }
    };
    let mut view = SchemaView {
        database: Some(shown),
        ..SchemaView::default()
    };
    let names = db
        .query_strings("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name")
        .unwrap_or_default();
    for row in names {
        let Some(name) = row.into_iter().next() else {
            continue;
        };
        if name == "alembic_version" {
            let rows = db
                .query_strings("SELECT version_num FROM alembic_version")
                .unwrap_or_default();
            view.versions = Some(
                rows.into_iter()
                    .filter_map(|r| r.into_iter().next())
                    .collect(),
            );
            continue;
        }
        if let Some(t) = table(&db, &name) {
            view.tables.push(t);
        }
    }
    view
}

fn table(db: &Database, name: &str) -> Option<TableView> {
    let t = crate::schema::reflect::reflect_table(db, name).ok()?;
    let unique_single = |col: &str| {
        t.constraints.iter().any(|c| matches!(&c.kind, ConstraintKind::Unique { columns } if columns.len() == 1 && columns[0] == col))
            || t.indexes.iter().any(|i| i.unique && i.column_names().collect::<Vec<_>>() == [col])
    };
    let columns = t
        .columns
        .iter()
        .map(|c| {
            let references = t.foreign_keys().find_map(|(_, fk)| {
                fk.columns.iter().position(|x| *x == c.name).map(|i| {
                    format!(
                        "{}.{}",
                        fk.ref_table,
                        fk.ref_columns.get(i).cloned().unwrap_or_default()
                    )
                })
            });
            ColumnView {
                name: c.name.clone(),
                type_: c.type_.compile(Dialect::Sqlite),
                primary_key: c.primary_key || t.primary_key.columns.contains(&c.name),
                nullable: c.nullable,
                unique: unique_single(&c.name),
                references,
                default: c.server_default.as_ref().map(|d| match d {
                    crate::schema::ServerDefault::Literal(s)
                    | crate::schema::ServerDefault::Sql(s) => s.clone(),
                    crate::schema::ServerDefault::Func { name, args } => {
                        format!("{name}({})", args.join(", "))
                    }
                    crate::schema::ServerDefault::Bool(b) => {
                        if *b {
                            "true".into()
                        } else {
                            "false".into()
                        }
                    }
                }),
                change: Change::Same,
            }
        })
        .collect();
    let indexes = t
        .indexes
        .iter()
        .map(|i| IndexView {
            name: i.name.value.clone().unwrap_or_default(),
            columns: i.column_names().map(String::from).collect(),
            unique: i.unique,
            change: Change::Same,
        })
        .collect();
    let rows = db
        .execute(
            &format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\"")),
            &[],
        )
        .ok()
        .and_then(|r| r.rows.into_iter().next())
        .and_then(|r| match r.first() {
            Some(SqlValue::Integer(n)) => Some(*n),
            _ => None,
        })
        .unwrap_or(0);
    Some(TableView {
        name: name.to_string(),
        columns,
        indexes,
        rows,
        change: Change::Same,
    })
}

/// A marked view as it was read: without the removed items kept for display, and with no
/// marks. What the next command's changes are measured against.
pub fn read_unmarked(view: &SchemaView) -> SchemaView {
    let mut out = view.clone();
    out.tables.retain(|t| t.change != Change::Removed);
    for t in &mut out.tables {
        t.change = Change::Same;
        t.columns.retain(|c| c.change != Change::Removed);
        t.indexes.retain(|i| i.change != Change::Removed);
        for c in &mut t.columns {
            c.change = Change::Same;
        }
        for i in &mut t.indexes {
            i.change = Change::Same;
        }
    }
    out
}

/// `after`, with what differs from `before` marked, and what `before` had that `after`
/// lacks kept in place as `Removed`.
pub fn mark_changes(before: &SchemaView, after: &SchemaView) -> SchemaView {
    let mut out = after.clone();
    for t in &mut out.tables {
        let Some(old) = before.tables.iter().find(|o| o.name == t.name) else {
            t.change = Change::Added;
            continue;
        };
        for c in &mut t.columns {
            c.change = match old.columns.iter().find(|o| o.name == c.name) {
                None => Change::Added,
                Some(o) if *o != *c => Change::Altered,
                Some(_) => Change::Same,
            };
        }
        for o in &old.columns {
            if !t.columns.iter().any(|c| c.name == o.name) {
                t.columns.push(ColumnView {
                    change: Change::Removed,
                    ..o.clone()
                });
            }
        }
        for i in &mut t.indexes {
            i.change = match old.indexes.iter().find(|o| o.name == i.name) {
                None => Change::Added,
                Some(o) if o.columns != i.columns || o.unique != i.unique => Change::Altered,
                Some(_) => Change::Same,
            };
        }
        for o in &old.indexes {
            if !t.indexes.iter().any(|i| i.name == o.name) {
                t.indexes.push(IndexView {
                    change: Change::Removed,
                    ..o.clone()
                });
            }
        }
        let touched = t.columns.iter().any(|c| c.change != Change::Same)
            || t.indexes.iter().any(|i| i.change != Change::Same);
        if touched {
            t.change = Change::Altered;
        }
    }
    for old in &before.tables {
        if !out.tables.iter().any(|t| t.name == old.name) {
            let mut gone = old.clone();
            gone.change = Change::Removed;
            out.tables.push(gone);
        }
    }
    out.tables.sort_by(|a, b| a.name.cmp(&b.name));
    out
}
