//! Terminal lines run as jobs on a copy (src/workspace/job.rs, what the browser's worker does)
//! must come back exactly as if they had run in place: the same output, exit code and SQL log,
//! and the same files, folders, working directory, variables and packages afterwards.

use std::cell::RefCell;
use std::rc::Rc;

use alembic_playground::clock::FixedClock;
use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::{Live, Shell, Stream};
use alembic_playground::workspace::{job, Snapshot};

const ROOT: &str = "/home/learner/fastapi_template";

/// A clock that gives the next revision the id `n`, the same in place and in a job.
fn clock(n: usize) -> Box<FixedClock> {
    let mut clock = FixedClock::new();
    clock.ids = vec![format!("{:012x}", 0xa0 + n)];
    Box::new(clock)
}

/// Runs `line` in `direct` and as a job on a copy of `via_job`, and checks that both end the
/// same. Returns the exit code.
fn check(n: usize, line: &str, direct: &mut Shell<MemFs>, via_job: &mut Shell<MemFs>) -> i32 {
    direct.clock = clock(n);
    let expected = direct.run_line(line);
    let request = job::request(via_job, line).unwrap();
    let result = job::run(&request, clock(n), None);
    let got = job::apply(via_job, &result).unwrap();
    assert_eq!(got.events, expected.events, "output of {line:?}");
    assert_eq!(got.exit_code, expected.exit_code, "exit code of {line:?}");
    assert_eq!(got.sql_log, expected.sql_log, "SQL log of {line:?}");
    assert!(via_job.fs == direct.fs, "files after {line:?}");
    assert_eq!(via_job.cwd, direct.cwd, "working directory after {line:?}");
    assert_eq!(via_job.env, direct.env, "variables after {line:?}");
    assert_eq!(
        via_job.installed, direct.installed,
        "packages after {line:?}"
    );
    expected.exit_code
}

fn edit(shell: &mut Shell<MemFs>, path: &str, from: &str, to: &str) {
    let full = format!("{ROOT}/{path}");
    let text = shell.fs.read_to_string(&full).unwrap();
    assert!(text.contains(from), "{path} has no {from:?}");
    shell
        .fs
        .write(&full, text.replace(from, to).as_bytes())
        .unwrap();
}

fn tutorial_shells() -> (Shell<MemFs>, Shell<MemFs>) {
    let start = Snapshot::starting();
    (start.build_shell().unwrap(), start.build_shell().unwrap())
}

