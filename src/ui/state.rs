//! The playground's UI state and the actions that change it (Yew's reducer pattern).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::fs::{self, FileSystem, MemFs};
use crate::project;
use crate::shell::{Shell, BROWSER_HOME};
use crate::views::history::HistoryView;
use crate::views::pending::PendingView;
use crate::views::schema::{self, SchemaView};

// The file tree's and editor tabs' actions (create, rename, delete, close), kept apart.
mod files;
// The data tab (SQL console, rows, SQL log) and the undo of the last command.
mod data;
// Terminal lines: in place or in the worker, type-ahead, Ctrl-C.
mod running;
pub use data::{DataState, SqlLog};
pub use running::Running;

/// The browser's project folder, and the terminal's starting directory.
pub const PROJECT_ROOT: &str = "/home/learner/fastapi_template";

/// One line of the terminal's scrollback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermLine {
    /// A command as typed, with the prompt it was typed at.
    Command {
        prompt: String,
        line: String,
    },
    Stdout(String),
    Stderr(String),
}

/// A file or folder in the project tree, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeNode {
    pub name: String,
    /// Absolute path in the workspace.
    pub path: String,
    /// `Some` for a folder.
    pub children: Option<Vec<TreeNode>>,
}

pub struct Playground {
    /// The engine. Shared, not cloned, between reducer states: a reduce mutates it in place.
    shell: Rc<RefCell<Shell<MemFs>>>,
    pub terminal: Vec<TermLine>,
    pub open_file: Option<String>,
    /// The editor's tabs, in the order the files were opened.
    pub tabs: Vec<String>,
    /// Files edited, created or renamed in the tree since the last command: what the next
    /// command will see that the last one did not. Every edit is already written through.
    pub changed: BTreeSet<String>,
    /// Commands typed so far, oldest first, for ↑ and ↓.
    pub history: Vec<String>,
    /// The project tree, rebuilt after anything that may have changed files.
    pub tree: Vec<TreeNode>,
    /// The database as the last command left it, with what that command changed marked.
    pub schema: Rc<SchemaView>,
    pub history_graph: Rc<HistoryView>,
    /// The graph as last read from the files, reused while they stay the same.
    history_cache: Rc<RefCell<crate::views::history::Cache>>,
    /// What `alembic check` would report now, and how long finding out took (ms).
    pub pending: Rc<Option<(PendingView, f64)>>,
    /// Counts the times the pending changes became due after a command: the app recomputes
    /// them a moment later, so that the command's own output and panels show first.
    pub pending_due: u64,
    /// The guided tutorial.
    pub guide: Rc<super::guide::Guide>,
    /// A workshop exercise, when the project has an `EXERCISE.md` (src/ui/exercise.rs).
    pub exercise: Rc<super::exercise::ExerciseState>,
    /// A line for the terminal's input ("show me"), with a counter so the same line can be
    /// typed twice.
    pub typed: (u64, String),
    /// The data tab and the undo stack (src/ui/state/data.rs).
    pub data: Rc<DataState>,
    /// The line running in the worker, if any (src/ui/state/running.rs).
    pub running: Option<Rc<Running>>,
    /// Lines typed while one runs, to run after it in order.
    pub queued: Vec<String>,
    /// A number new with every state that may differ in what a save keeps (not with a running
    /// line's output so far): the autosave saves when it changes.
    pub content_rev: u64,
}

