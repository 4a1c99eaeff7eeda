//! Replays the fuzz corpora (fuzz/corpus/python_lexer, python_parser, python_eval) and every
//! reproducer under fuzz/regressions/ through the fuzz targets' own code (fuzz/harness.rs),
//! so `cargo test` keeps checking that the Python lexer and parser never panic, hang or
//! overflow the stack on them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[path = "../fuzz/harness.rs"]
mod harness;

/// libFuzzer runs the release build on an 8 MiB main thread; this replay runs the debug build,
/// whose evaluator frames are many times larger, so it gets a stack in proportion. (A 2 MiB
/// test thread would overflow on inputs the release build handles.)
const STACK: usize = 256 * 1024 * 1024;

/// How long one input may run: libFuzzer's `-timeout=2` in an optimized build, and ten times
/// that unoptimized. Corpus inputs take milliseconds.
fn time_limit() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(2)
    }
}

/// Set on the child process that replays one regression (see [`regressions_replay_cleanly`]).
const REPLAY_ENV: &str = "FUZZ_CORPUS_REPLAY";

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 9] = [
    ("python_lexer", harness::python_lexer),
    ("python_parser", harness::python_parser),
    ("python_eval", harness::python_eval),
    ("ini_reader", harness::ini_reader),
    ("mako_template", harness::mako_template),
    ("shell_line", harness::shell_line),
    ("share_link", harness::share_link),
    ("zip_import", harness::zip_import),
    ("sql_console", harness::sql_console),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn files(dir: &Path, acc: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, acc);
        } else if !path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            acc.push(path);
        }
    }
}

/// Every file under fuzz/`root`/ with the targets it goes through: a folder named after a
/// target goes through that target, anything else through both.
fn inputs(root: &str) -> Vec<(PathBuf, Vec<(&'static str, Target)>)> {
    let base = fuzz_dir().join(root);
    let mut found = Vec::new();
    files(&base, &mut found);
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let first = path
                .strip_prefix(&base)
                .unwrap()
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default();
            let targets = match TARGETS.iter().find(|(name, _)| *name == first) {
                Some(target) => vec![*target],
                None => TARGETS.to_vec(),
            };
            (path, targets)
        })
        .collect()
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Runs one input on a thread with a fuzz run's stack; `Err` says how it failed. A stack
/// overflow aborts the whole process, which is why regressions run in a child process.
fn run_in_thread(label: &str, target: Target, data: Vec<u8>) -> Result<(), String> {
    let (done, wait) = mpsc::channel();
    let thread = std::thread::Builder::new()
        .name(label.to_string())
        .stack_size(STACK)
        .spawn(move || {
            let outcome = std::panic::catch_unwind(|| target(&data));
            let _ = done.send(outcome.is_ok());
        })
        .unwrap();
    match wait.recv_timeout(time_limit()) {
        Ok(true) => {
            thread.join().unwrap();
            Ok(())
        }
        Ok(false) => Err("panicked (message above)".to_string()),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("still running after {:?}", time_limit()))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("thread died".to_string()),
    }
}

#[test]
fn corpora_replay_cleanly() {
    let inputs = inputs("corpus");
    assert!(
        inputs.len() > 2,
        "no corpus under fuzz/corpus (see fuzz/README.md)"
    );
    let mut failures = Vec::new();
    let mut runs = 0;
    for (path, targets) in &inputs {
        let data = std::fs::read(path).unwrap();
        for (name, target) in targets {
            runs += 1;
            let label = format!("{name} {}", relative(path));
            if let Err(why) = run_in_thread(&label, *target, data.clone()) {
                failures.push(format!("{label}: {why}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {runs} corpus replays failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Each regression runs in a child process (this test binary, running
/// [`replay_one_input_from_env`]), so that a stack overflow is reported with the file's name
/// and the other regressions still run.
#[test]
fn regressions_replay_cleanly() {
    let exe = std::env::current_exe().unwrap();
    let mut failures = Vec::new();
    let mut runs = 0;
    for (path, targets) in inputs("regressions") {
        for (name, _) in targets {
            runs += 1;
            let label = format!("{name} {}", relative(&path));
            let mut child = Command::new(&exe)
                .args(["--exact", "replay_one_input_from_env", "--nocapture"])
                .args(["--test-threads", "1"])
                .env(REPLAY_ENV, format!("{name}={}", path.display()))
                .env("RUST_BACKTRACE", "0")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            // The child's stderr is small (a panic message or an abort line); read it on a thread
            // so that a full pipe never blocks the child.
            let mut stderr = child.stderr.take().unwrap();
            let reader = std::thread::spawn(move || {
                let mut text = String::new();
                let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
                text
            });
            // The child's own thread enforces the time limit; this is a backstop.
            let deadline = Instant::now() + time_limit() + Duration::from_secs(30);
            let status = loop {
                if let Some(status) = child.try_wait().unwrap() {
                    break Some(status);
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    break None;
                }
                std::thread::sleep(Duration::from_millis(20));
            };
            let stderr = reader.join().unwrap();
            match status {
                Some(status) if status.success() => {}
                status => {
                    let why = match status {
                        None => "hung (killed)".to_string(),
                        Some(status) => format!("child {status}"),
                    };
                    // Its stdout (the test harness's report) is discarded: stderr holds only
                    // the panic message or the stack-overflow line.
                    let said: Vec<&str> =
                        stderr.lines().filter(|l| !l.is_empty()).take(6).collect();
                    failures.push(format!("{label}: {why}\n    {}", said.join("\n    ")));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {runs} regression replays failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Does nothing unless [`REPLAY_ENV`] is set (`TARGET=PATH`): then replays that one file, for
/// [`regressions_replay_cleanly`].
#[test]
fn replay_one_input_from_env() {
    let Ok(spec) = std::env::var(REPLAY_ENV) else {
        return;
    };
    let (name, path) = spec.split_once('=').unwrap();
    let (_, target) = TARGETS.iter().find(|(n, _)| *n == name).unwrap();
    let data = std::fs::read(path).unwrap();
    if let Err(why) = run_in_thread(&format!("{name} {path}"), *target, data) {
        panic!("{name} {path}: {why}");
    }
}
