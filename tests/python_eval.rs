//! Evaluator conformance: every tests/python/run fixture runs in the playground's evaluator
//! and must print what CPython 3.11 printed (stdout, stderr with tracebacks, exit code), as
//! recorded by tools/pyast/record_run.py.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use alembic_playground::fs::{FileSystem, MemFs};

#[path = "common/pyrun.rs"]
mod pyrun;

use pyrun::{parse_out, run_main, single_file_project, Outcome, PLACE};

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
    let fs = if fixture.is_dir() {
        let mut fs = MemFs::new();
        load(&mut fs, fixture, PLACE);
        fs
    } else {
        single_file_project(&std::fs::read_to_string(fixture).unwrap())
    };
    run_main(&fs)
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

/// Work inside one operation (a membership test over a huge list) counts against the step
/// budget, so a loop around it stops like any infinite loop. CPython has no budget, so this
/// cannot be a recorded fixture.
#[test]
fn bulk_work_counts_against_the_step_budget() {
    let got = run_main(&single_file_project(
        "big = [0] * 1000000\nwhile True:\n    -1 in big\n",
    ));
    assert_eq!(got.exit_code, 1);
    assert!(
        got.stderr.contains("is there an infinite loop?"),
        "{}",
        got.stderr
    );
}

/// Dropping a long chain of instances frees it node by node, not by recursion: on a thread
/// with the browser's kind of stack (1 MiB here), 200,000 linked nodes go away quietly.
#[test]
fn a_long_chain_of_instances_is_freed_without_deep_recursion() {
    let source = "class Node:\n    pass\nhead = None\nfor i in range(200000):\n    node = Node()\n    node.next = head\n    head = node\nhead = node = None\nprint('dropped')\n";
    let got = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || run_main(&single_file_project(source)))
        .unwrap()
        .join()
        .expect("the run finished without overflowing its stack");
    assert_eq!(got.stdout, "dropped\n", "{}", got.stderr);
}
