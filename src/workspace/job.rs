//! A terminal line as a job that runs on a copy of the workspace somewhere else (the browser's
//! worker), as bytes both ways: the request (the shell's state and the line) and the result
//! (the [`Output`] and what the line changed, to apply to the original).
//!
//! Running elsewhere keeps the page responsive while Alembic works, and a copy means a job
//! that is stopped half-way leaves the learner's files exactly as they were. The result names
//! only the paths the line changed, so edits made on the page while it ran survive.
//! Plain bytes with no compression: both ends are this build, and copying is cheaper than
//! deflate for a database of several megabytes. Both decoders still check every length.

use crate::db::LoggedStatement;
use crate::fs::FileSystem;
use crate::shell::{Event, Live, Output, Shell, Stream, BROWSER_HOME};
use crate::undo::{self, Changes, PathState};

use super::bytes::{
    each_record, put_env, put_installed, put_str, put_varint, record, text, Reader,
};
use super::{check_path, Snapshot, WorkspaceError};

const REQUEST_MAGIC: &[u8] = b"APJq";
const RESULT_MAGIC: &[u8] = b"APJr";

// Request tags.
const Q_LINE: u64 = 1;
const Q_CWD: u64 = 2;
const Q_ENV: u64 = 3;
const Q_INSTALLED: u64 = 4;
const Q_FILE: u64 = 5;
const Q_EMPTY_DIR: u64 = 6;
const Q_NO_DOWNGRADE_WARNING: u64 = 7;

// Result tags.
const R_EXIT: u64 = 1;
const R_WRITE: u64 = 2;
const R_CLEAR: u64 = 3;
const R_OPEN: u64 = 4;
const R_SQL: u64 = 5;
const R_CHANGE: u64 = 6;
const R_CWD: u64 = 7;
const R_ENV: u64 = 8;
const R_INSTALLED: u64 = 9;

/// Whether `line` is worth running elsewhere: the programs that run Python (Alembic, `python`,
/// the reversibility check), which can take seconds. Everything else (builtins, `ls`, `pip`,
/// an interactive `sqlite3` session's lines) answers at once and keeps state a job does not
/// carry, so it runs in place.
pub fn runs_elsewhere<F: FileSystem>(shell: &Shell<F>, line: &str) -> bool {
    if shell.sqlite.is_some() {
        return false;
    }
    let Some(words) = shlex::split(line) else {
        return false;
    };
    match words.first().map(String::as_str) {
        Some("alembic" | "python" | "python3") => true,
        Some("alembic-playground") => words.get(1).is_some_and(|w| w == "check-reversible"),
        _ => false,
    }
}

/// The line a request runs, if it can be read.
pub fn line_of(request: &[u8]) -> Option<String> {
    let mut line = None;
    each_record(request.strip_prefix(REQUEST_MAGIC)?, |tag, rec| {
        if tag == Q_LINE && line.is_none() {
            line = Some(text(rec.buf, "the line")?);
        }
        Ok(())
    })
    .ok()?;
    line
}

/// The request for running `line` on a copy of `shell`'s workspace.
pub fn request<F: FileSystem>(shell: &Shell<F>, line: &str) -> Result<Vec<u8>, WorkspaceError> {
    let snap = Snapshot::capture_shell(shell)?;
    let mut out = REQUEST_MAGIC.to_vec();
    record(&mut out, Q_LINE, line.as_bytes());
    record(&mut out, Q_CWD, snap.cwd.as_bytes());
    put_env(&mut out, Q_ENV, &snap.env);
    put_installed(&mut out, Q_INSTALLED, &snap.installed);
    if !shell.warn_downgrades {
        record(&mut out, Q_NO_DOWNGRADE_WARNING, b"");
    }
    for dir in &snap.empty_dirs {
        record(&mut out, Q_EMPTY_DIR, dir.as_bytes());
    }
    for (path, bytes) in &snap.files {
        let mut rec = Vec::with_capacity(path.len() + bytes.len() + 4);
        put_str(&mut rec, path);
        rec.extend_from_slice(bytes);
        record(&mut out, Q_FILE, &rec);
    }
    Ok(out)
}

