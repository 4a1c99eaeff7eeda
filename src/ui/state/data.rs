//! The data tab's state (SQL console, table rows, SQL log) and the undo of the last command:
//! the reducer's side of them, over the engine's `views::data`, `db::record` and `undo`.

use std::rc::Rc;

use super::{build_tree, Playground, PROJECT_ROOT};
use crate::db::LoggedStatement;
use crate::fs::MemFs;
use crate::shell::BROWSER_HOME;
use crate::undo::{self, Undo};
use crate::views::data::{self, ConsoleResult, TablePage};
use crate::views::schema;

/// How many commands can be undone, newest last (each keeps only what its command changed).
const UNDO_DEPTH: usize = 20;

/// The statements the last command (or console run) ran against the database.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SqlLog {
    /// What ran them: the terminal line, or `SQL console: ...`.
    pub source: String,
    pub statements: Vec<LoggedStatement>,
}

#[derive(Clone, Debug, Default)]
pub struct DataState {
    pub log: SqlLog,
    pub console: Option<ConsoleResult>,
    /// The table being browsed, and its page.
    pub browse: Option<TablePage>,
    /// Undo entries, oldest first; each with a number so that states compare cheaply.
    pub undo: Vec<(u64, Rc<Undo>)>,
    next_undo: u64,
    /// What the last undo did, for the learner ("Undid `alembic upgrade head`").
    pub undone: Option<String>,
}

impl PartialEq for DataState {
    fn eq(&self, other: &Self) -> bool {
        let ids = |s: &DataState| s.undo.iter().map(|(id, _)| *id).collect::<Vec<_>>();
        self.log == other.log
            && self.console == other.console
            && self.browse == other.browse
            && ids(self) == ids(other)
            && self.undone == other.undone
    }
}

impl DataState {
    /// The command the Undo button would undo, and the files it would put back.
    pub fn last_undo(&self) -> Option<&Undo> {
        self.undo.last().map(|(_, u)| u.as_ref())
    }

    fn push_undo(&mut self, undo: Undo) {
        self.next_undo += 1;
        self.undo.push((self.next_undo, Rc::new(undo)));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undone = None;
    }
}

/// The workspace before a command, taken by [`Playground::before_command`].
pub(super) struct BeforeCommand(pub(super) undo::Picture);

impl Playground {
    pub(super) fn before_command(&self) -> BeforeCommand {
        BeforeCommand(undo::capture(&self.shell.borrow().fs, BROWSER_HOME))
    }

    /// After a terminal line: its SQL log, an undo entry if it changed anything, and the
    /// browsed table re-read (the command may have changed its rows). `changed`: what a line
    /// run in the worker changed (edits made meanwhile are not the line's to undo).
    pub(super) fn after_line(
        &mut self,
        line: &str,
        before: BeforeCommand,
        changed: Option<&undo::Changes>,
        log: Vec<LoggedStatement>,
    ) {
        let undo = match changed {
            Some(changes) => Undo::reverting(line, &before.0, changes),
            None => Undo::after(line, before.0, &self.shell.borrow().fs, BROWSER_HOME),
        };
        let data = Rc::make_mut(&mut self.data);
        // A line that ran no SQL (ls, cat, an edit-only command) keeps the log of the last
        // one that did, which is what the learner is most likely looking at.
        if !log.is_empty() {
            data.log = SqlLog {
                source: line.to_string(),
                statements: log,
            };
        }
        if let Some(undo) = undo {
            data.push_undo(undo);
        }
        self.reread_browse();
    }

    /// The SQL console: runs `sql` as `sqlite3 app.db` would, undoable like a command.
    pub(super) fn run_sql(&mut self, sql: String) {
        let before = self.before_command();
        let schema_before = schema::read_unmarked(&self.schema);
        let result = {
            let mut shell = self.shell.borrow_mut();
            data::run_sql::<MemFs>(&mut shell.fs, PROJECT_ROOT, &sql)
        };
        let label = format!("SQL console: {}", one_line(&sql));
        let log = result.log.clone();
        Rc::make_mut(&mut self.data).console = Some(result);
        self.after_line(&label, before, None, log);
        self.tree = build_tree(&self.shell.borrow().fs, PROJECT_ROOT);
        self.refresh_panels(Some(&schema_before));
    }

    /// Shows page `page` of `table` in the data view.
    pub(super) fn browse(&mut self, table: String, page: usize) {
        let view = data::browse(&self.shell.borrow().fs, PROJECT_ROOT, &table, page);
        Rc::make_mut(&mut self.data).browse = Some(view);
    }

    fn reread_browse(&mut self) {
        if let Some((table, page)) = self.data.browse.as_ref().map(|b| (b.table.clone(), b.page)) {
            self.browse(table, page);
        }
    }

    /// Puts back what the last command changed, and marks on the schema what that undid.
    pub(super) fn undo(&mut self) {
        let Some((_, entry)) = Rc::make_mut(&mut self.data).undo.pop() else {
            return;
        };
        let schema_before = schema::read_unmarked(&self.schema);
        entry.restore(&mut self.shell.borrow_mut().fs);
        Rc::make_mut(&mut self.data).undone = Some(entry.label.clone());
        self.tree = build_tree(&self.shell.borrow().fs, PROJECT_ROOT);
        // Like a command: the tabs of files it removed close, the edit marks start over.
        self.after_command();
        self.reread_browse();
        self.refresh_panels(Some(&schema_before));
    }
}

/// The first line of some SQL, shortened for a label.
fn one_line(sql: &str) -> String {
    let line = sql.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(59).collect::<String>())
    } else {
        line
    }
}
