//! Alembic's operation directives (`op.*`) and batch mode on SQLite, online and offline:
//! every tests/schema/ops/*.py and tests/schema/batch/*.py against the golden recorded from
//! real Alembic 1.20.1 by tools/record/record_schema.sh.
//!
//! Two normalizations, for values that differ on every run of the oracle too: a memory address
//! inside a Python repr (`object at 0x7f...`) is compared as `0x…`, and a timestamp SQLite's
//! clock wrote (`CURRENT_TIMESTAMP` defaults) as `'<now>'`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/schema_ops.rs"]
mod schema_ops;

use std::path::Path;

fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let hex = tail.chars().take_while(|c| c.is_ascii_hexdigit()).count();
        out.push_str("0x…");
        rest = &tail[hex..];
    }
    out.push_str(rest);
    timestamps(&out)
}

/// `'2026-11-28 17:15:03'` as `'<now>'`.
fn timestamps(text: &str) -> String {
    let shape = "'dddd-dd-dd dd:dd:dd'";
    let b = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let fits = b.len() - i >= shape.len()
            && shape.bytes().zip(&b[i..]).all(|(s, c)| match s {
                b'd' => c.is_ascii_digit(),
                other => other == *c,
            });
        if fits {
            out.push_str("'<now>'");
            i += shape.len();
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn check_dir(dir: &str, min: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= min,
        "fixtures are missing in {}",
        dir.display()
    );
    let only = std::env::var("ONLY").ok();
    let mut failures = Vec::new();
    for path in &paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let source = std::fs::read_to_string(path).unwrap();
        let golden = std::fs::read_to_string(path.with_extension("golden")).unwrap_or_else(|_| {
            panic!(
                "{} has no golden: run tools/record/record_schema.sh",
                path.display()
            )
        });
        let ours = normalize(&schema_ops::render(&source));
        let golden = normalize(&golden);
        if ours != golden {
            let g: Vec<&str> = golden.lines().collect();
            let o: Vec<&str> = ours.lines().collect();
            let first = (0..g.len().max(o.len()))
                .find(|&i| g.get(i) != o.get(i))
                .unwrap_or(0);
            let show = |v: &[&str]| {
                v.iter()
                    .skip(first.saturating_sub(2))
                    .take(8)
                    .map(|l| format!("      {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            failures.push(format!(
                "{name}: first difference at line {}\n    want:\n{}\n    got:\n{}",
                first + 1,
                show(&g),
                show(&o)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}

#[test]
fn directives_match_alembic() {
    check_dir("tests/schema/ops", 30);
}

#[test]
fn batch_mode_matches_alembic() {
    check_dir("tests/schema/batch", 15);
}
