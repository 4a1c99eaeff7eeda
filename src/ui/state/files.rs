//! The file tree's and the editor tabs' actions on the playground state: opening and closing
//! tabs, creating, renaming and deleting files and folders. Open tabs and the changed marks
//! follow renames and deletions, so the editor never shows a path that is gone.

use super::{build_tree, Playground, PROJECT_ROOT};
use crate::fs::{self, FileSystem};

impl Playground {
    /// Shows `path` in the editor, adding a tab for it after the current one.
    pub(super) fn open(&mut self, path: String) {
        if !self.tabs.contains(&path) {
            let at = self
                .open_file
                .as_ref()
                .and_then(|open| self.tabs.iter().position(|t| t == open))
                .map_or(self.tabs.len(), |i| i + 1);
            self.tabs.insert(at, path.clone());
        }
        self.open_file = Some(path);
    }

    /// Closes a tab; closing the shown one shows its right neighbour, else its left.
    pub(super) fn close_tab(&mut self, path: &str) {
        let Some(at) = self.tabs.iter().position(|t| t == path) else {
            return;
        };
        self.tabs.remove(at);
        if self.open_file.as_deref() == Some(path) {
            let neighbour = self
                .tabs
                .get(at)
                .or_else(|| at.checked_sub(1).and_then(|i| self.tabs.get(i)));
            self.open_file = neighbour.cloned();
        }
    }

    /// After a command: its changes are the new baseline, and tabs of files it removed close.
    pub(super) fn after_command(&mut self) {
        self.changed.clear();
        self.drop_missing();
    }

    pub(super) fn create(&mut self, path: String, folder: bool) {
        let done = {
            let mut shell = self.shell.borrow_mut();
            let fs = &mut shell.fs;
            if !path.starts_with(&format!("{PROJECT_ROOT}/"))
                || fs.is_file(&path)
                || fs.is_dir(&path)
            {
                false
            } else if folder {
                fs.create_dir_all(&path).is_ok()
            } else {
                fs.create_dir_all(fs::parent(&path)).is_ok() && fs.write(&path, b"").is_ok()
            }
        };
        self.rebuild_tree();
        if done && !folder {
            self.mark_changed(path.clone());
            self.open(path);
        }
    }

    pub(super) fn rename(&mut self, from: &str, to: &str) {
        let inside = |p: &str| p.starts_with(&format!("{PROJECT_ROOT}/"));
        if !inside(from) || !inside(to) {
            return;
        }
        let renamed = fs::rename(&mut self.shell.borrow_mut().fs, from, to).is_ok();
        self.rebuild_tree();
        if !renamed {
            return;
        }
        let moved = |p: &String| fs::rebase(p, from, to).unwrap_or_else(|| p.clone());
        self.tabs = self.tabs.iter().map(moved).collect();
        self.open_file = self.open_file.as_ref().map(moved);
        self.changed = self.changed.iter().map(moved).collect();
        if let Some(running) = &self.running {
            running.rename_edited(&moved);
        }
        // The file under its new name is something the next command has not seen.
        let is_file = self.shell.borrow().fs.is_file(to);
        if is_file {
            self.mark_changed(to.to_string());
        }
    }

    pub(super) fn delete(&mut self, path: &str) {
        if !path.starts_with(&format!("{PROJECT_ROOT}/")) {
            return;
        }
        let _ = self.shell.borrow_mut().fs.remove(path);
        self.rebuild_tree();
        self.drop_missing();
    }

    fn rebuild_tree(&mut self) {
        self.tree = build_tree(&self.shell.borrow().fs, PROJECT_ROOT);
    }

    /// Closes the tabs (and forgets the marks) of files that no longer exist.
    fn drop_missing(&mut self) {
        let gone: Vec<String> = {
            let shell = self.shell.borrow();
            let fs = &shell.fs;
            self.tabs
                .iter()
                .filter(|t| !fs.is_file(t))
                .cloned()
                .collect()
        };
        for path in gone {
            self.close_tab(&path);
        }
        let shell = self.shell.borrow();
        let fs = &shell.fs;
        self.changed.retain(|p| fs.is_file(p));
        if self.open_file.as_deref().is_some_and(|p| !fs.is_file(p)) {
            self.open_file = self.tabs.first().cloned();
        }
    }
}