/// Content numbers are unique in the page, across workspaces replaced by others.
static CONTENT_REV: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_content_rev() -> u64 {
    CONTENT_REV.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

pub enum Action {
    /// Replace the whole state: a saved workspace restored, a link opened, a switch or reset
    /// (src/ui/storage/ builds it with [`Playground::from_snapshot`]).
    Replace(Box<Playground>),
    RunLine(String),
    /// What the worker said about a running line.
    JobReport {
        id: u32,
        report: super::worker::Report,
    },
    /// Recompute the pending changes (debounced by the app after edits).
    RefreshPending,
    GuideLang(crate::tutorial::Lang),
    GuideGo(usize),
    /// A reading step: the learner has read it.
    GuideRead,
    GuideShowMe,
    GuideReset,
    /// Open the exercise's next hint.
    ExerciseHint,
    /// Put a line in the terminal's input.
    TypeLine(String),
    /// Tab found several completions: list them under the line, as bash does.
    ShowCompletions {
        line: String,
        candidates: Vec<String>,
    },
    /// Ctrl-C: the line is abandoned and shown with `^C`, as bash shows it.
    Interrupt(String),
    OpenFile(String),
    EditFile {
        path: String,
        text: String,
    },
    ClearTerminal,
    CloseTab(String),
    /// Create an empty file (`folder: false`) or a folder at this path.
    Create {
        path: String,
        folder: bool,
    },
    Rename {
        from: String,
        to: String,
    },
    Delete(String),
    /// The SQL console: run SQL against the project's database.
    RunSql(String),
    /// Show a page of a table's rows in the data view.
    Browse {
        table: String,
        page: usize,
    },
    /// Put back what the last command changed.
    Undo,
}

impl Default for Playground {
    fn default() -> Self {
        let mut fs = MemFs::new();
        // Writing a compiled-in project into an empty MemFs cannot fail.
        let _ = project::write_project(&mut fs, PROJECT_ROOT, project::FASTAPI_TEMPLATE);
        let mut shell = Shell::new(fs, PROJECT_ROOT, BROWSER_HOME);
        shell.clock = Box::new(super::clock::BrowserClock);
        // The chapter starts before `pip install alembic`.
        shell.without_alembic();
        let tree = build_tree(&shell.fs, PROJECT_ROOT);
        let guide = super::guide::Guide::load(&shell, None);
        let schema = schema::read(&shell.fs, PROJECT_ROOT);
        let mut playground = Playground {
            shell: Rc::new(RefCell::new(shell)),
            terminal: vec![TermLine::Stdout(
                "Welcome to the Alembic Playground. Type `help` to see what this terminal knows.\n"
                    .to_string(),
            )],
            open_file: Some(format!("{PROJECT_ROOT}/app/db/models.py")),
            tabs: vec![format!("{PROJECT_ROOT}/app/db/models.py")],
            changed: BTreeSet::new(),
            history: Vec::new(),
            tree,
            schema: Rc::new(schema),
            history_graph: Rc::default(),
            history_cache: Rc::default(),
            pending: Rc::new(None),
            pending_due: 0,
            guide: Rc::new(guide),
            exercise: Rc::default(),
            typed: (0, String::new()),
            data: Rc::default(),
            running: None,
            queued: Vec::new(),
            content_rev: next_content_rev(),
        };
        playground.refresh_panels(None);
        playground
    }
}

impl Playground {
    /// What the terminal shows before the cursor, as bash would with this venv active.
    pub fn prompt(&self) -> String {
        if let Some(p) = self.shell.borrow().program_prompt() {
            return p.to_string();
        }
        let cwd = self.shell.borrow().cwd.clone();
        let shown = match cwd.strip_prefix(BROWSER_HOME) {
            Some(rest) => format!("~{rest}"),
            None => cwd,
        };
        format!("(venv) learner@playground:{shown}$")
    }

    /// Tab completion for a terminal line.
    pub fn complete(&self, line: &str) -> crate::shell::Completion {
        self.shell.borrow().complete(line)
    }

    pub fn read_file(&self, path: &str) -> Option<String> {
        self.shell.borrow().fs.read_to_string(path).ok()
    }

    /// The exercise's goals against the workspace as it is now.
    fn check_exercise(&mut self) {
        let shell = self.shell.borrow();
        Rc::make_mut(&mut self.exercise).check(&shell);
    }

    fn next(&self) -> Playground {
        Playground {
            shell: Rc::clone(&self.shell),
            terminal: self.terminal.clone(),
            open_file: self.open_file.clone(),
            tabs: self.tabs.clone(),
            changed: self.changed.clone(),
            history: self.history.clone(),
            tree: self.tree.clone(),
            schema: Rc::clone(&self.schema),
            history_graph: Rc::clone(&self.history_graph),
            history_cache: Rc::clone(&self.history_cache),
            pending: Rc::clone(&self.pending),
            pending_due: self.pending_due,
            guide: Rc::clone(&self.guide),
            exercise: Rc::clone(&self.exercise),
            typed: self.typed.clone(),
            data: Rc::clone(&self.data),
            running: self.running.clone(),
            queued: self.queued.clone(),
            content_rev: self.content_rev,
        }
    }

    /// Whether a line is running in the worker: what would change the files under it (undo,
    /// the SQL console, resetting a step) waits.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Re-reads the schema (marking what changed since `before`) and the revision graph,
    /// then the pending changes.
    fn refresh_panels(&mut self, before: Option<&SchemaView>) {
        self.refresh_schema_and_history(before);
        self.refresh_pending();
    }

    /// Re-reads the schema, marking what changed since `before`, and the revision graph.
    fn refresh_schema_and_history(&mut self, before: Option<&SchemaView>) {
        let now = {
            let shell = self.shell.borrow();
            schema::read(&shell.fs, PROJECT_ROOT)
        };
        let marked = match before {
            Some(b) => schema::mark_changes(b, &now),
            None => now,
        };
        let current: Vec<String> = marked.versions.clone().unwrap_or_default();
        self.reread_history(&current);
        self.schema = Rc::new(marked);
    }

    /// The revision graph, through the cache (an upgrade changes only the database).
    fn reread_history(&mut self, current: &[String]) {
        let mut shell = self.shell.borrow_mut();
        let vars = shell.env.clone();
        self.history_graph = Rc::new(crate::views::history::read_cached(
            &mut self.history_cache.borrow_mut(),
            &mut shell.fs,
            PROJECT_ROOT,
            &vars,
            current,
        ));
    }

    fn refresh_pending(&mut self) {
        let started = now_ms();
        let view = {
            let shell = self.shell.borrow();
            crate::views::pending::read(&shell.fs, PROJECT_ROOT, &shell.env)
        };
        self.pending = Rc::new(Some((view, now_ms() - started)));
        // Edits reach the guide's check here, after typing pauses.
        let shell = self.shell.borrow();
        Rc::make_mut(&mut self.guide).check(&shell);
    }

    /// The current step's "show me": edits apply at once to just the text they concern; a
    /// line to run goes into the terminal's input for the learner to press Enter.
    fn show_me(&mut self) {
        let steps = crate::tutorial::steps();
        let Some(step) = steps.get(self.guide.current) else {
            return;
        };
        let mut typed = None;
        for action in &step.show_me {
            match action {
                crate::tutorial::Action::Type(line) => {
                    typed.get_or_insert(line.to_string());
                }
                crate::tutorial::Action::Edit { path, edit } => {
                    let full = fs::join(PROJECT_ROOT, path);
                    let mut shell = self.shell.borrow_mut();
                    if let Ok(text) = shell.fs.read_to_string(&full) {
                        let _ = shell.fs.write(&full, edit(&text).as_bytes());
                    }
                    drop(shell);
                    self.open_file = Some(full);
                }
            }
        }
        if let Some(line) = typed {
            self.typed = (self.typed.0 + 1, line);
        }
        self.tree = build_tree(&self.shell.borrow().fs, PROJECT_ROOT);
        self.refresh_pending();
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Replace(whole) = action {
            return Rc::new(*whole);
        }
        let mut next = self.next();
        // A running line's output so far changes nothing a save keeps.
        let display_only = matches!(
            &action,
            Action::JobReport {
                report: super::worker::Report::Live(..),
                ..
            }
        );
        match action {
            Action::Replace(_) => {}
            // A deliberate panic, so that the end-to-end test can prove a crash loses nothing
            // (tests/e2e/crash.test.mjs); the engine itself never panics on input.
            Action::RunLine(line) if line.trim() == "alembic-playground crash-test" => {
                panic!("crash test requested from the terminal")
            }
            Action::RunLine(line) => next.run_line(line),
            Action::JobReport { id, report } => next.job_report(id, report),
            Action::RefreshPending => {
                // An edit may have touched a revision file as well as a model.
                let current = self.schema.versions.clone().unwrap_or_default();
                next.reread_history(&current);
                next.refresh_pending();
                let shell = next.shell.borrow();
                Rc::make_mut(&mut next.exercise).check(&shell);
            }
            Action::ExerciseHint => Rc::make_mut(&mut next.exercise).show_hint(),
            Action::OpenFile(path) => next.open(path),
            Action::EditFile { path, text } => {
                // The editor only offers files that exist, so a failed write means the file was
                // removed meanwhile; the tree rebuild below shows that.
                let _ = next.shell.borrow_mut().fs.write(&path, text.as_bytes());
                next.mark_changed(path);
                next.tree = build_tree(&next.shell.borrow().fs, PROJECT_ROOT);
            }
            Action::ClearTerminal => next.terminal.clear(),
            Action::GuideLang(lang) => Rc::make_mut(&mut next.guide).set_lang(lang),
            Action::GuideGo(step) => {
                let shell = next.shell.borrow();
                Rc::make_mut(&mut next.guide).go(step, &shell);
            }
            Action::GuideRead => Rc::make_mut(&mut next.guide).mark_read(),
            Action::GuideShowMe => next.show_me(),
            Action::TypeLine(line) => next.typed = (next.typed.0 + 1, line),
            Action::ShowCompletions { line, candidates } => {
                next.terminal.push(TermLine::Command {
                    prompt: self.prompt(),
                    line: line.clone(),
                });
                next.terminal
                    .push(TermLine::Stdout(format!("{}\n", candidates.join("  "))));
                next.typed = (next.typed.0 + 1, line);
            }
            Action::Interrupt(line) => next.interrupt(line),
            // These change files a running line is working on a copy of; their controls are
            // disabled meanwhile, and a stray one is dropped rather than lost under the result.
            Action::GuideReset | Action::RunSql(_) | Action::Undo if self.busy() => {}
            Action::GuideReset => {
                {
                    let mut shell = next.shell.borrow_mut();
                    Rc::make_mut(&mut next.guide).reset(&mut shell);
                }
                next.tree = build_tree(&next.shell.borrow().fs, PROJECT_ROOT);
                next.refresh_panels(None);
                next.check_exercise();
            }
            Action::CloseTab(path) => next.close_tab(&path),
            Action::Create { path, folder } => {
                next.create(path, folder);
                next.check_exercise();
            }
            Action::Rename { from, to } => {
                next.rename(&from, &to);
                next.check_exercise();
            }
            Action::Delete(path) => {
                next.delete(&path);
                next.check_exercise();
            }
            Action::RunSql(sql) => {
                next.run_sql(sql);
                next.check_exercise();
            }
            Action::Browse { table, page } => next.browse(table, page),
            Action::Undo => {
                next.undo();
                next.check_exercise();
            }
        }
        if !display_only {
            next.content_rev = next_content_rev();
        }
        Rc::new(next)
    }
}

impl PartialEq for Playground {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shell, &other.shell)
            && self.terminal == other.terminal
            && self.open_file == other.open_file
            && self.tabs == other.tabs
            && self.changed == other.changed
            && self.tree == other.tree
            && self.history == other.history
            && Rc::ptr_eq(&self.schema, &other.schema)
            && Rc::ptr_eq(&self.history_graph, &other.history_graph)
            && Rc::ptr_eq(&self.pending, &other.pending)
            && self.pending_due == other.pending_due
            && self.guide == other.guide
            && self.exercise == other.exercise
            && self.typed == other.typed
            && Rc::ptr_eq(&self.data, &other.data)
            && match (&self.running, &other.running) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.queued == other.queued
            && self.content_rev == other.content_rev
    }
}

