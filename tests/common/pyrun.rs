//! Runs an evaluator fixture (tests/python/run) the way tools/pyast/record_run.py runs it with
//! CPython, and reads the recorded `.out` files. Shared by the native and in-browser tests.

use std::collections::BTreeMap;

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::python::runtime::{run_script, Script};

pub const PLACE: &str = "/home/learner/run";

#[derive(Debug, PartialEq, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

pub fn parse_out(text: &str) -> Outcome {
    let mut res = Outcome::default();
    let mut last_stderr = false;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(code) = line.strip_prefix("? ") {
            res.exit_code = code.parse().unwrap_or(-1);
        } else if line == "\\ no newline at end" {
            if last_stderr {
                res.stderr.pop();
            } else {
                res.stdout.pop();
            }
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

/// Runs `main.py` of a project already written under [`PLACE`] in `fs`.
pub fn run_main(fs: &MemFs) -> Outcome {
    let source = fs
        .read_to_string(&format!("{PLACE}/main.py"))
        .unwrap_or_default();
    let env: BTreeMap<String, String> = [
        ("PATH", "/usr/bin:/bin"),
        ("LANG", "C.UTF-8"),
        ("APP_ENV", "test"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let path = format!("{PLACE}/main.py");
    let script = Script {
        path: &path,
        source: &source,
        argv: vec!["main.py".into()],
        path0: PLACE,
        live: None,
    };
    let outcome = run_script(fs, PLACE, &env, script);
    let mut out = Outcome {
        exit_code: outcome.exit_code,
        ..Outcome::default()
    };
    for (stderr, text) in outcome.output {
        if stderr {
            out.stderr.push_str(&text);
        } else {
            out.stdout.push_str(&text);
        }
    }
    out
}

/// A one-file fixture as a project.
pub fn single_file_project(source: &str) -> MemFs {
    let mut fs = MemFs::new();
    let _ = fs.create_dir_all(PLACE);
    let _ = fs.write(&format!("{PLACE}/main.py"), source.as_bytes());
    fs
}
