//! Undo for a terminal line: what one command changed in the workspace (files, folders and
//! the SQLite database files, which are files too), kept as those paths' state before it, so
//! that one click puts exactly them back and leaves everything else (later edits) alone.

use std::collections::BTreeMap;

use crate::fs::{self, FileSystem};

/// What a path is at one moment: absent, a folder, or a file with these bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathState {
    Absent,
    Dir,
    File(Vec<u8>),
}

/// Paths, each with the state to give it: what [`Changes::apply`] puts in place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes(pub Vec<(String, PathState)>);

/// The paths one command changed, each with its state before the command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undo {
    /// What was run (`alembic upgrade head`), for the button's label.
    pub label: String,
    changes: Changes,
}

/// Every path under `root` (not `root` itself): `None` for a folder, a file's bytes otherwise.
fn entries(fs: &dyn FileSystem, root: &str) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    // A worklist, not recursion: the tree's depth is the learner's to choose.
    let mut todo = vec![root.to_string()];
    while let Some(dir) = todo.pop() {
        for e in fs.read_dir(&dir).unwrap_or_default() {
            let path = fs::join(&dir, &e.name);
            if e.is_dir {
                out.insert(path.clone(), None);
                todo.push(path);
            } else if let Ok(bytes) = fs.read(&path) {
                out.insert(path, Some(bytes));
            }
        }
    }
    out
}

/// A picture of the workspace under `root` before a command, to compare with after it.
pub struct Picture(BTreeMap<String, Option<Vec<u8>>>);

fn entry_state(entry: Option<&Option<Vec<u8>>>) -> PathState {
    match entry {
        None => PathState::Absent,
        Some(None) => PathState::Dir,
        Some(Some(bytes)) => PathState::File(bytes.clone()),
    }
}

/// Takes the picture before a command runs.
pub fn capture(fs: &dyn FileSystem, root: &str) -> Picture {
    Picture(entries(fs, root))
}

/// What `path` is in `fs` now.
pub fn state_now(fs: &dyn FileSystem, path: &str) -> PathState {
    if fs.is_dir(path) {
        PathState::Dir
    } else {
        fs.read(path).map_or(PathState::Absent, PathState::File)
    }
}

impl Picture {
    /// What `path` was when the picture was taken.
    pub fn state_of(&self, path: &str) -> PathState {
        entry_state(self.0.get(path))
    }

    /// The paths whose state differs between this picture and `fs` now, each with its state
    /// in the picture (`before`) or now (`!before`), in path order.
    fn compare(&self, fs: &dyn FileSystem, root: &str, before: bool) -> Changes {
        let then = &self.0;
        let now = entries(fs, root);
        let state = entry_state;
        let mut changes = Vec::new();
        for (path, was) in then {
            let is = now.get(path);
            if is != Some(was) {
                changes.push((path.clone(), state(if before { Some(was) } else { is })));
            }
        }
        for (path, is) in &now {
            if !then.contains_key(path) {
                changes.push((path.clone(), state(if before { None } else { Some(is) })));
            }
        }
        changes.sort_by(|a, b| a.0.cmp(&b.0));
        Changes(changes)
    }

    /// What changed under `root` since the picture, as the states to give those paths to
    /// repeat the change elsewhere (a command run on a copy, brought back to the page).
    pub fn changes_since(&self, fs: &dyn FileSystem, root: &str) -> Changes {
        self.compare(fs, root, false)
    }
}

impl Undo {
    /// What the command `label` changed under `root` since `before`; `None` when it changed
    /// nothing (there is nothing to undo, so the previous undo stays offered).
    pub fn after(label: &str, before: Picture, fs: &dyn FileSystem, root: &str) -> Option<Undo> {
        let changes = before.compare(fs, root, true);
        if changes.0.is_empty() {
            return None;
        }
        Some(Undo {
            label: label.to_string(),
            changes,
        })
    }

    /// The undo of a change made elsewhere and applied here (a terminal line run in the
    /// worker): exactly the paths it changed, each with its state in `before`. Edits made here
    /// meanwhile are not part of it, so undoing the line keeps them.
    pub fn reverting(label: &str, before: &Picture, changes: &Changes) -> Option<Undo> {
        if changes.0.is_empty() {
            return None;
        }
        let was = changes
            .0
            .iter()
            .map(|(path, _)| (path.clone(), before.state_of(path)))
            .collect();
        Some(Undo {
            label: label.to_string(),
            changes: Changes(was),
        })
    }

