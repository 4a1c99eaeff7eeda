//! Reads the golden transcripts that tools/record/record.py writes from real Alembic, and
//! checks a playground [`Shell`] against them step by step: each terminal line's stdout,
//! stderr and exit code, each file edit, and after every step the files the step created,
//! changed or removed and the rows of every SQLite file it touched. Shared by the native
//! scenario test and the in-browser test.

use std::collections::BTreeMap;

use alembic_playground::clock::{FixedClock, LocalTime};
use alembic_playground::db::{Database, SqlValue};
use alembic_playground::fs::{self, FileSystem};
use alembic_playground::shell::{Shell, Stream};

/// One recorded step and what it produced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Step {
    /// The terminal line, or `@ <edit>` for a file edit.
    pub line: String,
    /// An edit's `| `, `- ` and `+ ` lines.
    pub edit: Vec<String>,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    /// The `= ...` lines that follow: generated ids and dates, changed files and databases.
    pub changes: Vec<String>,
}

impl Step {
    pub fn is_edit(&self) -> bool {
        self.line.starts_with("@ ")
    }

    fn replayed(&self, prefix: &str) -> Vec<String> {
        self.changes
            .iter()
            .filter_map(|c| c.strip_prefix(prefix).map(String::from))
            .collect()
    }
}

/// Parses a `.golden` file; panics on a malformed one, since goldens are machine-written.
pub fn parse_golden(text: &str) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut last_stream: Option<Stream> = None;
    let mut in_changes = false;
    for raw in text.lines() {
        if raw.starts_with('#') && steps.is_empty() {
            continue;
        }
        if let Some(line) = raw.strip_prefix("$ ") {
            steps.push(Step {
                line: line.to_string(),
                ..Step::default()
            });
            in_changes = false;
            continue;
        }
        if raw.starts_with("@ ") {
            steps.push(Step {
                line: raw.to_string(),
                ..Step::default()
            });
            in_changes = false;
            continue;
        }
        let step = steps
            .last_mut()
            .expect("golden output before the first step");
        if raw.starts_with("= ") || in_changes {
            step.changes.push(raw.to_string());
            in_changes = true;
            continue;
        }
        if step.is_edit() {
            step.edit.push(raw.to_string());
            continue;
        }
        let (stream, body) = match raw {
            "1>" => (Stream::Stdout, ""),
            "2>" => (Stream::Stderr, ""),
            _ if raw.starts_with("1> ") => (Stream::Stdout, &raw[3..]),
            _ if raw.starts_with("2> ") => (Stream::Stderr, &raw[3..]),
            "\\ no newline at end" => {
                let text = match last_stream.expect("no-newline marker without output") {
                    Stream::Stdout => &mut step.stdout,
                    Stream::Stderr => &mut step.stderr,
                };
                text.pop();
                continue;
            }
            _ if raw.starts_with("? ") => {
                step.exit_code = raw[2..].parse().expect("exit code");
                continue;
            }
            _ => panic!("unreadable golden line: {raw:?}"),
        };
        let text = match stream {
            Stream::Stdout => &mut step.stdout,
            Stream::Stderr => &mut step.stderr,
        };
        text.push_str(body);
        text.push('\n');
        last_stream = Some(stream);
    }
    steps
}

fn body(line: &str) -> &str {
    line.get(2..).unwrap_or("")
}

/// Applies an edit step to `project`, as the learner's editor would.
pub fn apply_edit(fs: &mut dyn FileSystem, project: &str, step: &Step) -> Result<(), String> {
    let directive = &step.line[2..];
    let (kind, arg) = directive.split_once(' ').unwrap_or((directive, ""));
    match kind {
        "setup" => {
            if arg != "fastapi_template" {
                return Err(format!("unknown starting project {arg}"));
            }
            alembic_playground::project::write_project(
                fs,
                project,
                alembic_playground::project::FASTAPI_TEMPLATE,
            )
            .map_err(|e| e.to_string())?;
        }
        "write" => {
            let text: String = step.edit.iter().map(|l| format!("{}\n", body(l))).collect();
            let path = fs::join(project, arg);
            fs.create_dir_all(fs::parent(&path))
                .map_err(|e| e.to_string())?;
            fs.write(&path, text.as_bytes())
                .map_err(|e| e.to_string())?;
        }
        "replace" => {
            let path = fs::join(project, arg);
            let old: String = step
                .edit
                .iter()
                .filter(|l| l.starts_with('-'))
                .map(|l| format!("{}\n", body(l)))
                .collect();
            let new: String = step
                .edit
                .iter()
                .filter(|l| l.starts_with('+'))
                .map(|l| format!("{}\n", body(l)))
                .collect();
            let text = fs.read_to_string(&path).map_err(|e| e.to_string())?;
            if !text.contains(&old) {
                return Err(format!("@ replace {arg}: text not found"));
            }
            fs.write(&path, text.replacen(&old, &new, 1).as_bytes())
                .map_err(|e| e.to_string())?;
        }
        other => return Err(format!("unknown edit @ {other}")),
    }
    Ok(())
}