/// Runs a request: rebuilds the workspace, runs the line with `clock` (and `live` seeing each
/// write as it happens) and returns the result. Never fails: a request that cannot be read
/// becomes a result that says so on stderr and changes nothing.
pub fn run(request: &[u8], clock: Box<dyn crate::clock::Clock>, live: Option<Live>) -> Vec<u8> {
    let (mut shell, line) = match read_request(request) {
        Ok(job) => job,
        Err(e) => {
            let mut out = Output::default();
            out.stderr(format!(
                "playground: the command could not be started ({e})\n"
            ));
            out.exit_code = 1;
            return encode_result(&out, &Changes::default(), None);
        }
    };
    shell.clock = clock;
    let before = undo::capture(&shell.fs, BROWSER_HOME);
    let out = shell.run_line_live(&line, live);
    let changes = before.changes_since(&shell.fs, BROWSER_HOME);
    encode_result(&out, &changes, Some(&shell))
}

/// Applies a result to the shell the request was made from: the changed paths (and nothing
/// else), the working directory, variables and packages. Returns what the line printed.
pub fn apply<F: FileSystem>(shell: &mut Shell<F>, result: &[u8]) -> Result<Output, WorkspaceError> {
    let (out, changes, state) = read_result(result)?;
    changes.apply(&mut shell.fs);
    state.apply(shell);
    Ok(out)
}

/// [`apply`] for a shell that went on while the line ran (the page): a path the line changed
/// that is no longer as it was in `before` (the workspace the request was made from) was
/// changed here meanwhile, by the learner; their version stays, and a `playground:` line on
/// stderr says the line's was not written. Returns what the line printed and the changes
/// applied.
pub fn apply_keeping_edits<F: FileSystem>(
    shell: &mut Shell<F>,
    result: &[u8],
    before: &undo::Picture,
) -> Result<(Output, Changes), WorkspaceError> {
    let (mut out, changes, state) = read_result(result)?;
    let (kept, applied): (Vec<_>, Vec<_>) = changes.0.into_iter().partition(|(path, target)| {
        // Changed meanwhile, and not to what the line made of it too.
        let now = undo::state_now(&shell.fs, path);
        now != before.state_of(path) && now != *target
    });
    let applied = Changes(applied);
    applied.apply(&mut shell.fs);
    if !kept.is_empty() {
        let paths: Vec<&str> = kept.iter().map(|(p, _)| p.as_str()).collect();
        out.stderr(format!(
            "playground: changed in the editor while the command ran, so your version was kept \
             and the command's was not written: {}\n",
            paths.join(", ")
        ));
    }
    state.apply(shell);
    Ok((out, applied))
}

/// The shell's state after a line: working directory, variables and packages.
struct ShellState {
    cwd: Option<String>,
    env: Option<std::collections::BTreeMap<String, String>>,
    installed: Option<std::collections::BTreeSet<String>>,
}

impl ShellState {
    fn apply<F: FileSystem>(self, shell: &mut Shell<F>) {
        if let Some(cwd) = self.cwd.filter(|dir| shell.fs.is_dir(dir)) {
            shell.cwd = cwd;
        }
        if let Some(installed) = self.installed {
            shell.installed = installed;
            // A result always carries the variables when it carries the shell's state, so an
            // `unset` (or none left) is not mistaken for "unchanged".
            shell.env = self.env.unwrap_or_default();
        }
    }
}

fn read_result(result: &[u8]) -> Result<(Output, Changes, ShellState), WorkspaceError> {
    let rest = result
        .strip_prefix(RESULT_MAGIC)
        .ok_or_else(|| WorkspaceError::Malformed("not a command's result".into()))?;
    let mut out = Output::default();
    let mut changes = Vec::new();
    let mut state = ShellState {
        cwd: None,
        env: None,
        installed: None,
    };
    each_record(rest, |tag, mut rec| {
        match tag {
            R_EXIT => out.exit_code = rec.varint()? as u32 as i32,
            R_WRITE => {
                let stream = match rec.take(1)?[0] {
                    0 => Stream::Stdout,
                    _ => Stream::Stderr,
                };
                let text = text(rec.buf, "output")?;
                out.events.push(Event::Write { stream, text });
            }
            R_CLEAR => out.events.push(Event::Clear),
            R_OPEN => out.events.push(Event::Open(text(rec.buf, "a path")?)),
            R_SQL => {
                let sql = rec.string("a statement")?;
                let count = rec.varint()?;
                let mut params = Vec::new();
                for _ in 0..count {
                    params.push(rec.string("a parameter")?);
                }
                let error = match rec.take(1)?[0] {
                    0 => None,
                    _ => Some(text(rec.buf, "an error")?),
                };
                out.sql_log.push(LoggedStatement { sql, params, error });
            }
            R_CHANGE => {
                let kind = rec.take(1)?[0];
                let path = rec.string("a path")?;
                check_path(&path)?;
                let path_state = match kind {
                    0 => PathState::Absent,
                    1 => PathState::Dir,
                    _ => PathState::File(rec.buf.to_vec()),
                };
                changes.push((path, path_state));
            }
            R_CWD => state.cwd = Some(text(rec.buf, "the working directory")?),
            R_ENV => {
                let env = state
                    .env
                    .get_or_insert_with(std::collections::BTreeMap::new);
                let name = rec.string("a variable name")?;
                env.insert(name, text(rec.buf, "a value")?);
            }
            R_INSTALLED => state.installed = Some(read_installed(&mut rec)?),
            _ => {}
        }
        Ok(())
    })?;
    Ok((out, Changes(changes), state))
}