    /// The changed paths, for the button's description.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.changes.0.iter().map(|(p, _)| p.as_str())
    }

    /// Puts every changed path back as it was before the command.
    pub fn restore(&self, fs: &mut dyn FileSystem) {
        self.changes.apply(fs);
    }
}

impl Changes {
    /// Gives every path its state; paths not named are left alone.
    pub fn apply(&self, fs: &mut dyn FileSystem) {
        // What must be absent goes first (a folder takes its contents with it), then folders
        // and files are put in path order, so parents exist before children.
        for (path, state) in &self.0 {
            if *state == PathState::Absent && (fs.is_file(path) || fs.is_dir(path)) {
                let _ = fs.remove(path);
            }
        }
        for (path, state) in &self.0 {
            match state {
                PathState::Absent => {}
                PathState::Dir => {
                    if fs.is_file(path) {
                        let _ = fs.remove(path);
                    }
                    let _ = fs.create_dir_all(path);
                }
                PathState::File(bytes) => {
                    if fs.is_dir(path) {
                        let _ = fs.remove(path);
                    }
                    let _ = fs.create_dir_all(fs::parent(path));
                    let _ = fs.write(path, bytes);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MemFs;
    use crate::shell::{Shell, BROWSER_HOME};

    const P: &str = "/home/learner/p";

    #[test]
    fn undoes_what_the_command_changed_and_nothing_else() {
        let mut fs = MemFs::new();
        fs.create_dir_all(P).unwrap();
        fs.write(&format!("{P}/keep.txt"), b"kept").unwrap();
        let mut sh = Shell::new(fs, P, BROWSER_HOME);
        let before = capture(&sh.fs, BROWSER_HOME);
        assert_eq!(sh.run_line("alembic init alembic").exit_code, 0);
        let undo = Undo::after("alembic init alembic", before, &sh.fs, BROWSER_HOME).unwrap();
        assert!(undo.paths().any(|p| p == format!("{P}/alembic.ini")));
        // An edit after the command, to a file the command did not touch, survives the undo.
        sh.fs.write(&format!("{P}/keep.txt"), b"edited").unwrap();
        let before = capture(&sh.fs, BROWSER_HOME);
        undo.restore(&mut sh.fs);
        assert!(!sh.fs.is_file(&format!("{P}/alembic.ini")));
        assert!(!sh.fs.is_dir(&format!("{P}/alembic")));
        assert_eq!(sh.fs.read(&format!("{P}/keep.txt")).unwrap(), b"edited");
        // Undoing is itself a change that could be undone: it removed the init's files only.
        let redo = Undo::after("undo", before, &sh.fs, BROWSER_HOME).unwrap();
        assert!(redo.paths().all(|p| p.starts_with(&format!("{P}/alembic"))));
    }

    #[test]
    fn a_command_that_changes_nothing_offers_no_undo() {
        let mut fs = MemFs::new();
        fs.create_dir_all(P).unwrap();
        let mut sh = Shell::new(fs, P, BROWSER_HOME);
        let before = capture(&sh.fs, BROWSER_HOME);
        sh.run_line("ls");
        assert!(Undo::after("ls", before, &sh.fs, BROWSER_HOME).is_none());
    }

    #[test]
    fn restores_a_database_file_byte_for_byte() {
        let mut fs = MemFs::new();
        fs.create_dir_all(P).unwrap();
        let mut sh = Shell::new(fs, P, BROWSER_HOME);
        sh.run_line("sqlite3 app.db \"CREATE TABLE t (x); INSERT INTO t VALUES (1)\"");
        let db = sh.fs.read(&format!("{P}/app.db")).unwrap();
        let before = capture(&sh.fs, BROWSER_HOME);
        sh.run_line("sqlite3 app.db \"DROP TABLE t\"");
        let undo = Undo::after("drop", before, &sh.fs, BROWSER_HOME).unwrap();
        assert_eq!(undo.paths().collect::<Vec<_>>(), [format!("{P}/app.db")]);
        undo.restore(&mut sh.fs);
        assert_eq!(sh.fs.read(&format!("{P}/app.db")).unwrap(), db);
    }
}