/// Workspaces (src/workspace): the state as a snapshot to save, share or export, and back.
impl Playground {
    /// The workspace as a snapshot. An error (a path the engine's own file system cannot
    /// list) is reported, never replaced by a stand-in that a save would store over the work.
    pub fn snapshot(&self) -> Result<crate::workspace::Snapshot, crate::workspace::WorkspaceError> {
        use crate::workspace::{Snapshot, TermEntry};
        let shell = self.shell.borrow();
        let mut snap = Snapshot::capture_shell(&*shell)?;
        snap.history = self.history.clone();
        snap.open_file = self.open_file.clone();
        snap.extra
            .insert(super::guide::SNAPSHOT_KEY.into(), self.guide.progress());
        if self.exercise.exercise.is_some() {
            use super::exercise::{HINTS_KEY, RAN_KEY};
            snap.extra.insert(RAN_KEY.into(), self.exercise.saved_ran());
            snap.extra
                .insert(HINTS_KEY.into(), self.exercise.hints_shown.to_string());
        }
        // A line still running is saved as stopped: a save is what a reload or a switch to
        // another workspace comes back to, and either stops the worker.
        let running = self.running.iter().flat_map(|r| {
            let command = TermLine::Command {
                prompt: r.prompt.clone(),
                line: r.line.clone(),
            };
            let stopped = TermLine::Stderr(running::STOPPED.to_string());
            std::iter::once(command)
                .chain(r.live.iter().cloned())
                .chain(std::iter::once(stopped))
        });
        snap.terminal = self
            .terminal
            .iter()
            .cloned()
            .chain(running)
            .map(|line| match line {
                TermLine::Command { prompt, line } => TermEntry::Command { prompt, line },
                TermLine::Stdout(text) => TermEntry::Stdout(text),
                TermLine::Stderr(text) => TermEntry::Stderr(text),
            })
            .collect();
        Ok(snap)
    }

