//! Workspaces as data: a [`Snapshot`] of everything a learner made (files and the SQLite files
//! among them, terminal scrollback and typed history, installed pip packages, working directory,
//! exported variables), and its conversions: the versioned byte format (`codec`), share links
//! (`link`), their QR codes (`qr`) and `.zip` export and import (`zip`).
//!
//! This module is pure: it reads and writes a [`FileSystem`] and returns bytes and strings. The
//! browser host decides where bytes go (IndexedDB, the URL fragment, a download); nothing here
//! knows of any of them. Every decoder treats its input as hostile: bad input is a
//! [`WorkspaceError`], never a panic, and sizes are capped before memory is spent on them.

mod bytes;
pub mod codec;
mod deflate;
pub mod job;
pub mod link;
pub mod qr;
pub mod zip;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::fs::{self, FileSystem, MemFs};
use crate::project;
use crate::shell::{Shell, BROWSER_HOME};

/// The tutorial project's folder (the same path `ui::state::PROJECT_ROOT` names).
pub const TEMPLATE_ROOT: &str = "/home/learner/fastapi_template";

/// The starting template a snapshot is a difference from. Its id travels in every encoding, so
/// a future template gets a new id and old links keep their old base.
pub const BASE_FASTAPI_V1: &str = "fastapi_template/1";

/// One line of terminal scrollback, as the terminal shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermEntry {
    /// A command as typed, with the prompt it was typed at.
    Command {
        prompt: String,
        line: String,
    },
    Stdout(String),
    Stderr(String),
}

/// A whole workspace, as plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Every file under the learner's home, by absolute path.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Folders with nothing in them (`alembic/versions` right after `init`): a file list alone
    /// would lose them, and Alembic needs them.
    pub empty_dirs: BTreeSet<String>,
    pub cwd: String,
    /// Variables set with `export`.
    pub env: BTreeMap<String, String>,
    /// pip packages, by key (`alembic`, `sqlalchemy`, ...).
    pub installed: BTreeSet<String>,
    /// Commands typed, oldest first (the terminal's ↑ and ↓).
    pub history: Vec<String>,
    pub terminal: Vec<TermEntry>,
    /// The file open in the editor.
    pub open_file: Option<String>,
    /// State other features keep with the workspace (the tutorial's progress, for one), as
    /// opaque text this module only carries.
    pub extra: BTreeMap<String, String>,
}

/// Why a workspace could not be read, made or restored: every message is meant for the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceError {
    /// The bytes or the link text are not a workspace at all (wrong magic, bad base64, ...).
    Malformed(String),
    /// The data stops before the end (a link cut off by a chat client, a torn write).
    Truncated,
    /// The data would exceed a size limit once decoded.
    TooLarge(String),
    /// Written by a newer playground than this one.
    NewerVersion { found: u64, supported: u64 },
    /// A value that decodes but is not acceptable (a path outside the home folder, ...).
    Invalid(String),
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkspaceError::Malformed(why) => write!(f, "This is not a playground workspace: {why}."),
            WorkspaceError::Truncated => f.write_str(
                "This workspace is incomplete: the data stops early (was the link cut off when it was copied?).",
            ),
            WorkspaceError::TooLarge(why) => write!(f, "This workspace is too large: {why}."),
            WorkspaceError::NewerVersion { found, supported } => write!(
                f,
                "This workspace was saved by a newer playground (format {found}; this one reads up to {supported}). Reload the page to get the newest version."
            ),
            WorkspaceError::Invalid(why) => write!(f, "This workspace contains something unsafe or invalid: {why}."),
        }
    }
}

impl std::error::Error for WorkspaceError {}

impl Snapshot {
    /// The playground's starting state: the tutorial's project before `pip install alembic`,
    /// with nothing typed yet. Links and saves are differences from this.
    pub fn starting() -> Snapshot {
        let shell = starting_shell();
        // A fresh MemFs with the compiled-in template: capture cannot fail on it.
        let mut snap = Snapshot::capture_shell(&shell).unwrap_or_else(|_| Snapshot::empty());
        snap.open_file = Some(format!("{TEMPLATE_ROOT}/app/db/models.py"));
        snap
    }

