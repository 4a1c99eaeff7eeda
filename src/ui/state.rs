//! The playground's UI state and the actions that change it (Yew's reducer pattern).

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use crate::fs::{self, FileSystem, MemFs};
use crate::project;
use crate::shell::{Event, Shell, Stream, BROWSER_HOME};
use crate::views::history::HistoryView;
use crate::views::pending::PendingView;
use crate::views::schema::{self, SchemaView};

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
    /// Commands typed so far, oldest first, for ↑ and ↓.
    pub history: Vec<String>,
    /// The project tree, rebuilt after anything that may have changed files.
    pub tree: Vec<TreeNode>,
    /// The database as the last command left it, with what that command changed marked.
    pub schema: Rc<SchemaView>,
    pub history_graph: Rc<HistoryView>,
    /// What `alembic check` would report now, and how long finding out took (ms).
    pub pending: Rc<Option<(PendingView, f64)>>,
}

pub enum Action {
    RunLine(String),
    /// Recompute the pending changes (debounced by the app after edits).
    RefreshPending,
    OpenFile(String),
    EditFile {
        path: String,
        text: String,
    },
    ClearTerminal,
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
        let schema = schema::read(&shell.fs, PROJECT_ROOT);
        let mut playground = Playground {
            shell: Rc::new(RefCell::new(shell)),
            terminal: vec![TermLine::Stdout(
                "Welcome to the Alembic Playground. Type `help` to see what this terminal knows.\n"
                    .to_string(),
            )],
            open_file: Some(format!("{PROJECT_ROOT}/app/db/models.py")),
            history: Vec::new(),
            tree,
            schema: Rc::new(schema),
            history_graph: Rc::default(),
            pending: Rc::new(None),
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

    pub fn read_file(&self, path: &str) -> Option<String> {
        self.shell.borrow().fs.read_to_string(path).ok()
    }

    fn next(&self) -> Playground {
        Playground {
            shell: Rc::clone(&self.shell),
            terminal: self.terminal.clone(),
            open_file: self.open_file.clone(),
            history: self.history.clone(),
            tree: self.tree.clone(),
            schema: Rc::clone(&self.schema),
            history_graph: Rc::clone(&self.history_graph),
            pending: Rc::clone(&self.pending),
        }
    }

    /// Re-reads the schema (marking what changed since `before`) and the revision graph,
    /// then the pending changes.
    fn refresh_panels(&mut self, before: Option<&SchemaView>) {
        let now = {
            let shell = self.shell.borrow();
            schema::read(&shell.fs, PROJECT_ROOT)
        };
        let marked = match before {
            Some(b) => schema::mark_changes(b, &now),
            None => now,
        };
        let current: Vec<String> = marked.versions.clone().unwrap_or_default();
        {
            let mut shell = self.shell.borrow_mut();
            let vars = shell.env.clone();
            self.history_graph = Rc::new(crate::views::history::read(
                &mut shell.fs,
                PROJECT_ROOT,
                &vars,
                &current,
            ));
        }
        self.schema = Rc::new(marked);
        self.refresh_pending();
    }

    fn refresh_pending(&mut self) {
        let started = now_ms();
        let view = {
            let shell = self.shell.borrow();
            crate::views::pending::read(&shell.fs, PROJECT_ROOT, &shell.env)
        };
        self.pending = Rc::new(Some((view, now_ms() - started)));
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.next();
        match action {
            Action::RunLine(line) => {
                next.terminal.push(TermLine::Command {
                    prompt: self.prompt(),
                    line: line.clone(),
                });
                if !line.trim().is_empty() {
                    next.history.push(line.clone());
                }
                let out = next.shell.borrow_mut().run_line(&line);
                for event in out.events {
                    match event {
                        Event::Write {
                            stream: Stream::Stdout,
                            text,
                        } => next.terminal.push(TermLine::Stdout(text)),
                        Event::Write {
                            stream: Stream::Stderr,
                            text,
                        } => next.terminal.push(TermLine::Stderr(text)),
                        Event::Clear => next.terminal.clear(),
                    }
                }
                next.tree = build_tree(&next.shell.borrow().fs, PROJECT_ROOT);
                // The schema as it was before this command, unmarked, to mark against.
                let before = schema::read_unmarked(&self.schema);
                next.refresh_panels(Some(&before));
            }
            Action::RefreshPending => {
                // An edit may have touched a revision file as well as a model.
                let current = self.schema.versions.clone().unwrap_or_default();
                {
                    let mut shell = next.shell.borrow_mut();
                    let vars = shell.env.clone();
                    next.history_graph = Rc::new(crate::views::history::read(
                        &mut shell.fs,
                        PROJECT_ROOT,
                        &vars,
                        &current,
                    ));
                }
                next.refresh_pending();
            }
            Action::OpenFile(path) => next.open_file = Some(path),
            Action::EditFile { path, text } => {
                // The editor only offers files that exist, so a failed write means the file was
                // removed meanwhile; the tree rebuild below shows that.
                let _ = next.shell.borrow_mut().fs.write(&path, text.as_bytes());
                next.tree = build_tree(&next.shell.borrow().fs, PROJECT_ROOT);
            }
            Action::ClearTerminal => next.terminal.clear(),
        }
        Rc::new(next)
    }
}

impl PartialEq for Playground {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shell, &other.shell)
            && self.terminal == other.terminal
            && self.open_file == other.open_file
            && self.tree == other.tree
            && self.history == other.history
            && Rc::ptr_eq(&self.schema, &other.schema)
            && Rc::ptr_eq(&self.history_graph, &other.history_graph)
            && Rc::ptr_eq(&self.pending, &other.pending)
    }
}

/// Milliseconds from the page's high-resolution clock, for the pending check's timing.
fn now_ms() -> f64 {
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