fn read_request(bytes: &[u8]) -> Result<(Shell<crate::fs::MemFs>, String), WorkspaceError> {
    let rest = bytes
        .strip_prefix(REQUEST_MAGIC)
        .ok_or_else(|| WorkspaceError::Malformed("not a command request".into()))?;
    let mut snap = Snapshot::empty();
    let mut line = String::new();
    let mut warn = true;
    each_record(rest, |tag, mut rec| {
        match tag {
            Q_LINE => line = text(rec.buf, "the line")?,
            Q_CWD => snap.cwd = text(rec.buf, "the working directory")?,
            Q_ENV => {
                let name = rec.string("a variable name")?;
                snap.env.insert(name, text(rec.buf, "a value")?);
            }
            Q_INSTALLED => snap.installed = read_installed(&mut rec)?,
            Q_FILE => {
                let path = rec.string("a path")?;
                snap.files.insert(path, rec.buf.to_vec());
            }
            Q_EMPTY_DIR => {
                snap.empty_dirs.insert(text(rec.buf, "a folder")?);
            }
            Q_NO_DOWNGRADE_WARNING => warn = false,
            _ => {}
        }
        Ok(())
    })?;
    let mut shell = snap.build_shell()?;
    shell.warn_downgrades = warn;
    Ok((shell, line))
}

fn encode_result(
    out: &Output,
    changes: &Changes,
    shell: Option<&Shell<crate::fs::MemFs>>,
) -> Vec<u8> {
    let mut buf = RESULT_MAGIC.to_vec();
    let mut rec = Vec::new();
    put_varint(&mut rec, u64::from(out.exit_code as u32));
    record(&mut buf, R_EXIT, &rec);
    for event in &out.events {
        match event {
            Event::Write { stream, text } => {
                let mut rec = vec![u8::from(*stream == Stream::Stderr)];
                rec.extend_from_slice(text.as_bytes());
                record(&mut buf, R_WRITE, &rec);
            }
            Event::Clear => record(&mut buf, R_CLEAR, b""),
            Event::Open(path) => record(&mut buf, R_OPEN, path.as_bytes()),
        }
    }
    for statement in &out.sql_log {
        let mut rec = Vec::new();
        put_str(&mut rec, &statement.sql);
        put_varint(&mut rec, statement.params.len() as u64);
        for param in &statement.params {
            put_str(&mut rec, param);
        }
        match &statement.error {
            None => rec.push(0),
            Some(error) => {
                rec.push(1);
                rec.extend_from_slice(error.as_bytes());
            }
        }
        record(&mut buf, R_SQL, &rec);
    }
    for (path, state) in &changes.0 {
        let (kind, bytes): (u8, &[u8]) = match state {
            PathState::Absent => (0, b""),
            PathState::Dir => (1, b""),
            PathState::File(bytes) => (2, bytes),
        };
        let mut rec = vec![kind];
        put_str(&mut rec, path);
        rec.extend_from_slice(bytes);
        record(&mut buf, R_CHANGE, &rec);
    }
    if let Some(shell) = shell {
        record(&mut buf, R_CWD, shell.cwd.as_bytes());
        put_env(&mut buf, R_ENV, &shell.env);
        put_installed(&mut buf, R_INSTALLED, &shell.installed);
    }
    buf
}

fn read_installed(
    rec: &mut Reader<'_>,
) -> Result<std::collections::BTreeSet<String>, WorkspaceError> {
    let mut installed = std::collections::BTreeSet::new();
    while !rec.buf.is_empty() {
        installed.insert(rec.string("a package name")?);
    }
    Ok(installed)
}
