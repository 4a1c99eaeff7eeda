//! The conformance suite: every tests/scenarios/*.scn, replayed through the playground and
//! compared with the golden transcript recorded from real Alembic 1.20.1: each line's output
//! and exit code, and after every step the files and databases it changed.
//!
//! Each scenario runs twice: in an in-memory project at the browser's path, and through the
//! native `alembic-playground --dir DIR` binary on a real temporary folder (one process per
//! line, like the recorder's one bash per line), whose path is mapped back to the browser's.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/transcript.rs"]
mod transcript;

use std::path::{Path, PathBuf};
use std::process::Command;

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::native::DiskFs;
use alembic_playground::shell::{Shell, Stream, BROWSER_HOME};
use transcript::{apply_edit, changes, check_steps, diff, parse_golden, snapshot, Step};

const PROJECT: &str = "/home/learner/fastapi_template";

/// Every scenario, or those whose name contains `$SCENARIO` when it is set (for working on one).
fn scenarios() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let only = std::env::var("SCENARIO").unwrap_or_default();
    let mut res: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "scn"))
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| s.to_string_lossy().contains(&only))
        })
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

/// The steps of a scenario file, as `(line, edit lines)`.
fn scenario_steps(path: &Path) -> Vec<(String, Vec<String>)> {
    let mut steps: Vec<(String, Vec<String>)> = Vec::new();
    for raw in std::fs::read_to_string(path).unwrap().lines() {
        if let Some(line) = raw.strip_prefix("$ ") {
            steps.push((line.to_string(), Vec::new()));
        } else if raw.starts_with("@ ") {
            steps.push((raw.to_string(), Vec::new()));
        } else if raw.starts_with(['|', '-', '+']) {
            steps.last_mut().unwrap().1.push(raw.to_string());
        }
    }
    steps
}

#[test]
fn every_scenario_has_a_current_golden() {
    for scenario in scenarios() {
        let recorded: Vec<(String, Vec<String>)> = golden(&scenario)
            .into_iter()
            .map(|s| (s.line, s.edit))
            .collect();
        assert_eq!(
            scenario_steps(&scenario),
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
        if let Err(report) = check_steps(&mut shell, PROJECT, &golden(&scenario)) {
            failures.push(format!("{}: {report}", scenario.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

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
        let project = project.canonicalize().unwrap();
        let project_str = project.to_string_lossy().to_string();
        let mut cwd = project.clone();
        let mut disk = DiskFs;
        let map = |text: &str| {
            text.replace(&project_str, PROJECT)
                .replace(&home.to_string_lossy().to_string(), BROWSER_HOME)
        };
        let mut files = snapshot(&disk, &project_str);
        // One process per line cannot keep `export`s either; the test carries them.
        let mut exports: Vec<(String, String)> = Vec::new();
        for step in golden(&scenario) {
            let got = if step.is_edit() {
                if let Err(e) = apply_edit(&mut disk, &project_str, &step) {
                    failures.push(format!("{}: {e}", scenario.display()));
                    break;
                }
                Step {
                    line: step.line.clone(),
                    edit: step.edit.clone(),
                    ..Step::default()
                }
            } else {
                let words = match shlex::split(&step.line) {
                    Some(words) => words,
                    // A line the shell cannot split never reaches the binary's argv.
                    None => {
                        files = snapshot(&disk, &project_str);
                        continue;
                    }
                };
                let ids: Vec<String> = step
                    .changes
                    .iter()
                    .filter_map(|c| c.strip_prefix("= rev ").map(String::from))
                    .collect();
                let dates: Vec<String> = step
                    .changes
                    .iter()
                    .filter_map(|c| c.strip_prefix("= date ").map(String::from))
                    .collect();
                let out = Command::new(bin)
                    .arg("--dir")
                    .arg(&cwd)
                    .args(&words)
                    .envs(exports.iter().cloned())
                    .env("HOME", &home)
                    .env("ALEMBIC_PLAYGROUND_REV_IDS", ids.join(","))
                    .env("ALEMBIC_PLAYGROUND_DATES", dates.join(","))
                    .output()
                    .unwrap();
                let got = Step {
                    line: step.line.clone(),
                    stdout: map(&String::from_utf8_lossy(&out.stdout)),
                    stderr: map(&String::from_utf8_lossy(&out.stderr)),
                    exit_code: out.status.code().unwrap_or(-1),
                    ..Step::default()
                };
                if got.exit_code == 0 && words.first().is_some_and(|w| w == "export") {
                    for w in &words[1..] {
                        if let Some((k, v)) = w.split_once('=') {
                            exports.retain(|(n, _)| n != k);
                            exports.push((k.to_string(), v.to_string()));
                        }
                    }
                }
                // One process per line cannot keep a `cd`, so the test carries it.
                if got.exit_code == 0 && words.first().is_some_and(|w| w == "cd") {
                    cwd = match words.get(1) {
                        Some(dir) => cwd.join(dir).canonicalize().unwrap(),
                        None => home.clone(),
                    };
                }
                got
            };
            let after = snapshot(&disk, &project_str);
            let got = Step {
                changes: changes(&files, &after).iter().map(|c| map(c)).collect(),
                ..got
            };
            files = after;
            if !transcript::same(&step, &got) {
                failures.push(format!(
                    "{}: `{}`\n{}",
                    scenario.display(),
                    step.line,
                    diff(&step, &got)
                ));
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The chapter's first command in the browser's starting virtualenv (SQLAlchemy, no Alembic),
/// against real pip's output recorded by tools/record/record_pip.sh. Real pip's download
/// progress is left out of the recording; the playground's notes that stand in its place are
/// left out of the comparison.
#[test]
fn pip_install_alembic_matches_real_pip() {
    let want = std::fs::read_to_string("tests/shell/pip_install_alembic.golden").unwrap();
    let mut fs = MemFs::new();
    fs.create_dir_all(PROJECT).unwrap();
    let mut shell = Shell::new(fs, PROJECT, BROWSER_HOME);
    shell.without_alembic();
    let before = shell.run_line("alembic --version");
    assert_eq!(before.exit_code, 127, "no alembic before pip installs it");
    let out = shell.run_line("pip install alembic");
    assert_eq!(
        (
            out.exit_code,
            transcript::without_notes(&out.text(Stream::Stdout))
        ),
        (0, want)
    );
    assert_eq!(
        shell.run_line("alembic --version").text(Stream::Stdout),
        "alembic 1.20.1\n"
    );
}

#[path = "common/scenario_goldens.rs"]
mod scenario_goldens;

/// The browser replays every scenario (tests/web.rs): its compiled-in list must name them all.
#[test]
fn the_browser_list_names_every_scenario() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "golden"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = scenario_goldens::GOLDENS.iter().map(|(n, _)| *n).collect();
    assert_eq!(listed, on_disk, "run python3 tools/record/scenario_list.py");
}
