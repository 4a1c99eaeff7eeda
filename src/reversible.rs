//! The reversibility check for learners (`alembic-playground check-reversible`): does each
//! revision's downgrade undo its upgrade, and what data does a downgrade destroy? It runs
//! Alembic's own commands on a scratch copy of the project, so the learner's files and
//! database are never touched; and it gives the warning printed before a real downgrade that
//! would drop tables or columns holding data.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::db::Database;
use crate::fs::{self, FileSystem, MemFs};
use crate::shell::{Shell, Stream};
use crate::views::schema;

/// A copy of everything under `root` in a memory file system: the scratch project.
fn copy_tree(fs: &dyn FileSystem, root: &str, into: &mut MemFs) {
    let _ = into.create_dir_all(root);
    for e in fs.read_dir(root).unwrap_or_default() {
        let path = fs::join(root, &e.name);
        if e.is_dir {
            copy_tree(fs, &path, into);
        } else if let Ok(bytes) = fs.read(&path) {
            let _ = into.write(&path, &bytes);
        }
    }
}

/// A shell over a scratch copy of `project`, with the learner's environment variables.
fn scratch(fs: &dyn FileSystem, project: &str, vars: &BTreeMap<String, String>) -> Shell<MemFs> {
    let mut copy = MemFs::new();
    copy_tree(fs, project, &mut copy);
    let mut shell = Shell::new(copy, project, "/home/learner");
    shell.env = vars.clone();
    shell.warn_downgrades = false;
    shell
}

/// What a database holds, table by table: its columns (name and type), its indexes, and its
/// rows as text, for comparing two moments.
#[derive(Clone, Debug, PartialEq, Default)]
struct Snapshot {
    tables: BTreeMap<String, TableState>,
}

/// A table's columns (name, type), index names, and rows as text.
type TableState = (Vec<(String, String)>, BTreeSet<String>, Vec<Vec<String>>);

fn snapshot(shell: &Shell<MemFs>) -> Snapshot {
    let view = schema::read(&shell.fs, &shell.cwd);
    let db = schema::database_file(&shell.fs, &shell.cwd)
        .and_then(|p| shell.fs.read(&p).ok())
        .and_then(|b| Database::from_bytes(&b).ok());
    let mut snap = Snapshot::default();
    for t in view.tables {
        let rows = db
            .as_ref()
            .and_then(|db| {
                db.query_strings(&format!(
                    "SELECT * FROM \"{}\" ORDER BY 1",
                    t.name.replace('"', "\"\"")
                ))
                .ok()
            })
            .unwrap_or_default();
        let columns = t
            .columns
            .iter()
            .map(|c| (c.name.clone(), c.type_.clone()))
            .collect();
        let indexes = t.indexes.iter().map(|i| i.name.clone()).collect();
        snap.tables.insert(t.name, (columns, indexes, rows));
    }
    snap
}

/// The schema differences from `want` to `got`, in words.
fn schema_diff(want: &Snapshot, got: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    for (name, (cols, ixs, _)) in &got.tables {
        match want.tables.get(name) {
            None => out.push(format!("table {name} is left behind")),
            Some((wcols, wixs, _)) => {
                for (c, _) in cols {
                    if !wcols.iter().any(|(w, _)| w == c) {
                        out.push(format!("column {name}.{c} is left behind"));
                    }
                }
                for (c, ty) in wcols {
                    match cols.iter().find(|(g, _)| g == c) {
                        None => out.push(format!("column {name}.{c} is missing")),
                        Some((_, gty)) if gty != ty => {
                            out.push(format!("column {name}.{c} is {gty}, was {ty}"))
                        }
                        _ => {}
                    }
                }
                for i in ixs.difference(wixs) {
                    out.push(format!("index {i} is left behind"));
                }
                for i in wixs.difference(ixs) {
                    out.push(format!("index {i} is missing"));
                }
            }
        }
    }
    for name in want.tables.keys() {
        if !got.tables.contains_key(name) {
            out.push(format!("table {name} is missing"));
        }
    }
    out
}

