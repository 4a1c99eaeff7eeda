//! Terminal lines: run in place, or sent to the worker (src/ui/worker.rs) while the terminal
//! shows the line's output so far; lines typed meanwhile wait their turn, as bash reads
//! type-ahead once the running command ends; Ctrl-C stops a running line.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::data::BeforeCommand;
use super::{build_tree, Playground, TermLine, PROJECT_ROOT};
use crate::shell::{Event, Output, Stream};
use crate::ui::worker::{self, Report};
use crate::views::schema;
use crate::workspace::job;

/// What Ctrl-C prints under a line stopped in the worker. Real Alembic would print Python's
/// `KeyboardInterrupt` traceback and may leave finished steps applied; the playground ran the
/// line on a copy, so it keeps nothing, and says so.
pub(super) const STOPPED: &str =
    "^C\nplayground: stopped. The command ran on a copy of your project, so \
nothing it did was kept. (In a real terminal, the steps it finished before Ctrl-C would stay.)\n";

/// A line running in the worker.
#[derive(Clone)]
pub struct Running {
    pub id: u32,
    pub prompt: String,
    pub line: String,
    /// Its output so far, as the worker passes it on.
    pub live: Vec<TermLine>,
    /// The job's request, which the app takes and posts to the worker (a copy of the whole
    /// workspace: not kept once posted).
    pub request: Rc<RefCell<Option<Vec<u8>>>>,
    /// When it started (the page's clock, ms), for the elapsed time the terminal shows.
    pub started_ms: f64,
    /// The workspace before it, for its undo entry; taken when the result comes back.
    before: Rc<RefCell<Option<BeforeCommand>>>,
    /// Files edited, created or renamed while it runs: it did not see them, so they stay
    /// marked as changed for the next line.
    edited: Rc<RefCell<std::collections::BTreeSet<String>>>,
}

// Two states show the same running line when it is the same job with the same output so far.
impl PartialEq for Running {
    fn eq(&self, other: &Running) -> bool {
        self.id == other.id && self.live == other.live
    }
}

impl Running {
    /// Files renamed while it runs keep their marks under the new names.
    pub(super) fn rename_edited(&self, moved: &dyn Fn(&String) -> String) {
        let mut edited = self.edited.borrow_mut();
        *edited = edited.iter().map(moved).collect();
    }
}

/// Job ids are unique in the page, so a result can never be taken for another job's.
static NEXT_JOB: AtomicU32 = AtomicU32::new(1);

impl Playground {
    /// A terminal line as typed: waits if a line is running, else runs in the worker when it
    /// may take a while and the worker is there, else in place.
    pub(super) fn run_line(&mut self, line: String) {
        if self.running.is_some() {
            self.queued.push(line);
            return;
        }
        let prompt = self.prompt();
        if !line.trim().is_empty() {
            self.history.push(line.clone());
        }
        let before = self.before_command();
        let request = {
            let shell = self.shell.borrow();
            let elsewhere =
                job::runs_elsewhere(&*shell, &line) || line.trim() == worker::CRASH_TEST;
            (worker::available() && elsewhere)
                .then(|| job::request(&*shell, &line).ok())
                .flatten()
        };
        if let Some(request) = request {
            self.running = Some(Rc::new(Running {
                id: NEXT_JOB.fetch_add(1, Ordering::Relaxed),
                prompt,
                line,
                live: Vec::new(),
                request: Rc::new(RefCell::new(Some(request))),
                started_ms: super::now_ms(),
                before: Rc::new(RefCell::new(Some(before))),
                edited: Rc::default(),
            }));
            return;
        }
        let out = self.shell.borrow_mut().run_line(&line);
        self.finish_line(prompt, line, out, before, None);
    }

