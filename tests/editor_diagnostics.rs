//! The editor's squiggles against CPython: for every broken file in tests/python/err (recorded
//! by tools/pyast/record.py), the diagnostic carries the last line CPython printed and starts
//! under CPython's first caret, as wide as its carets (within the line's text).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use alembic_playground::views::diagnostics::{python, Severity};

#[test]
fn squiggles_sit_under_cpythons_carets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/err");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("err")).unwrap();
        let lines: Vec<&str> = expected.lines().collect();
        let Some(caret_at) = lines.iter().position(|l| l.trim_start().starts_with('^')) else {
            continue;
        };
        // Only ASCII lines: CPython's uncaught printer shifts carets on non-ASCII text.
        let shown = lines[caret_at - 1];
        if !shown.is_ascii() {
            continue;
        }
        let lineno: usize = lines[0]
            .rsplit("line ")
            .next()
            .and_then(|n| n.trim().parse().ok())
            .unwrap();
        let diags = python(&source);
        let Some(diag) = diags.iter().find(|d| d.severity == Severity::Error) else {
            failures.push(format!("{}: no diagnostic", path.display()));
            continue;
        };
        let message = lines.last().unwrap();
        let line = source.lines().nth(lineno - 1).unwrap_or("");
        let indent = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
        let caret_line = lines[caret_at];
        let col = caret_line.find('^').unwrap() - 4 + indent;
        let carets = caret_line.trim().len();
        let line_start: usize = source
            .split_inclusive('\n')
            .take(lineno - 1)
            .map(|l| l.encode_utf16().count())
            .sum();
        let from = line_start + col.min(line.len());
        let to = line_start + (col + carets).min(line.len());
        if diag.message != *message || (diag.from as usize, diag.to as usize) != (from, to) {
            failures.push(format!(
                "{}: expected {message:?} at {from}..{to}, got {diag:?}",
                path.display()
            ));
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} files checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