    /// A blank workspace: an empty project folder, with the same Python and pip as the
    /// tutorial's start (Alembic not installed yet).
    pub fn blank() -> Snapshot {
        let shell = starting_shell();
        let mut snap = Snapshot::empty();
        snap.empty_dirs.insert(TEMPLATE_ROOT.to_string());
        snap.installed = shell.installed.clone();
        snap.env = shell.env.clone();
        snap
    }

    fn empty() -> Snapshot {
        Snapshot {
            files: BTreeMap::new(),
            empty_dirs: BTreeSet::new(),
            cwd: TEMPLATE_ROOT.to_string(),
            env: BTreeMap::new(),
            installed: BTreeSet::new(),
            history: Vec::new(),
            terminal: Vec::new(),
            open_file: None,
            extra: BTreeMap::new(),
        }
    }

    /// The engine's part of a workspace: files, folders, cwd, variables, packages. The caller
    /// adds what only the host knows (scrollback, history, open file).
    pub fn capture_shell<F: FileSystem>(shell: &Shell<F>) -> Result<Snapshot, WorkspaceError> {
        let mut snap = Snapshot::empty();
        walk(&shell.fs, BROWSER_HOME, &mut snap)?;
        snap.cwd = shell.cwd.clone();
        snap.env = shell.env.clone();
        snap.installed = shell.installed.clone();
        Ok(snap)
    }

    /// The file system this snapshot describes. Fails (without panicking) on paths that cannot
    /// coexist, such as a file that is also a folder.
    pub fn build_fs(&self) -> Result<MemFs, WorkspaceError> {
        let mut mem = MemFs::new();
        let bad = |path: &str, e: fs::FsError| {
            WorkspaceError::Invalid(format!("cannot create {path}: {e}"))
        };
        mem.create_dir_all(BROWSER_HOME)
            .map_err(|e| bad(BROWSER_HOME, e))?;
        for dir in &self.empty_dirs {
            check_path(dir)?;
            mem.create_dir_all(dir).map_err(|e| bad(dir, e))?;
        }
        for (path, bytes) in &self.files {
            check_path(path)?;
            mem.create_dir_all(fs::parent(path))
                .map_err(|e| bad(path, e))?;
            mem.write(path, bytes).map_err(|e| bad(path, e))?;
        }
        Ok(mem)
    }

    /// A terminal session in this workspace (files, cwd, variables, packages). The clock is the
    /// engine's fixed one: hosts put their own in.
    pub fn build_shell(&self) -> Result<Shell<MemFs>, WorkspaceError> {
        let mem = self.build_fs()?;
        if !mem.is_dir(&self.cwd) {
            return Err(WorkspaceError::Invalid(format!(
                "the working directory {} is not a folder in it",
                self.cwd
            )));
        }
        let mut shell = Shell::new(mem, &self.cwd, BROWSER_HOME);
        shell.env = self.env.clone();
        shell.installed = self.installed.clone();
        Ok(shell)
    }

    /// Total bytes of file contents: what a save or a link has to carry at most.
    pub fn file_bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
}

/// The shell a new workspace starts with, exactly as the browser builds it.
fn starting_shell() -> Shell<MemFs> {
    let mut mem = MemFs::new();
    // Writing the compiled-in project into an empty MemFs cannot fail.
    let _ = project::write_project(&mut mem, TEMPLATE_ROOT, project::FASTAPI_TEMPLATE);
    let mut shell = Shell::new(mem, TEMPLATE_ROOT, BROWSER_HOME);
    shell.without_alembic();
    shell
}

