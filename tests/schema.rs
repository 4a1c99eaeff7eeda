//! The schema layer against real SQLAlchemy 2.1.9 and Alembic 1.20.1 on SQLite 3.41.2: models
//! into DDL (tests/schema/models), every `op.*` directive online and offline (ops), batch mode
//! (batch) and reflection (reflect). Goldens are recorded by tools/record/record_schema.sh.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/schema_fixtures.rs"]
mod schema_fixtures;
#[path = "common/schema_models.rs"]
mod schema_models;
#[path = "common/schema_ops.rs"]
mod schema_ops;
#[path = "common/schema_reflect.rs"]
mod schema_reflect;

use std::path::Path;

use schema_fixtures::{check, exact, run_dependent, sort_index_runs, Fixture};

fn assert_all(
    kind: &str,
    list: &[Fixture],
    render: fn(&str) -> String,
    normalize: fn(&str) -> String,
) {
    let failures = check(list, render, normalize);
    assert!(
        failures.is_empty(),
        "{kind}: {} of {} differ:\n{}",
        failures.len(),
        list.len(),
        failures.join("\n\n")
    );
}

#[test]
fn models_match_sqlalchemy() {
    assert_all(
        "models",
        schema_fixtures::MODELS,
        schema_models::render,
        sort_index_runs,
    );
}

#[test]
fn directives_match_alembic() {
    assert_all(
        "ops",
        schema_fixtures::OPS,
        schema_ops::render,
        run_dependent,
    );
}

#[test]
fn batch_mode_matches_alembic() {
    assert_all(
        "batch",
        schema_fixtures::BATCH,
        schema_ops::render,
        run_dependent,
    );
}

#[test]
fn reflection_matches_sqlalchemy() {
    assert_all(
        "reflect",
        schema_fixtures::REFLECT,
        schema_reflect::render,
        exact,
    );
}

/// Every fixture in the folders is in the compiled-in lists (and so runs in the browser too).
#[test]
fn fixture_lists_cover_the_folders() {
    for (dir, ext, list) in [
        ("models", "py", schema_fixtures::MODELS),
        ("ops", "py", schema_fixtures::OPS),
        ("batch", "py", schema_fixtures::BATCH),
        ("reflect", "sql", schema_fixtures::REFLECT),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/schema")
            .join(dir);
        let mut on_disk: Vec<String> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
            .collect();
        on_disk.sort();
        let listed: Vec<String> = list.iter().map(|f| f.0.to_string()).collect();
        assert_eq!(
            listed, on_disk,
            "tests/common/schema_fixtures.rs lists {dir} fixtures"
        );
    }
}
