//! Reflects each table of a tests/schema/reflect fixture and writes what
//! tools/record/record_reflect.py writes from SQLAlchemy's inspector. Shared by the native and
//! in-browser tests.

use alembic_playground::db::{Database, SqlValue};
use alembic_playground::python::runtime::value::repr_str;
use alembic_playground::schema::reflect::reflect_table;
use alembic_playground::schema::{ConstraintKind, IndexItem, ServerDefault};

fn list(items: &[String]) -> String {
    let reprs: Vec<String> = items.iter().map(|s| repr_str(s)).collect();
    format!("[{}]", reprs.join(", "))
}

fn opt(s: Option<&str>) -> String {
    s.map_or("None".to_string(), repr_str)
}

pub fn render(sql: &str) -> String {
    let db = Database::open_in_memory().expect("in-memory database");
    db.execute_batch(sql).expect("fixture SQL runs");
    let names = db
        .execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name",
            &[],
        )
        .expect("table names");
    let mut out = Vec::new();
    for row in names.rows {
        let SqlValue::Text(name) = &row[0] else {
            continue;
        };
        let t = reflect_table(&db, name).expect("reflects");
        out.push(format!("-- table {name}"));
        for c in &t.columns {
            let default = match &c.server_default {
                Some(ServerDefault::Sql(d)) => repr_str(d),
                _ => "None".into(),
            };
            let pk = t
                .primary_key
                .columns
                .iter()
                .position(|p| *p == c.name)
                .map_or(0, |i| i + 1);
            let nullable = if c.nullable { "True" } else { "False" };
            out.push(format!(
                "column {} {} nullable={nullable} default={default} primary_key={pk}",
                c.name,
                c.type_.repr()
            ));
        }
        out.push(format!(
            "pk name={} columns={}",
            opt(t.primary_key.name.as_deref()),
            list(&t.primary_key.columns)
        ));
        for (c, fk) in t.foreign_keys() {
            let mut options = Vec::new();
            if let Some(d) = fk.deferrable {
                options.push(format!(
                    "'deferrable': {}",
                    if d { "True" } else { "False" }
                ));
            }
            if let Some(i) = &fk.initially {
                options.push(format!("'initially': {}", repr_str(i)));
            }
            if let Some(d) = &fk.ondelete {
                options.push(format!("'ondelete': {}", repr_str(d)));
            }
            if let Some(u) = &fk.onupdate {
                options.push(format!("'onupdate': {}", repr_str(u)));
            }
            out.push(format!(
                "fk name={} columns={} referred={} {} options={{{}}}",
                opt(c.name.as_deref()),
                list(&fk.columns),
                repr_str(&fk.ref_table),
                list(&fk.ref_columns),
                options.join(", ")
            ));
        }
        for ix in &t.indexes {
            let cols: Vec<String> = ix
                .columns
                .iter()
                .map(|c| match c {
                    IndexItem::Column(n) => n.clone(),
                    IndexItem::Expression(e) => e.clone(),
                })
                .collect();
            out.push(format!(
                "index name={} columns={} unique={}",
                opt(ix.name.as_deref()),
                list(&cols),
                if ix.unique { "True" } else { "False" }
            ));
        }
        for c in &t.constraints {
            if let ConstraintKind::Unique { columns } = &c.kind {
                out.push(format!(
                    "unique name={} columns={}",
                    opt(c.name.as_deref()),
                    list(columns)
                ));
            }
        }
        for c in &t.constraints {
            if let ConstraintKind::Check { sqltext } = &c.kind {
                out.push(format!(
                    "check name={} sqltext={}",
                    opt(c.name.as_deref()),
                    repr_str(sqltext)
                ));
            }
        }
    }
    out.join("\n") + "\n"
}
