//! Tidy checks over the source tree: module docs, the engine/UI boundary, and no ignored tests.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, acc: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, acc);
        } else if path.extension().is_some_and(|e| e == "rs") {
            acc.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn every_module_says_what_it_owns() {
    let missing: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    assert!(
        missing.is_empty(),
        "files without a leading `//!` line: {missing:?}"
    );
}

#[test]
fn the_engine_never_names_ui_crates() {
    let ui_crates = ["yew::", "web_sys", "gloo::", "wasm_bindgen", "js_sys"];
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| {
            path.starts_with("src/") && !path.starts_with("src/ui/") && path != "src/main.rs"
        })
        .filter(|(_, text)| ui_crates.iter().any(|c| text.contains(c)))
        .map(|(path, _)| path)
        .collect();
    assert!(
        offenders.is_empty(),
        "engine files naming UI crates: {offenders:?}"
    );
}

#[test]
fn only_the_native_host_does_os_io() {
    let os_io = [
        "std::fs::",
        "std::env::",
        "std::process::",
        "println!",
        "eprintln!",
    ];
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| {
            path.starts_with("src/") && !path.starts_with("src/native/") && path != "src/main.rs"
        })
        .filter(|(_, text)| os_io.iter().any(|c| text.contains(c)))
        .map(|(path, _)| path)
        .collect();
    assert!(
        offenders.is_empty(),
        "engine files doing OS IO: {offenders:?}"
    );
}

/// The schema layer is plain data: Python objects point at it, never the other way round.
#[test]
fn the_schema_layer_knows_no_python_values() {
    let layers = ["src/schema/", "src/ddl/", "src/operations/", "src/runtime/"];
    let python = ["Interp", "value::Value", "PyErr", "runtime::modules"];
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| layers.iter().any(|l| path.starts_with(l)))
        .filter(|(_, text)| python.iter().any(|c| text.contains(c)))
        .map(|(path, _)| path)
        .collect();
    assert!(
        offenders.is_empty(),
        "schema-layer files naming the evaluator: {offenders:?}"
    );
}

#[test]
fn no_ignored_tests() {
    let marker = concat!("#[", "ignore");
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.contains(marker))
        .map(|(path, _)| path)
        .collect();
    assert!(
        offenders.is_empty(),
        "ignored tests hide behaviour: {offenders:?}"
    );
}
