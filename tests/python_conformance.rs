//! Parser conformance with CPython 3.11: every tests/python/ok/*.py must parse to the tree
//! CPython's `ast` gives (NAME.ast), and every tests/python/err/*.py must raise the
//! SyntaxError CPython prints (NAME.err). Both were recorded by tools/pyast/record.py.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use alembic_playground::python::{dump::dump_module, parse};

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/python")
        .join(kind);
    let mut res: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    res.sort();
    res
}

fn first_difference(expected: &str, got: &str) -> String {
    for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
        if e != g {
            let at = e.chars().zip(g.chars()).take_while(|(a, b)| a == b).count();
            let from = at.saturating_sub(60);
            let e: String = e.chars().skip(from).take(200).collect();
            let g: String = g.chars().skip(from).take(200).collect();
            return format!("line {}:\n  expected …{e}\n  got      …{g}", i + 1);
        }
    }
    format!(
        "line counts differ: expected {}, got {}",
        expected.lines().count(),
        got.lines().count()
    )
}

#[test]
fn valid_files_parse_like_cpython() {
    let files = fixtures("ok");
    let mut failures = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        let parsed = parse(&source);
        if let Some(err) = parsed.first_error() {
            failures.push(format!("{}: unexpected error {err:?}", path.display()));
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(path.with_extension("ast")) else {
            failures.push(format!(
                "{}: no .ast; run tools/pyast/record.py",
                path.display()
            ));
            continue;
        };
        let got = dump_module(&parsed.module, &source);
        if got != expected {
            failures.push(format!(
                "{}: {}",
                path.display(),
                first_difference(&expected, &got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ from CPython:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    assert!(files.len() >= 200, "only {} fixtures", files.len());
}

#[test]
fn syntax_errors_read_as_cpython_writes_them() {
    let files = fixtures("err");
    let mut failures = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let expected = std::fs::read_to_string(path.with_extension("err")).unwrap();
        let got = match parse(&source).python_error(&source) {
            Some(err) => err.render_uncaught(&name),
            None => "(no error)\n".to_string(),
        };
        if got != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}",
                path.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} error files differ from CPython:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
