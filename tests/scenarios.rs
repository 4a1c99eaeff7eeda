//! The conformance suite: every tests/scenarios/*.scn, replayed through the playground and
//! compared with the golden transcript recorded from real Alembic 1.20.1.
//!
//! Each scenario runs twice: in an in-memory project at the browser's path, and through the
//! native `alembic-playground --dir DIR` binary on a real temporary folder, whose path is
//! mapped back to the browser's before comparing.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/transcript.rs"]
mod transcript;

use std::path::{Path, PathBuf};
use std::process::Command;

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::{Shell, BROWSER_HOME};
use transcript::{check_steps, parse_golden, Step};

const PROJECT: &str = "/home/learner/fastapi_template";

fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut res: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "scn"))
        .collect();
    res.sort();
    res
}

fn golden(scenario: &Path) -> Vec<Step> {
    let path = scenario.with_extension("golden");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} has no golden: run tools/record/record.sh {}",
            scenario.display(),
            scenario.display()
        )
    });
    parse_golden(&text)
}

#[test]
fn every_scenario_has_a_current_golden() {
    for scenario in scenarios() {
        let lines: Vec<String> = std::fs::read_to_string(&scenario)
            .unwrap()
            .lines()
            .filter_map(|l| l.strip_prefix("$ ").map(String::from))
            .collect();
        let recorded: Vec<String> = golden(&scenario).into_iter().map(|s| s.line).collect();
        assert_eq!(
            lines,
            recorded,
            "{} changed since it was recorded",
            scenario.display()
        );
    }
}

#[test]
fn scenarios_in_memory() {
    let mut failures = Vec::new();
    for scenario in scenarios() {
        let mut fs = MemFs::new();
        fs.create_dir_all(PROJECT).unwrap();
        let mut shell = Shell::new(fs, PROJECT, BROWSER_HOME);
        if let Err(report) = check_steps(&mut shell, &golden(&scenario)) {
            failures.push(format!("{}: {report}", scenario.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The native binary, one process per line like the recorder's one bash per line. The working
/// directory is carried from step to step through `pwd`, as a session would carry it.
#[test]
fn scenarios_through_the_native_cli() {
    let bin = env!("CARGO_BIN_EXE_alembic-playground");
    let mut failures = Vec::new();
    for scenario in scenarios() {
        let home = std::env::temp_dir().join(format!(
            "alembic-playground-test-{}-{}",
            std::process::id(),
            scenario.file_stem().unwrap().to_string_lossy()
        ));
        let project = home.join("fastapi_template");
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&project).unwrap();
        let home = home.canonicalize().unwrap();
        let mut cwd = project.canonicalize().unwrap();
        for step in golden(&scenario) {
            let words = match shlex::split(&step.line) {
                Some(words) => words,
                // A line the shell cannot split never reaches the binary's argv.
                None => continue,
            };
            let run = |words: &[String], dir: &Path| {
                Command::new(bin)
                    .arg("--dir")
                    .arg(dir)
                    .args(words)
                    .env("HOME", &home)
                    .output()
                    .unwrap()
            };
            let out = run(&words, &cwd);
            let map = |bytes: &[u8]| {
                String::from_utf8_lossy(bytes)
                    .replace(&cwd_project(&home), PROJECT)
                    .replace(&home.to_string_lossy().to_string(), BROWSER_HOME)
            };
            let got = Step {
                line: step.line.clone(),
                stdout: map(&out.stdout),
                stderr: map(&out.stderr),
                exit_code: out.status.code().unwrap_or(-1),
            };
            if got != step {
                failures.push(format!(
                    "{}: `$ {}`\n--- expected\n{step:#?}\n--- got\n{got:#?}",
                    scenario.display(),
                    step.line
                ));
                break;
            }
            // One process per line cannot keep a `cd`, so the test carries it to the next line.
            if got.exit_code == 0 && words.first().is_some_and(|w| w == "cd") {
                cwd = match words.get(1) {
                    Some(dir) => cwd.join(dir).canonicalize().unwrap(),
                    None => home.clone(),
                };
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn cwd_project(home: &Path) -> String {
    home.join("fastapi_template").to_string_lossy().into_owned()
}
