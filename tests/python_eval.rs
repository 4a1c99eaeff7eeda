//! Evaluator conformance: every tests/python/run fixture runs in the playground's evaluator
//! and must print what CPython 3.11 printed (stdout, stderr with tracebacks, exit code), as
//! recorded by tools/pyast/record_run.py.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use alembic_playground::fs::{FileSystem, MemFs};
use std::collections::BTreeMap;

use alembic_playground::python::runtime::run_script;

const PLACE: &str = "/home/learner/run";

#[derive(Debug, PartialEq, Default)]
struct Outcome {
    stdout: String,
    stderr: String,
    exit_code: i32,
}

fn parse_out(text: &str) -> Outcome {
    let mut res = Outcome::default();
    let mut last_stderr = false;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(code) = line.strip_prefix("? ") {
            res.exit_code = code.parse().unwrap();
        } else if line == "\\ no newline at end" {
            if last_stderr {
                res.stderr.pop()
            } else {
                res.stdout.pop()
            };
        } else if let Some(rest) = line.strip_prefix("1>") {
            res.stdout.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            res.stdout.push('\n');
            last_stderr = false;
        } else if let Some(rest) = line.strip_prefix("2>") {
            res.stderr.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            res.stderr.push('\n');
            last_stderr = true;
        }
    }
    res
}

fn load(fs: &mut MemFs, src: &Path, dest: &str) {
    fs.create_dir_all(dest).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let target = format!("{dest}/{name}");
        if path.is_dir() {
            load(fs, &path, &target);
        } else {
            fs.write(&target, &std::fs::read(&path).unwrap()).unwrap();
        }
    }
}

fn run(fixture: &Path) -> Outcome {
    let mut fs = MemFs::new();
    if fixture.is_dir() {
        load(&mut fs, fixture, PLACE);
    } else {
        fs.create_dir_all(PLACE).unwrap();
        fs.write(
            &format!("{PLACE}/main.py"),
            &std::fs::read(fixture).unwrap(),
        )
        .unwrap();
    }
    let source = fs.read_to_string(&format!("{PLACE}/main.py")).unwrap();
    let env: BTreeMap<String, String> = [
        ("PATH", "/usr/bin:/bin"),
        ("LANG", "C.UTF-8"),
        ("APP_ENV", "test"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let outcome = run_script(
        &fs,
        PLACE,
        &env,
        &format!("{PLACE}/main.py"),
        &source,
        vec!["main.py".into()],
        PLACE,
    );
    let mut out = Outcome {
        exit_code: outcome.exit_code,
        ..Outcome::default()
    };
    for (stderr, text) in outcome.output {
        if stderr {
            out.stderr.push_str(&text)
        } else {
            out.stdout.push_str(&text)
        }
    }
    out
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/run");
    let mut res: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py") || p.join("main.py").exists())
        .collect();
    res.sort();
    res
}

fn known_differences() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/run/known_differences.txt");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split(':').next().map(str::to_string))
        .collect()
}

#[test]
fn fixtures_run_like_cpython() {
    // Python allows 1000 nested calls; give the evaluator the stack that takes.
    let handle = std::thread::Builder::new()
        .stack_size(512 * 1024 * 1024)
        .spawn(|| {
            let known = known_differences();
            let mut failures = Vec::new();
            let mut fixed = Vec::new();
            let all = fixtures();
            for fixture in &all {
                let name = fixture.file_name().unwrap().to_string_lossy().to_string();
                let expected = parse_out(&std::fs::read_to_string(fixture.with_extension("out")).unwrap_or_default());
                let got = run(fixture);
                let is_known = known.contains(&name);
                if got != expected && !is_known {
                    failures.push(format!(
                        "{}:\n--- expected stdout\n{}--- got stdout\n{}--- expected stderr\n{}--- got stderr\n{}--- exit {} vs {}",
                        fixture.display(), expected.stdout, got.stdout, expected.stderr, got.stderr, expected.exit_code, got.exit_code
                    ));
                }
                if got == expected && is_known {
                    fixed.push(name);
                }
            }
            (failures, fixed, all.len())
        })
        .unwrap();
    let (failures, fixed, total) = handle.join().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {total} fixtures differ from CPython:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(
        fixed.is_empty(),
        "now matching CPython, remove from known_differences.txt: {fixed:?}"
    );
    assert!(total >= 150, "only {total} fixtures");
}