/// Every file under `root`, by path relative to it (skipping `__pycache__`).
pub fn snapshot(fs: &dyn FileSystem, root: &str) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.to_string()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs.read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let path = fs::join(&dir, &e.name);
            if e.is_dir {
                if e.name != "__pycache__" {
                    dirs.push(path);
                }
            } else if let Ok(bytes) = fs.read(&path) {
                let rel = path[root.len() + 1..].to_string();
                out.insert(rel, bytes);
            }
        }
    }
    out
}

fn text_of(v: &SqlValue) -> String {
    match v {
        SqlValue::Text(t) => t.clone(),
        _ => String::new(),
    }
}

fn db_dump(bytes: &[u8]) -> Vec<String> {
    let Ok(db) = Database::from_bytes(bytes) else {
        return vec!["(unreadable database)".into()];
    };
    let mut out = Vec::new();
    let master = db
        .execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid",
            &[],
        )
        .unwrap_or_default();
    let mut tables = Vec::new();
    for r in &master.rows {
        let (kind, name, tbl) = (text_of(&r[0]), text_of(&r[1]), text_of(&r[2]));
        out.push(format!("-- sqlite_master {kind} {name} {tbl}"));
        if let SqlValue::Text(sql) = &r[3] {
            out.extend(sql.split('\n').map(|l| format!("|{l}")));
        }
        if kind == "table" {
            tables.push(name);
        }
    }
    for name in tables {
        let q = format!("\"{}\"", name.replace('"', "\"\""));
        let info = db
            .execute(&format!("PRAGMA table_info({q})"), &[])
            .unwrap_or_default();
        let sel: Vec<String> = info
            .rows
            .iter()
            .map(|r| format!("quote(\"{}\")", text_of(&r[1]).replace('"', "\"\"")))
            .collect();
        out.push(format!("-- rows {name}"));
        let rows = db
            .execute(
                &format!("SELECT {} FROM {q} ORDER BY rowid", sel.join(", ")),
                &[],
            )
            .unwrap_or_default();
        for r in rows.rows {
            out.push(r.iter().map(text_of).collect::<Vec<_>>().join(", "));
        }
    }
    out
}

/// The `= ...` lines for what changed between two snapshots, as the recorder writes them.
pub fn changes(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Python sorts paths by their parts, so `alembic/README` comes before `alembic.ini`.
    let mut ordered: Vec<(&String, &Vec<u8>)> = after.iter().collect();
    ordered.sort_by(|a, b| a.0.split('/').cmp(b.0.split('/')));
    for (rel, data) in ordered {
        if before.get(rel) == Some(data) {
            continue;
        }
        if data.starts_with(b"SQLite format 3\0") || (rel.ends_with(".db") && data.is_empty()) {
            out.push(format!("= db {rel}"));
            if !data.is_empty() {
                out.extend(db_dump(data));
            }
            continue;
        }
        let text = String::from_utf8_lossy(data).into_owned();
        let is_revision = format!("/{rel}").contains("/versions/") && rel.ends_with(".py");
        if is_revision {
            for line in text.lines() {
                if let Some(id) = line.strip_prefix("Revision ID: ") {
                    out.insert(0, format!("= rev {id}"));
                }
            }
            for line in text.lines() {
                if let Some(d) = line.strip_prefix("Create Date: ") {
                    let at = usize::from(out.first().is_some_and(|f| f.starts_with("= rev")));
                    out.insert(at, format!("= date {d}"));
                }
            }
        }
        out.push(format!("= file {rel}"));
        out.extend(text.split('\n').map(|l| format!("|{l}")));
    }
    for rel in before.keys() {
        if !after.contains_key(rel) {
            out.push(format!("= deleted {rel}"));
        }
    }
    out
}

/// Runs every step through `shell` (whose project folder is `project`) and compares with
/// what was recorded. Returns the first mismatch as a readable report.
pub fn check_steps<F: FileSystem>(
    shell: &mut Shell<F>,
    project: &str,
    steps: &[Step],
) -> Result<(), String> {
    let mut files = snapshot(&shell.fs, project);
    for (i, step) in steps.iter().enumerate() {
        let got = if step.is_edit() {
            apply_edit(&mut shell.fs, project, step).map_err(|e| format!("step {}: {e}", i + 1))?;
            Step {
                line: step.line.clone(),
                edit: step.edit.clone(),
                ..Step::default()
            }
        } else {
            let mut clock = FixedClock::new();
            clock.ids = step.replayed("= rev ");
            clock.times = step
                .replayed("= date ")
                .iter()
                .filter_map(|d| LocalTime::parse(d))
                .collect();
            shell.clock = Box::new(clock);
            let out = shell.run_line(&step.line);
            Step {
                line: step.line.clone(),
                stdout: out.text(Stream::Stdout),
                stderr: out.text(Stream::Stderr),
                exit_code: out.exit_code,
                ..Step::default()
            }
        };
        let after = snapshot(&shell.fs, project);
        let got = Step {
            changes: changes(&files, &after),
            ..got
        };
        files = after;
        if !same(step, &got) {
            return Err(format!(
                "step {} `{}` differs from real Alembic\n{}",
                i + 1,
                step.line,
                diff(step, &got)
            ));
        }
    }
    Ok(())
}

