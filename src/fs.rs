//! The file-system seam: every file the engine reads or writes goes through [`FileSystem`].
//!
//! The browser keeps the project in memory ([`MemFs`]); the native CLI works on a real folder
//! (`native::DiskFs`). Paths are absolute, `/`-separated strings, as the learner sees them in
//! the terminal (`/home/learner/fastapi_template/alembic.ini`).

use std::collections::BTreeMap;
use std::fmt;

/// Why a file-system call failed, in the words of the matching Python `OSError` subclass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsError {
    /// `FileNotFoundError`.
    NotFound(String),
    /// `IsADirectoryError`.
    IsADirectory(String),
    /// `NotADirectoryError`.
    NotADirectory(String),
    /// `FileExistsError`.
    AlreadyExists(String),
    /// Anything else the host reported, such as a permission problem on disk.
    Other(String),
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FsError::NotFound(p) => write!(f, "[Errno 2] No such file or directory: '{p}'"),
            FsError::IsADirectory(p) => write!(f, "[Errno 21] Is a directory: '{p}'"),
            FsError::NotADirectory(p) => write!(f, "[Errno 20] Not a directory: '{p}'"),
            FsError::AlreadyExists(p) => write!(f, "[Errno 17] File exists: '{p}'"),
            FsError::Other(msg) => f.write_str(msg),
        }
    }
}

/// One entry of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DirEntry {
    pub name: String,
    pub is_dir: bool,
}

