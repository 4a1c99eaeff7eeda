//! The playground's UI state and the actions that change it (Yew's reducer pattern).

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use crate::fs::{self, FileSystem, MemFs};
use crate::project;
use crate::shell::{Event, Shell, Stream, BROWSER_HOME};

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
}

pub enum Action {
    RunLine(String),
    OpenFile(String),
    EditFile { path: String, text: String },
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
        Playground {
            shell: Rc::new(RefCell::new(shell)),
            terminal: vec![TermLine::Stdout(
                "Welcome to the Alembic Playground. Type `help` to see what this terminal knows.\n"
                    .to_string(),
            )],
            open_file: Some(format!("{PROJECT_ROOT}/app/db/models.py")),
            history: Vec::new(),
            tree,
        }
    }
}

impl Playground {
    /// What the terminal shows before the cursor, as bash would with this venv active.
    pub fn prompt(&self) -> String {
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
        }
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
    }
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
