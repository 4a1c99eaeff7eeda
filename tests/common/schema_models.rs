//! Runs a model file of tests/schema/models the way tools/record/record_schema.py runs it with
//! real SQLAlchemy, and writes the same golden text: the DDL `create_all` sends to SQLite and
//! compiles for PostgreSQL, and SQLite's resulting `sqlite_master`. Shared by the native and
//! in-browser tests.

use alembic_playground::db::Database;
use alembic_playground::fs::MemFs;
use alembic_playground::python::runtime::{metadata_of, Interp};
use alembic_playground::schema::{ddl, Dialect};

fn block(out: &mut Vec<String>, text: &str) {
    out.extend(text.split('\n').map(|l| format!("|{l}")));
}

/// The golden text for one model file.
pub fn render(source: &str) -> String {
    let fs = MemFs::new();
    let mut interp = Interp::new(&fs, "/home/learner/models");
    let mut out: Vec<String> = Vec::new();
    let module = match interp.run_module("__model__", "/home/learner/models/model.py", source) {
        Ok(m) => m,
        Err(err) => {
            out.push("-- error".into());
            out.push(interp.exception_line(&err.value).trim_end().to_string());
            return out.join("\n") + "\n";
        }
    };
    let md_value = module.dict.borrow().get("metadata").cloned();
    let md = md_value.as_ref().and_then(metadata_of).or_else(|| {
        let base = module.dict.borrow().get("Base").cloned()?;
        let md = interp.get_attr(&base, "metadata").ok()?;
        metadata_of(&md)
    });
    let Some(md) = md else {
        return "no metadata found\n".into();
    };
    let md = md.borrow();
    let db = Database::open_in_memory().expect("in-memory database");
    for (dialect, label) in [
        (Dialect::Sqlite, "sqlite"),
        (Dialect::Postgresql, "postgresql"),
    ] {
        match ddl::create_all(dialect, &md) {
            Ok(statements) => {
                for s in statements {
                    if dialect == Dialect::Sqlite {
                        db.execute_batch(&s).expect("DDL runs on SQLite");
                    }
                    out.push(format!("-- {label}"));
                    block(&mut out, &s);
                }
            }
            Err(e) => {
                out.push("-- error".into());
                out.push(format!("sqlalchemy.exc.{}: {}", e.class, e.message));
            }
        }
    }
    let rows = db
        .query_strings(
            "SELECT type, name, tbl_name, sql IS NULL, sql FROM sqlite_master ORDER BY rowid",
        )
        .expect("sqlite_master");
    for row in rows {
        out.push("-- sqlite_master".into());
        out.push(format!("{} {} {}", row[0], row[1], row[2]));
        if row[3] == "0" {
            block(&mut out, &row[4]);
        }
    }
    out.join("\n") + "\n"
}
