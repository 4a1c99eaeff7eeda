//! SQLAlchemy models into MetaData and DDL: every tests/schema/models/*.py against the golden
//! recorded from real SQLAlchemy by tools/record/record_schema.sh.
//!
//! One thing is compared as a set: the indexes that follow a `CREATE TABLE`. SQLAlchemy keeps
//! `Table.indexes` in a Python `set` of objects hashed by address, so the order it creates a
//! table's indexes in depends on memory layout, not on the model; the playground creates
//! them in declaration order.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/schema_models.rs"]
mod schema_models;

use std::path::Path;

#[test]
fn models_match_sqlalchemy() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema/models");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 14, "model fixtures are missing");
    let mut failures = Vec::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).unwrap();
        let golden = std::fs::read_to_string(path.with_extension("golden")).unwrap_or_else(|_| {
            panic!(
                "{} has no golden: run tools/record/record_schema.sh",
                path.display()
            )
        });
        let ours = normalize(&schema_models::render(&source));
        let golden = normalize(&golden);
        if ours != golden {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let diff: Vec<String> = golden
                .lines()
                .zip(ours.lines())
                .enumerate()
                .filter(|(_, (g, o))| g != o)
                .take(6)
                .map(|(i, (g, o))| format!("  line {}:\n    want {g:?}\n    got  {o:?}", i + 1))
                .collect();
            failures.push(format!(
                "{name}: differs ({} vs {} lines)\n{}",
                golden.lines().count(),
                ours.lines().count(),
                diff.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Sorts each run of consecutive index blocks (`CREATE INDEX` statements, and their rows in
/// `sqlite_master`), leaving everything else in order.
fn normalize(text: &str) -> String {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if line.starts_with("-- ") || blocks.is_empty() {
            blocks.push(vec![line]);
        } else {
            blocks.last_mut().unwrap().push(line);
        }
    }
    let is_index = |b: &Vec<&str>| {
        b.iter()
            .any(|l| l.starts_with("|CREATE INDEX") || l.starts_with("|CREATE UNIQUE INDEX"))
    };
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut run: Vec<Vec<&str>> = Vec::new();
    for b in blocks {
        if is_index(&b) {
            run.push(b);
        } else {
            run.sort();
            out.append(&mut run);
            out.push(b);
        }
    }
    run.sort();
    out.append(&mut run);
    out.into_iter().flatten().collect::<Vec<_>>().join("\n") + "\n"
}