/// Whether a step matches its recording. Where real Alembic's own output varies from run to
/// run, that part compares as a set: `alembic current` with several heads (a Python set of
/// objects hashed by address), `branches` (a frozenset of strings), and `alembic_version`'s
/// rows.
pub fn same(want: &Step, got: &Step) -> bool {
    // Where the playground must differ from a real machine (no network, for one) it says so in
    // lines of its own; they are the only lines a recording cannot have.
    let got = &Step {
        stdout: without_addresses(&without_notes(&got.stdout)),
        stderr: without_addresses(&got.stderr),
        ..got.clone()
    };
    let want = &Step {
        stdout: without_addresses(&want.stdout),
        stderr: without_addresses(&want.stderr),
        ..want.clone()
    };
    let mut w = want.clone();
    let mut g = got.clone();
    // `alembic_version` holds several heads in the order Alembic inserted them, which follows
    // a Python set: its rows compare as a set.
    w.changes = version_rows_sorted(&w.changes);
    g.changes = version_rows_sorted(&g.changes);
    // `branches` walks a branch point's children from a frozenset of strings, so their order
    // changes with Python's hash seed (seen both ways in runs of real Alembic).
    if want.line.starts_with("alembic current") || want.line.starts_with("alembic branches") {
        let sorted = |s: &str| {
            let mut l: Vec<String> = s.lines().map(sorted_branch_list).collect();
            l.sort();
            l.join("\n")
        };
        w.stdout = sorted(&w.stdout);
        g.stdout = sorted(&g.stdout);
    }
    w == g
}

/// `Branches into: a, b` with its list sorted.
fn sorted_branch_list(line: &str) -> String {
    match line.split_once("Branches into: ") {
        Some((head, list)) => {
            let mut items: Vec<&str> = list.split(", ").collect();
            items.sort();
            format!("{head}Branches into: {}", items.join(", "))
        }
        None => line.to_string(),
    }
}

/// The `= db` change lines with the rows under `-- rows alembic_version` sorted.
fn version_rows_sorted(changes: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(changes.len());
    let mut rows: Vec<String> = Vec::new();
    let mut in_versions = false;
    for c in changes {
        let boundary = c.starts_with("-- ") || c.starts_with("= ");
        if in_versions && boundary {
            rows.sort();
            out.append(&mut rows);
            in_versions = false;
        }
        if in_versions {
            rows.push(c.clone());
            continue;
        }
        out.push(c.clone());
        in_versions = c == "-- rows alembic_version";
    }
    rows.sort();
    out.append(&mut rows);
    out
}

/// `text` without the playground's own notes: lines that start with `playground:`, indented
/// or not.
pub fn without_notes(text: &str) -> String {
    text.split_inclusive('\n')
        .filter(|l| !l.trim_start().starts_with("playground: "))
        .collect()
}

/// `text` with CPython's object addresses (`<function f at 0x7f3a9c415d10>`, in the reprs
/// `alembic check` prints) blanked: they differ from run to run of real Python too.
pub fn without_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        let (head, tail) = rest.split_at(at + " at 0x".len());
        out.push_str(head);
        let digits = tail.len()
            - tail
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        out.push('…');
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

/// A readable difference between two steps: the first differing line of each part.
pub fn diff(want: &Step, got: &Step) -> String {
    let mut out = String::new();
    let parts = [
        (
            "stdout",
            without_addresses(&want.stdout),
            without_addresses(&without_notes(&got.stdout)),
        ),
        (
            "stderr",
            without_addresses(&want.stderr),
            without_addresses(&got.stderr),
        ),
        (
            "exit",
            want.exit_code.to_string(),
            got.exit_code.to_string(),
        ),
        ("changes", want.changes.join("\n"), got.changes.join("\n")),
    ];
    for (name, w, g) in parts {
        if w == g {
            continue;
        }
        let wl: Vec<&str> = w.lines().collect();
        let gl: Vec<&str> = g.lines().collect();
        let first = (0..wl.len().max(gl.len()))
            .find(|&i| wl.get(i) != gl.get(i))
            .unwrap_or(0);
        let show = |v: &[&str]| {
            v.iter()
                .skip(first.saturating_sub(2))
                .take(10)
                .map(|l| format!("      {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        out.push_str(&format!(
            "  {name} differs at line {}:\n    want:\n{}\n    got:\n{}\n",
            first + 1,
            show(&wl),
            show(&gl)
        ));
    }
    out
}
