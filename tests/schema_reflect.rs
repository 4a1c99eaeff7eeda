//! Reflection of a live SQLite schema: every tests/schema/reflect/*.sql against what
//! SQLAlchemy's inspector returned for it (tools/record/record_reflect.py).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/schema_reflect.rs"]
mod schema_reflect;

use std::path::Path;

#[test]
fn reflection_matches_sqlalchemy() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema/reflect");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3);
    for path in paths {
        let sql = std::fs::read_to_string(&path).unwrap();
        let golden = std::fs::read_to_string(path.with_extension("golden")).unwrap();
        let ours = schema_reflect::render(&sql);
        assert_eq!(ours, golden, "{}", path.display());
    }
}
