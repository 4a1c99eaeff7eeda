//! Runs a migration fixture of tests/schema/ops or tests/schema/batch the way
//! tools/record/record_ops.py runs it with real Alembic (online on a fresh SQLite database,
//! then offline for SQLite and PostgreSQL) and writes the same golden text. Shared by the
//! native and in-browser tests.

use std::rc::Rc;

use alembic_playground::db::{Database, SqlValue};
use alembic_playground::fs::MemFs;
use alembic_playground::python::runtime::Interp;
use alembic_playground::runtime::{MigrationContext, Params};
use alembic_playground::schema::Dialect;

const DIR: &str = "/home/learner/migration";

fn block(out: &mut Vec<String>, text: &str) {
    out.extend(text.split('\n').map(|l| format!("|{l}")));
}

/// Runs the fixture in `ctx`; returns what it printed (as `(mark, text)` chunks) and the
/// exception text, if it failed.
fn run(
    fs: &MemFs,
    ctx: Rc<MigrationContext>,
    source: &str,
) -> (Vec<(bool, String)>, Option<String>) {
    let mut interp = Interp::new(fs, DIR);
    interp.migration = Some(ctx);
    let res = interp.run_module("migration", &format!("{DIR}/migration.py"), source);
    let error = res
        .err()
        .map(|e| interp.exception_line(&e.value).trim_end().to_string());
    (std::mem::take(&mut interp.output).into_vec(), error)
}

fn quote_sql(v: &SqlValue) -> String {
    match v {
        SqlValue::Text(s) => s.clone(),
        _ => String::new(),
    }
}

pub fn render(source: &str) -> String {
    let fs = MemFs::new();
    let mut out: Vec<String> = Vec::new();
    let db = Rc::new(Database::open_in_memory().expect("in-memory database"));
    let ctx = Rc::new(MigrationContext::online(Rc::clone(&db)));
    let (printed, error) = run(&fs, Rc::clone(&ctx), source);
    if error.is_some() {
        ctx.rollback();
    } else {
        ctx.commit();
    }
    // Interleave printed text and statements in the order they happened.
    let mut pending_out = String::new();
    let mut shown = 0;
    let flush = |out: &mut Vec<String>, pending: &mut String| {
        if !pending.is_empty() {
            out.push("-- stdout".into());
            block(out, pending);
            pending.clear();
        }
    };
    for executed in ctx.log.borrow().iter() {
        while shown < executed.mark.min(printed.len()) {
            pending_out.push_str(&printed[shown].1);
            shown += 1;
        }
        flush(&mut out, &mut pending_out);
        out.push("-- sql".into());
        block(&mut out, &executed.sql);
        if executed.params != Params::None {
            out.push("-- params".into());
            out.push(executed.params.repr());
        }
    }
    for p in &printed[shown..] {
        pending_out.push_str(&p.1);
    }
    flush(&mut out, &mut pending_out);
    if let Some(e) = error {
        out.push("-- error".into());
        block(&mut out, &e);
    }
    let master = db
        .execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid",
            &[],
        )
        .expect("sqlite_master");
    let mut tables = Vec::new();
    for row in &master.rows {
        let [kind, name, tbl, sql] = row.as_slice() else {
            continue;
        };
        let (kind, name, tbl) = (quote_sql(kind), quote_sql(name), quote_sql(tbl));
        out.push("-- sqlite_master".into());
        out.push(format!("{kind} {name} {tbl}"));
        if let SqlValue::Text(sql) = sql {
            block(&mut out, sql);
        }
        if kind == "table" {
            tables.push(name);
        }
    }
    for name in tables {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        let info = db
            .execute(&format!("PRAGMA table_info({quoted})"), &[])
            .expect("table_info");
        let cols: Vec<String> = info.rows.iter().map(|r| quote_sql(&r[1])).collect();
        let select: Vec<String> = cols
            .iter()
            .map(|c| format!("quote(\"{}\")", c.replace('"', "\"\"")))
            .collect();
        out.push(format!("-- rows {name}"));
        let rows = db
            .execute(
                &format!("SELECT {} FROM {quoted} ORDER BY rowid", select.join(", ")),
                &[],
            )
            .expect("rows");
        for r in rows.rows {
            out.push(r.iter().map(quote_sql).collect::<Vec<_>>().join(", "));
        }
    }
    for (dialect, label) in [
        (Dialect::Sqlite, "sqlite"),
        (Dialect::Postgresql, "postgresql"),
    ] {
        let ctx = Rc::new(MigrationContext::offline(dialect));
        let (_, error) = run(&fs, Rc::clone(&ctx), source);
        out.push(format!("-- offline {label}"));
        block(&mut out, &ctx.output.borrow());
        if let Some(e) = error {
            out.push("-- error".into());
            block(&mut out, &e);
        }
    }
    out.join("\n") + "\n"
}