/// The operations the engine needs from a file system, and nothing more.
pub trait FileSystem {
    fn read(&self, path: &str) -> Result<Vec<u8>, FsError>;
    fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), FsError>;
    fn is_file(&self, path: &str) -> bool;
    fn is_dir(&self, path: &str) -> bool;
    /// Creates `path` and any missing parents, like `os.makedirs(path, exist_ok=True)`.
    fn create_dir_all(&mut self, path: &str) -> Result<(), FsError>;
    /// Lists a directory, sorted by name.
    fn read_dir(&self, path: &str) -> Result<Vec<DirEntry>, FsError>;
    /// Removes a file, or a directory with everything under it.
    fn remove(&mut self, path: &str) -> Result<(), FsError>;

    fn read_to_string(&self, path: &str) -> Result<String, FsError> {
        self.read(path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Joins `rel` onto `base` and resolves `.` and `..`, the way a shell resolves `cd` targets.
/// An absolute `rel` replaces `base`; `..` never climbs above `/`.
pub fn join(base: &str, rel: &str) -> String {
    let start = if rel.starts_with('/') { "" } else { base };
    let mut parts: Vec<&str> = Vec::new();
    for part in start.split('/').chain(rel.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The parent of an absolute path; `/` is its own parent.
pub fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

/// Where `path` ends up when `from` is renamed to `to`: `from` itself or anything under it moves
/// along; any other path gives `None`. The editor's open files follow renames through this.
pub fn rebase(path: &str, from: &str, to: &str) -> Option<String> {
    if path == from {
        return Some(to.to_string());
    }
    let rest = path.strip_prefix(from)?.strip_prefix('/')?;
    Some(join(to, rest))
}

/// Renames a file, or a folder with everything under it, as `os.rename` does: `to` must not
/// exist, its parent must, and a folder cannot move into itself. Made of the trait's own
/// calls, so it works on any file system.
pub fn rename(fs: &mut dyn FileSystem, from: &str, to: &str) -> Result<(), FsError> {
    if !fs.is_file(from) && !fs.is_dir(from) {
        return Err(FsError::NotFound(from.to_string()));
    }
    if fs.is_file(to) || fs.is_dir(to) {
        return Err(FsError::AlreadyExists(to.to_string()));
    }
    if !fs.is_dir(parent(to)) {
        return Err(FsError::NotFound(to.to_string()));
    }
    if rebase(to, from, from).is_some() {
        return Err(FsError::Other(format!("Cannot move '{from}' into itself")));
    }
    copy_tree(fs, from, to)?;
    fs.remove(from)
}

fn copy_tree(fs: &mut dyn FileSystem, from: &str, to: &str) -> Result<(), FsError> {
    if fs.is_file(from) {
        let bytes = fs.read(from)?;
        return fs.write(to, &bytes);
    }
    fs.create_dir_all(to)?;
    for entry in fs.read_dir(from)? {
        copy_tree(fs, &join(from, &entry.name), &join(to, &entry.name))?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    File(Vec<u8>),
    Dir,
}

/// An in-memory file system: the browser's project, and the native tests' scratch space.
/// Every ancestor of a stored path is itself stored as a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemFs {
    nodes: BTreeMap<String, Node>,
}

impl Default for MemFs {
    fn default() -> Self {
        let mut nodes = BTreeMap::new();
        nodes.insert("/".to_string(), Node::Dir);
        MemFs { nodes }
    }
}

impl MemFs {
    pub fn new() -> MemFs {
        MemFs::default()
    }

    /// Every file under `root`, as (path relative to `root`, contents), in path order.
    pub fn files_under(&self, root: &str) -> Vec<(String, &[u8])> {
        let prefix = if root == "/" {
            "/".to_string()
        } else {
            format!("{root}/")
        };
        self.nodes
            .iter()
            .filter_map(|(path, node)| match node {
                Node::File(bytes) if path.starts_with(&prefix) => {
                    Some((path[prefix.len()..].to_string(), bytes.as_slice()))
                }
                _ => None,
            })
            .collect()
    }
}

impl FileSystem for MemFs {
    fn read(&self, path: &str) -> Result<Vec<u8>, FsError> {
        match self.nodes.get(path) {
            Some(Node::File(bytes)) => Ok(bytes.clone()),
            Some(Node::Dir) => Err(FsError::IsADirectory(path.to_string())),
            None => Err(FsError::NotFound(path.to_string())),
        }
    }

    fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), FsError> {
        match self.nodes.get(parent(path)) {
            Some(Node::Dir) => {}
            Some(Node::File(_)) => return Err(FsError::NotADirectory(path.to_string())),
            None => return Err(FsError::NotFound(path.to_string())),
        }
        if let Some(Node::Dir) = self.nodes.get(path) {
            return Err(FsError::IsADirectory(path.to_string()));
        }
        self.nodes
            .insert(path.to_string(), Node::File(contents.to_vec()));
        Ok(())
    }

    fn is_file(&self, path: &str) -> bool {
        matches!(self.nodes.get(path), Some(Node::File(_)))
    }

    fn is_dir(&self, path: &str) -> bool {
        matches!(self.nodes.get(path), Some(Node::Dir))
    }

    fn create_dir_all(&mut self, path: &str) -> Result<(), FsError> {
        let mut current = String::new();
        for part in path.split('/').filter(|p| !p.is_empty()) {
            current.push('/');
            current.push_str(part);
            match self.nodes.get(&current) {
                Some(Node::Dir) => {}
                Some(Node::File(_)) => return Err(FsError::AlreadyExists(current)),
                None => {
                    self.nodes.insert(current.clone(), Node::Dir);
                }
            }
        }
        Ok(())
    }

    fn read_dir(&self, path: &str) -> Result<Vec<DirEntry>, FsError> {
        match self.nodes.get(path) {
            Some(Node::Dir) => {}
            Some(Node::File(_)) => return Err(FsError::NotADirectory(path.to_string())),
            None => return Err(FsError::NotFound(path.to_string())),
        }
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        Ok(self
            .nodes
            .range(prefix.clone()..)
            .take_while(|(p, _)| p.starts_with(&prefix))
            .filter(|(p, _)| !p[prefix.len()..].contains('/') && p.len() > prefix.len())
            .map(|(p, node)| DirEntry {
                name: p[prefix.len()..].to_string(),
                is_dir: matches!(node, Node::Dir),
            })
            .collect())
    }

    fn remove(&mut self, path: &str) -> Result<(), FsError> {
        if !self.nodes.contains_key(path) || path == "/" {
            return Err(FsError::NotFound(path.to_string()));
        }
        let prefix = format!("{path}/");
        self.nodes
            .retain(|p, _| p != path && !p.starts_with(&prefix));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_resolves_dots_like_a_shell() {
        assert_eq!(
            join("/home/learner", "app/../alembic"),
            "/home/learner/alembic"
        );
        assert_eq!(join("/home/learner", "/etc"), "/etc");
        assert_eq!(join("/", "../.."), "/");
        assert_eq!(join("/a/b", "./c/"), "/a/b/c");
    }

    #[test]
    fn rename_moves_files_and_folders_like_os_rename() {
        let mut fs = MemFs::new();
        fs.create_dir_all("/p/app/db/empty").unwrap();
        fs.write("/p/app/db/models.py", b"x").unwrap();
        fs.write("/p/a.ini", b"[a]").unwrap();
        rename(&mut fs, "/p/app", "/p/src").unwrap();
        assert_eq!(fs.read_to_string("/p/src/db/models.py").unwrap(), "x");
        assert!(fs.is_dir("/p/src/db/empty"));
        assert!(!fs.is_dir("/p/app"));
        let exists = rename(&mut fs, "/p/a.ini", "/p/src");
        assert_eq!(exists, Err(FsError::AlreadyExists("/p/src".into())));
        assert!(rename(&mut fs, "/p/src", "/p/src/db/inner").is_err());
        assert!(rename(&mut fs, "/p/nope", "/p/b").is_err());
        assert!(rename(&mut fs, "/p/a.ini", "/p/missing/b.ini").is_err());
        assert_eq!(
            rebase("/p/src/db/x.py", "/p/src", "/p/lib"),
            Some("/p/lib/db/x.py".into())
        );
        assert_eq!(rebase("/p/srcx/y.py", "/p/src", "/p/lib"), None);
        assert_eq!(rebase("/p/src", "/p/src", "/p/lib"), Some("/p/lib".into()));
    }

    #[test]
    fn mem_fs_keeps_a_tree() {
        let mut fs = MemFs::new();
        assert_eq!(
            fs.write("/p/a.txt", b"x"),
            Err(FsError::NotFound("/p/a.txt".into()))
        );
        fs.create_dir_all("/p/app/db").unwrap();
        fs.write("/p/app/db/models.py", b"Base = 1\n").unwrap();
        fs.write("/p/alembic.ini", b"[alembic]\n").unwrap();
        let names: Vec<_> = fs
            .read_dir("/p")
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["alembic.ini", "app"]);
        assert!(fs.is_dir("/p/app"));
        assert_eq!(
            fs.read_to_string("/p/app/db/models.py").unwrap(),
            "Base = 1\n"
        );
        assert_eq!(
            fs.read("/p/app").unwrap_err().to_string(),
            "[Errno 21] Is a directory: '/p/app'"
        );
        fs.remove("/p/app").unwrap();
        assert!(!fs.is_file("/p/app/db/models.py"));
        assert_eq!(fs.files_under("/p").len(), 1);
    }
}