/// A line, an edit made on the page before it (file, from, to), and the exit code it gives.
type Step = (
    &'static str,
    Option<(&'static str, &'static str, &'static str)>,
    i32,
);

#[test]
fn a_job_ends_exactly_as_the_line_run_in_place() {
    let (mut direct, mut via_job) = tutorial_shells();
    let url = (
        "alembic.ini",
        "driver://user:pass@localhost/dbname",
        "sqlite:///./app.db",
    );
    let steps: &[Step] = &[
        ("alembic init alembic", None, 127),
        ("pip install alembic", None, 0),
        ("alembic init alembic", None, 0),
        ("alembic revision -m first", Some(url), 0),
        ("alembic upgrade head", None, 0),
        ("alembic current", None, 0),
        ("alembic revision -m second", None, 0),
        ("alembic upgrade head --sql", None, 0),
        ("alembic upgrade head", None, 0),
        ("alembic edit head", None, 0),
        ("alembic history --verbose", None, 0),
        ("alembic downgrade -1", None, 0),
        ("alembic upgrade nowhere", None, 255),
        ("alembic-playground check-reversible", None, 0),
        (
            "python -c \"import sys; print(sys.argv); raise SystemExit(3)\"",
            None,
            3,
        ),
        ("export DATABASE_URL=sqlite:///./other.db", None, 0),
        ("cd alembic", None, 0),
        // No alembic.ini here: Alembic's `FAILED: No config file ...`.
        ("alembic current", None, 255),
        ("cd ..", None, 0),
        ("sqlite3 app.db \"SELECT * FROM alembic_version\"", None, 0),
        ("clear", None, 0),
    ];
    for (n, (line, page_edit, code)) in steps.iter().enumerate() {
        if let Some((path, from, to)) = page_edit {
            edit(&mut direct, path, from, to);
            edit(&mut via_job, path, from, to);
        }
        assert_eq!(check(n, line, &mut direct, &mut via_job), *code, "{line}");
    }
}

#[test]
fn the_lines_that_run_python_are_the_ones_sent_away() {
    let (shell, _) = tutorial_shells();
    for line in [
        "alembic upgrade head",
        "  alembic   history",
        "python -c 1",
        "python3 app/main.py",
        "alembic-playground check-reversible",
    ] {
        assert!(job::runs_elsewhere(&shell, line), "{line}");
    }
    for line in [
        "ls",
        "cd alembic",
        "pip install alembic",
        "clear",
        "",
        "alembic \"unclosed",
        "alembic-playground crash-test",
        "sqlite3 app.db",
    ] {
        assert!(!job::runs_elsewhere(&shell, line), "{line}");
    }
}

#[test]
fn edits_made_while_a_job_runs_survive_its_result() {
    let (mut shell, _) = tutorial_shells();
    shell.run_line("pip install alembic");
    let request = job::request(&shell, "alembic init alembic").unwrap();
    // The learner edits a model while Alembic works on its copy.
    edit(&mut shell, "app/db/models.py", "Base", "Base  # edited");
    let result = job::run(&request, clock(0), None);
    let out = job::apply(&mut shell, &result).unwrap();
    assert_eq!(out.exit_code, 0);
    assert!(shell.fs.is_file(&format!("{ROOT}/alembic/env.py")));
    let models = shell
        .fs
        .read_to_string(&format!("{ROOT}/app/db/models.py"))
        .unwrap();
    assert!(models.contains("# edited"));
}

#[test]
fn live_sees_every_write_as_it_is_made() {
    let (mut shell, _) = tutorial_shells();
    shell.run_line("pip install alembic");
    shell.run_line("alembic init alembic");
    edit(
        &mut shell,
        "alembic.ini",
        "driver://user:pass@localhost/dbname",
        "sqlite:///./app.db",
    );
    for n in 0..3 {
        shell.clock = clock(n);
        shell.run_line(&format!("alembic revision -m r{n}"));
    }
    let seen: Rc<RefCell<Vec<(Stream, String)>>> = Rc::default();
    let sink = Rc::clone(&seen);
    let live = Live(Rc::new(move |stream, text: &str| {
        sink.borrow_mut().push((stream, text.to_string()))
    }));
    let request = job::request(&shell, "alembic upgrade head").unwrap();
    let out = job::apply(&mut shell, &job::run(&request, clock(9), Some(live))).unwrap();
    let seen = seen.borrow();
    // Each migration step's log line arrives on its own, as it is logged, so the page can
    // show the upgrade's progress.
    let steps = seen
        .iter()
        .filter(|(_, t)| t.contains("Running upgrade"))
        .count();
    assert_eq!(steps, 3, "{seen:?}");
    let streamed: String = seen.iter().map(|(_, t)| t.as_str()).collect();
    let printed = out.text(Stream::Stdout) + &out.text(Stream::Stderr);
    assert_eq!(streamed.len(), printed.len());
    assert_eq!(
        seen.iter()
            .filter(|(s, _)| *s == Stream::Stderr)
            .map(|(_, t)| t.as_str())
            .collect::<String>(),
        out.text(Stream::Stderr)
    );
}

#[test]
fn damaged_requests_and_results_are_errors_not_panics() {
    let (mut shell, _) = tutorial_shells();
    let good = job::request(&shell, "alembic current").unwrap();
    // A request cut short anywhere either still reads (a smaller workspace) or says so; the
    // result always applies.
    for cut in (0..good.len()).step_by(7) {
        let mut copy = tutorial_shells().0;
        job::apply(&mut copy, &job::run(&good[..cut], clock(0), None)).unwrap();
    }
    let result = job::run(b"nonsense", clock(0), None);
    let out = job::apply(&mut shell, &result).unwrap();
    assert_eq!(out.exit_code, 1);
    assert!(out
        .text(Stream::Stderr)
        .starts_with("playground: the command could not be started"));
    assert!(job::apply(&mut shell, b"APJr\x02\xff\xff").is_err());
    assert!(job::apply(&mut shell, b"not a result").is_err());
    // A result may not name a path outside the learner's home.
    let mut evil = b"APJr".to_vec();
    let mut rec = vec![2u8, 11];
    rec.extend_from_slice(b"/etc/passwd");
    rec.extend_from_slice(b"x");
    evil.push(6);
    evil.push(rec.len() as u8);
    evil.extend_from_slice(&rec);
    assert!(job::apply(&mut shell, &evil).is_err());
    assert!(!shell.fs.is_file("/etc/passwd"));
}

#[test]
fn a_request_names_its_line() {
    let (shell, _) = tutorial_shells();
    let request = job::request(&shell, "alembic history -v").unwrap();
    assert_eq!(
        job::line_of(&request).as_deref(),
        Some("alembic history -v")
    );
    assert_eq!(job::line_of(b"APJq\x01\x09abc"), None);
    assert_eq!(job::line_of(b"nonsense"), None);
}

#[test]
fn undoing_a_job_puts_back_what_it_changed_and_keeps_edits_made_meanwhile() {
    use alembic_playground::undo::{self, Undo};
    let (mut shell, _) = tutorial_shells();
    shell.run_line("pip install alembic");
    let before = undo::capture(&shell.fs, "/home/learner");
    let request = job::request(&shell, "alembic init alembic").unwrap();
    // Edited on the page while the job ran.
    edit(&mut shell, "app/db/models.py", "Base", "Base  # edited");
    let result = job::run(&request, clock(0), None);
    let (out, changes) = job::apply_keeping_edits(&mut shell, &result, &before).unwrap();
    assert_eq!(out.exit_code, 0);
    let undo = Undo::reverting("alembic init alembic", &before, &changes).unwrap();
    assert!(
        undo.paths()
            .all(|p| p.starts_with(&format!("{ROOT}/alembic"))),
        "only the job's paths"
    );
    undo.restore(&mut shell.fs);
    assert!(!shell.fs.is_dir(&format!("{ROOT}/alembic")));
    assert!(!shell.fs.is_file(&format!("{ROOT}/alembic.ini")));
    let models = shell
        .fs
        .read_to_string(&format!("{ROOT}/app/db/models.py"))
        .unwrap();
    assert!(
        models.contains("# edited"),
        "the edit made meanwhile is kept"
    );
    // Without an edit meanwhile, it is exactly the undo of the line run in place.
    let (mut direct, mut via_job) = tutorial_shells();
    for sh in [&mut direct, &mut via_job] {
        sh.run_line("pip install alembic");
    }
    let before_direct = undo::capture(&direct.fs, "/home/learner");
    direct.run_line("alembic init alembic");
    let in_place = Undo::after("init", before_direct, &direct.fs, "/home/learner").unwrap();
    let before_job = undo::capture(&via_job.fs, "/home/learner");
    let request = job::request(&via_job, "alembic init alembic").unwrap();
    let result = job::run(&request, clock(0), None);
    let (_, changes) = job::apply_keeping_edits(&mut via_job, &result, &before_job).unwrap();
    assert_eq!(
        Undo::reverting("init", &before_job, &changes).unwrap(),
        in_place
    );
}

#[test]
fn a_file_edited_while_a_job_changed_it_keeps_the_learners_version_and_says_so() {
    use alembic_playground::undo;
    let (mut shell, _) = tutorial_shells();
    shell.run_line("pip install alembic");
    shell.run_line("alembic init alembic");
    let before = undo::capture(&shell.fs, "/home/learner");
    // `alembic edit`-free way to have a job rewrite a file: init again into a fresh folder
    // writes alembic2/env.py and its README; the learner creates that README meanwhile.
    let request = job::request(&shell, "alembic init alembic2").unwrap();
    shell
        .fs
        .create_dir_all(&format!("{ROOT}/alembic2"))
        .unwrap();
    shell
        .fs
        .write(&format!("{ROOT}/alembic2/README"), b"mine")
        .unwrap();
    let result = job::run(&request, clock(0), None);
    let (out, applied) = job::apply_keeping_edits(&mut shell, &result, &before).unwrap();
    assert_eq!(
        shell.fs.read(&format!("{ROOT}/alembic2/README")).unwrap(),
        b"mine"
    );
    assert!(
        shell.fs.is_file(&format!("{ROOT}/alembic2/env.py")),
        "the rest was written"
    );
    assert!(applied
        .0
        .iter()
        .all(|(p, _)| !p.ends_with("alembic2/README")));
    let err = out.text(Stream::Stderr);
    assert!(
        err.ends_with(&format!("playground: changed in the editor while the command ran, so your version was kept and the command's was not written: {ROOT}/alembic2/README\n")),
        "{err}"
    );
}

#[test]
fn a_python_script_streams_what_it_prints_once() {
    let (shell, _) = tutorial_shells();
    let seen: Rc<RefCell<Vec<(Stream, String)>>> = Rc::default();
    let sink = Rc::clone(&seen);
    let live = Live(Rc::new(move |stream, text: &str| {
        sink.borrow_mut().push((stream, text.to_string()))
    }));
    let line = "python -c \"import sys; print(1); print(2); print(3, file=sys.stderr)\"";
    let mut copy = tutorial_shells().0;
    let request = job::request(&shell, line).unwrap();
    let out = job::apply(&mut copy, &job::run(&request, clock(0), Some(live))).unwrap();
    let seen = seen.borrow();
    assert_eq!(
        *seen,
        [
            (Stream::Stdout, "1\n".to_string()),
            (Stream::Stdout, "2\n".to_string()),
            (Stream::Stderr, "3\n".to_string())
        ],
        "each print as it is made, once"
    );
    assert_eq!(out.text(Stream::Stdout), "1\n2\n");
    assert_eq!(out.text(Stream::Stderr), "3\n");
}