    pub fn from_snapshot(
        snap: &crate::workspace::Snapshot,
    ) -> Result<Playground, crate::workspace::WorkspaceError> {
        use crate::workspace::TermEntry;
        let mut shell = snap.build_shell()?;
        shell.clock = Box::new(super::clock::BrowserClock);
        let mut playground = Playground::default();
        *playground.shell.borrow_mut() = shell;
        let progress = snap.extra.get(super::guide::SNAPSHOT_KEY).cloned();
        playground.guide = Rc::new(super::guide::Guide::load(
            &playground.shell.borrow(),
            progress.as_deref(),
        ));
        playground.terminal = snap
            .terminal
            .iter()
            .map(|entry| match entry {
                TermEntry::Command { prompt, line } => TermLine::Command {
                    prompt: prompt.clone(),
                    line: line.clone(),
                },
                TermEntry::Stdout(text) => TermLine::Stdout(text.clone()),
                TermEntry::Stderr(text) => TermLine::Stderr(text.clone()),
            })
            .collect();
        playground.history = snap.history.clone();
        {
            use super::exercise::{ExerciseState, HINTS_KEY, RAN_KEY};
            let extra = |k: &str| snap.extra.get(k).map(String::as_str);
            playground.exercise = Rc::new(ExerciseState::load(
                &playground.shell.borrow(),
                extra(RAN_KEY),
                extra(HINTS_KEY),
            ));
        }
        let open = snap
            .open_file
            .clone()
            .filter(|path| playground.shell.borrow().fs.is_file(path));
        playground.tabs = open.iter().cloned().collect();
        playground.open_file = open;
        playground.tree = build_tree(&playground.shell.borrow().fs, PROJECT_ROOT);
        playground.refresh_panels(None);
        Ok(playground)
    }
}

/// Milliseconds from the page's high-resolution clock, for the pending check's timing.
pub(crate) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The tree under `root`: folders first, then files, each sorted by name, as editors list them.
pub fn build_tree(fs: &dyn FileSystem, root: &str) -> Vec<TreeNode> {
    let mut entries = fs.read_dir(root).unwrap_or_default();
    entries.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then_with(|| a.name.cmp(&b.name)));
    entries
        .into_iter()
        .filter(|entry| entry.name != "__pycache__")
        .map(|entry| {
            let path = fs::join(root, &entry.name);
            let children = entry.is_dir.then(|| build_tree(fs, &path));
            TreeNode {
                name: entry.name,
                path,
                children,
            }
        })
        .collect()
}