    /// What the worker said about job `id` (reports for a job that is no longer running, such
    /// as one stopped with Ctrl-C, are ignored).
    pub(super) fn job_report(&mut self, id: u32, report: Report) {
        let Some(running) = self.running.clone().filter(|r| r.id == id) else {
            return;
        };
        if let Report::Live(stream, text) = report {
            let mut now = (*running).clone();
            push_output(&mut now.live, stream, text);
            self.running = Some(Rc::new(now));
            return;
        }
        let taken = running.before.borrow_mut().take();
        let mut before = taken.unwrap_or_else(|| self.before_command());
        // Files edited while it ran, which it did not see; when nothing it did was kept, every
        // mark stays.
        let mut unseen = running.edited.take();
        let (out, changed) = match report {
            Report::Live(..) => return,
            Report::Done(bytes) => {
                match job::apply_keeping_edits(&mut *self.shell.borrow_mut(), &bytes, &before.0) {
                    Ok((out, changes)) => (out, Some(changes)),
                    Err(e) => {
                        let why = format!("the command's result could not be read ({e})");
                        (playground_error(why), Some(Default::default()))
                    }
                }
            }
            // The browser could not start the worker: the line runs here after all, on the
            // workspace as it is now.
            Report::Failed { ran: false, .. } => {
                before = self.before_command();
                unseen.clear();
                (self.shell.borrow_mut().run_line(&running.line), None)
            }
            Report::Failed { ran: true, message } => {
                let why = format!(
                    "the command stopped the playground's engine ({message}). That is a bug in \
                     the playground, not in your code; nothing the command did was kept"
                );
                unseen.extend(self.changed.iter().cloned());
                (playground_error(why), Some(Default::default()))
            }
        };
        self.running = None;
        let (prompt, line) = (running.prompt.clone(), running.line.clone());
        self.finish_line(prompt, line, out, before, changed.as_ref());
        let still: Vec<String> = {
            use crate::fs::FileSystem;
            let shell = self.shell.borrow();
            unseen.into_iter().filter(|p| shell.fs.is_file(p)).collect()
        };
        self.changed.extend(still);
        while self.running.is_none() && !self.queued.is_empty() {
            let line = self.queued.remove(0);
            self.run_line(line);
        }
    }

    /// Marks a file as changed since the last line (the tree and the tab show it).
    pub(super) fn mark_changed(&mut self, path: String) {
        if let Some(running) = &self.running {
            running.edited.borrow_mut().insert(path.clone());
        }
        self.changed.insert(path);
    }

    /// Ctrl-C: stops the running line (the app's effect terminates the worker) and drops what
    /// was typed ahead, as a terminal flushes its input on an interrupt; with nothing running,
    /// abandons the line being typed.
    pub(super) fn interrupt(&mut self, typed: String) {
        if let Some(running) = self.running.take() {
            self.terminal.push(TermLine::Command {
                prompt: running.prompt.clone(),
                line: running.line.clone(),
            });
            self.terminal.extend(running.live.iter().cloned());
            self.terminal.push(TermLine::Stderr(STOPPED.to_string()));
            self.queued.clear();
            return;
        }
        self.terminal.push(TermLine::Command {
            prompt: self.prompt(),
            line: format!("{typed}^C"),
        });
        // An interactive sqlite3 session's half-typed statement is dropped too.
        if let Some(session) = self.shell.borrow_mut().sqlite.as_mut() {
            session.interrupt();
        }
    }

    /// Shows a line's output and brings every panel up to date with what it did (`changed`:
    /// what a line run in the worker changed; see `after_line`).
    fn finish_line(
        &mut self,
        prompt: String,
        line: String,
        mut out: Output,
        before: BeforeCommand,
        changed: Option<&crate::undo::Changes>,
    ) {
        self.terminal.push(TermLine::Command {
            prompt,
            line: line.clone(),
        });
        let sql_log = std::mem::take(&mut out.sql_log);
        let record = crate::tutorial::Record {
            line: line.clone(),
            exit_code: out.exit_code,
            output: out.text(Stream::Stdout) + &out.text(Stream::Stderr),
        };
        for event in out.events {
            match event {
                Event::Write { stream, text } => push_output(&mut self.terminal, stream, text),
                Event::Clear => self.terminal.clear(),
                Event::Open(path) => self.open(path),
            }
        }
        self.tree = build_tree(&self.shell.borrow().fs, PROJECT_ROOT);
        self.after_command();
        // The schema as it was before this command, unmarked, to mark against.
        let schema_before = schema::read_unmarked(&self.schema);
        self.refresh_schema_and_history(Some(&schema_before));
        // The pending check reads the models and the database again: it comes a moment
        // later, so a big project's panels are not all computed in one frame.
        self.pending_due += 1;
        self.after_line(&line, before, changed, sql_log);
        let shell = self.shell.borrow();
        Rc::make_mut(&mut self.exercise).record(record.clone(), &shell);
        Rc::make_mut(&mut self.guide).record(record, &shell);
    }
}

/// Adds output to a terminal's lines. Live output arrives in pieces; a piece that continues
/// the last line's stream joins it, as the final result's writes are joined.
fn push_output(lines: &mut Vec<TermLine>, stream: Stream, text: String) {
    match (lines.last_mut(), stream) {
        (Some(TermLine::Stdout(last)), Stream::Stdout)
        | (Some(TermLine::Stderr(last)), Stream::Stderr) => last.push_str(&text),
        (_, Stream::Stdout) => lines.push(TermLine::Stdout(text)),
        (_, Stream::Stderr) => lines.push(TermLine::Stderr(text)),
    }
}

/// The playground's own failure, worded as its notes are, with exit status 1.
fn playground_error(message: String) -> Output {
    let mut out = Output::default();
    out.stderr(format!("playground: {message}.\n"));
    out.exit_code = 1;
    out
}