/// The rows `before` had that `after` lost, in words.
fn data_diff(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    for (name, (cols, _, rows)) in &before.tables {
        let Some((acols, _, arows)) = after.tables.get(name) else {
            if !rows.is_empty() {
                out.push(format!(
                    "table {name} and its {} are gone",
                    count(rows.len(), "row")
                ));
            }
            continue;
        };
        if arows.len() < rows.len() {
            out.push(format!(
                "table {name} had {}, has {}",
                count(rows.len(), "row"),
                arows.len()
            ));
            continue;
        }
        for (i, (c, _)) in cols.iter().enumerate() {
            let Some(j) = acols.iter().position(|(a, _)| a == c) else {
                continue;
            };
            let lost = rows
                .iter()
                .zip(arows)
                .filter(|(r, a)| r.get(i) != a.get(j) && !r.get(i).is_none_or(|v| v.is_empty()))
                .count();
            if lost > 0 {
                out.push(format!("{} of {name}.{c} lost", count(lost, "value")));
            }
        }
    }
    out
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// One revision's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub revision: String,
    pub message: String,
    /// Empty when the revision round-trips.
    pub problems: Vec<String>,
}

/// The whole check, or why it could not run.
pub fn check(
    fs: &dyn FileSystem,
    project: &str,
    vars: &BTreeMap<String, String>,
) -> Result<Vec<Finding>, String> {
    let mut probe = scratch(fs, project, vars);
    let order = {
        let mut clock = crate::clock::FixedClock::new();
        let mut env = crate::command::Env {
            fs: &mut probe.fs,
            cwd: project.to_string(),
            vars,
            clock: &mut clock,
            command: "",
            live: None,
        };
        let config = crate::command::inspect::config(&env)
            .ok_or("No alembic.ini here: run `alembic init alembic` first.")?;
        let map = crate::command::inspect::revisions(&mut env, &config)?;
        let heads: Vec<String> = map.heads().into_iter().map(String::from).collect();
        if heads.len() != 1 {
            return Err(format!(
                "The check walks one line of revisions, and there are {} heads; merge them first (alembic merge heads).",
                heads.len()
            ));
        }
        let all: HashSet<String> = map.ancestors(&heads);
        let mut order = map.topological_sort(&all, &heads);
        order.reverse();
        order
            .into_iter()
            .map(|id| {
                let message = map
                    .get(&id)
                    .map(|r| r.doc().to_string())
                    .unwrap_or_default();
                (id, message)
            })
            .collect::<Vec<_>>()
    };
    if order.is_empty() {
        return Err("There are no revisions to check yet.".into());
    }
    let mut findings: Vec<Finding> = order
        .iter()
        .map(|(id, m)| Finding {
            revision: id.clone(),
            message: m.clone(),
            problems: Vec::new(),
        })
        .collect();
    let run = |shell: &mut Shell<MemFs>, line: &str| -> Result<(), String> {
        let out = shell.run_line(line);
        if out.exit_code == 0 {
            Ok(())
        } else {
            let err = out.text(Stream::Stderr) + &out.text(Stream::Stdout);
            Err(err.trim_end().lines().last().unwrap_or("").to_string())
        }
    };

    // Schema: from an empty database, up one revision at a time, then down again, comparing
    // each downgrade with where its upgrade started.
    let mut empty = scratch(fs, project, vars);
    if let Some(db) = schema::database_file(&empty.fs, project) {
        let _ = empty.fs.remove(&db);
    }
    let mut states = vec![snapshot(&empty)];
    let mut reached = 0;
    for (i, (id, _)) in order.iter().enumerate() {
        if let Err(e) = run(&mut empty, &format!("alembic upgrade {id}")) {
            findings[i].problems.push(format!("the upgrade fails: {e}"));
            break;
        }
        states.push(snapshot(&empty));
        reached = i + 1;
    }
    for i in (0..reached).rev() {
        let target = if i == 0 {
            "base".to_string()
        } else {
            order[i - 1].0.clone()
        };
        if let Err(e) = run(&mut empty, &format!("alembic downgrade {target}")) {
            findings[i]
                .problems
                .push(format!("the downgrade fails: {e}"));
            break;
        }
        // What a later revision's downgrade left behind shows up again lower down; only the
        // revision that caused it is told.
        for d in schema_diff(&states[i], &snapshot(&empty)) {
            let d = format!("after its downgrade, {d}");
            if !findings[i + 1..reached]
                .iter()
                .any(|f| f.problems.contains(&d))
            {
                findings[i].problems.push(d);
            }
        }
    }

    // Data: on a copy of the learner's database, each revision from the current one down:
    // down one step and up again, and what rows did not come back.
    let mut data = scratch(fs, project, vars);
    let current = schema::read(&data.fs, project).versions.unwrap_or_default();
    if let [current] = current.as_slice() {
        if let Some(mut i) = order.iter().position(|(id, _)| id == current) {
            loop {
                let before = snapshot(&data);
                let target = if i == 0 {
                    "base".to_string()
                } else {
                    order[i - 1].0.clone()
                };
                if run(&mut data, &format!("alembic downgrade {target}")).is_err()
                    || run(&mut data, &format!("alembic upgrade {}", order[i].0)).is_err()
                {
                    break;
                }
                for d in data_diff(&before, &snapshot(&data)) {
                    findings[i]
                        .problems
                        .push(format!("downgrade then upgrade: {d}"));
                }
                if i == 0 || run(&mut data, &format!("alembic downgrade {target}")).is_err() {
                    break;
                }
                i -= 1;
            }
        }
    }
    Ok(findings)
}