/// Collects files and empty folders under `dir`. Depth is bounded by the path-length limit,
/// and the file system is the engine's own, so recursion here cannot be driven by input.
fn walk(fs: &dyn FileSystem, dir: &str, snap: &mut Snapshot) -> Result<(), WorkspaceError> {
    let entries = match fs.read_dir(dir) {
        Ok(entries) => entries,
        Err(_) => return Ok(()),
    };
    if entries.is_empty() && dir != BROWSER_HOME {
        snap.empty_dirs.insert(dir.to_string());
    }
    for entry in entries {
        let path = fs::join(dir, &entry.name);
        if entry.is_dir {
            walk(fs, &path, snap)?;
        } else {
            let bytes = fs
                .read(&path)
                .map_err(|e| WorkspaceError::Invalid(format!("cannot read {path}: {e}")))?;
            snap.files.insert(path, bytes);
        }
    }
    Ok(())
}

/// Longest path a workspace may hold (Linux's PATH_MAX).
pub const MAX_PATH: usize = 4096;

/// A path from outside (a link, a save, a zip) must name something inside the learner's home,
/// already normalized: no `..`, no `.`, no empty or control-character components.
pub fn check_path(path: &str) -> Result<(), WorkspaceError> {
    let invalid = |why: &str| WorkspaceError::Invalid(format!("the path {path:?} {why}"));
    if path.len() > MAX_PATH {
        return Err(invalid("is too long"));
    }
    let Some(rest) = path
        .strip_prefix(BROWSER_HOME)
        .and_then(|r| r.strip_prefix('/'))
    else {
        return Err(invalid("is outside /home/learner"));
    };
    for part in rest.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return Err(invalid("is not a plain path"));
        }
        if part.chars().any(|c| c.is_control() || c == '\\') {
            return Err(invalid("has control characters or backslashes"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_workspace_is_an_empty_project_folder() {
        let shell = Snapshot::blank().build_shell().unwrap();
        assert!(shell.fs.read_dir(TEMPLATE_ROOT).unwrap().is_empty());
        assert_eq!(shell.cwd, TEMPLATE_ROOT);
        assert_eq!(shell.installed, starting_shell().installed);
    }

    #[test]
    fn starting_state_is_the_template_before_pip_install() {
        let snap = Snapshot::starting();
        assert_eq!(snap.files.len(), project::FASTAPI_TEMPLATE.len());
        assert!(snap
            .files
            .contains_key("/home/learner/fastapi_template/app/db/models.py"));
        assert!(!snap.installed.contains("alembic"));
        assert!(snap.installed.contains("sqlalchemy"));
        assert_eq!(snap.cwd, TEMPLATE_ROOT);
    }

    #[test]
    fn capture_then_build_round_trips_files_folders_and_shell_state() {
        let mut shell = starting_shell();
        shell.run_line("pip install alembic");
        shell.run_line("alembic init alembic");
        shell.run_line("export DATABASE_URL=sqlite:///./other.db");
        shell.run_line("cd alembic");
        let snap = Snapshot::capture_shell(&shell).unwrap();
        assert!(snap
            .empty_dirs
            .contains("/home/learner/fastapi_template/alembic/versions"));
        let rebuilt = snap.build_shell().unwrap();
        assert_eq!(rebuilt.fs, shell.fs);
        assert_eq!(rebuilt.cwd, shell.cwd);
        assert_eq!(rebuilt.env, shell.env);
        assert_eq!(rebuilt.installed, shell.installed);
    }

    #[test]
    fn paths_from_outside_must_stay_home() {
        for bad in [
            "/etc/passwd",
            "/home/learner",
            "/home/learnerx/a",
            "/home/learner/../root/a",
            "/home/learner/a//b",
            "/home/learner/a/./b",
            "/home/learner/a\0b",
            "/home/learner/a\\..\\b",
            "relative/path",
        ] {
            assert!(check_path(bad).is_err(), "{bad:?} accepted");
        }
        check_path("/home/learner/fastapi_template/app.db").unwrap();
    }

    #[test]
    fn a_file_that_is_also_a_folder_is_an_error_not_a_panic() {
        let mut snap = Snapshot::starting();
        snap.files
            .insert("/home/learner/x".into(), b"file".to_vec());
        snap.files
            .insert("/home/learner/x/y".into(), b"child".to_vec());
        assert!(matches!(snap.build_fs(), Err(WorkspaceError::Invalid(_))));
    }
}