/// The report `check-reversible` prints.
pub fn report(result: &Result<Vec<Finding>, String>) -> (String, bool) {
    let findings = match result {
        Ok(f) => f,
        Err(e) => return (format!("{e}\n"), false),
    };
    let mut out = String::from(
        "Checking that each revision's downgrade undoes its upgrade, on a scratch copy of the project (your files and database are not touched).\n\n",
    );
    let mut ok = true;
    for f in findings.iter().rev() {
        if f.problems.is_empty() {
            out.push_str(&format!(
                "  ✓ {} ({}): round-trips\n",
                f.revision, f.message
            ));
        } else {
            ok = false;
            out.push_str(&format!("  ✗ {} ({}):\n", f.revision, f.message));
            for p in &f.problems {
                out.push_str(&format!("      {p}\n"));
            }
        }
    }
    let bad = findings.iter().filter(|f| !f.problems.is_empty()).count();
    out.push_str(&if bad == 0 {
        format!("\nAll {} revisions round-trip.\n", findings.len())
    } else {
        format!(
            "\n{bad} of {} revisions do not round-trip.\n",
            findings.len()
        )
    });
    (out, ok)
}

/// Before `alembic downgrade <args>`: what data it would destroy, found by running it on a
/// scratch copy. `None` when nothing with data goes away (or the downgrade would fail, which
/// the real run then shows).
pub fn downgrade_warning(
    fs: &dyn FileSystem,
    project: &str,
    vars: &BTreeMap<String, String>,
    args: &[String],
) -> Option<String> {
    let mut probe = scratch(fs, project, vars);
    let before = snapshot(&probe);
    if before.tables.values().all(|(_, _, rows)| rows.is_empty()) {
        return None;
    }
    let line = std::iter::once("alembic".to_string())
        .chain(args.iter().map(|a| {
            shlex::try_quote(a)
                .map(|q| q.into_owned())
                .unwrap_or_default()
        }))
        .collect::<Vec<_>>()
        .join(" ");
    if probe.run_line(&line).exit_code != 0 {
        return None;
    }
    let after = snapshot(&probe);
    let mut lost = Vec::new();
    for (name, (cols, _, rows)) in &before.tables {
        if rows.is_empty() {
            continue;
        }
        match after.tables.get(name) {
            None => lost.push(format!("table {name} ({})", count(rows.len(), "row"))),
            Some((acols, _, _)) => {
                for (i, (c, _)) in cols.iter().enumerate() {
                    let values = rows
                        .iter()
                        .filter(|r| r.get(i).is_some_and(|v| !v.is_empty()))
                        .count();
                    if values > 0 && !acols.iter().any(|(a, _)| a == c) {
                        lost.push(format!("column {name}.{c} ({})", count(values, "value")));
                    }
                }
            }
        }
    }
    (!lost.is_empty()).then(|| {
        format!(
            "playground: warning: this downgrade drops {}; that data will be gone (alembic-playground check-reversible shows what each downgrade loses).\n",
            lost.join(", ")
        )
    })
}
