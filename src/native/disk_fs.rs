//! [`FileSystem`] over the real disk, for the native CLI: the playground's absolute paths are
//! the real absolute paths.

use std::io::ErrorKind;

use crate::fs::{DirEntry, FileSystem, FsError};

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct DiskFs;

fn fs_error(path: &str, err: std::io::Error) -> FsError {
    match err.kind() {
        ErrorKind::NotFound => FsError::NotFound(path.to_string()),
        ErrorKind::AlreadyExists => FsError::AlreadyExists(path.to_string()),
        ErrorKind::IsADirectory => FsError::IsADirectory(path.to_string()),
        ErrorKind::NotADirectory => FsError::NotADirectory(path.to_string()),
        _ => FsError::Other(format!("{err}: '{path}'")),
    }
}

impl FileSystem for DiskFs {
    fn read(&self, path: &str) -> Result<Vec<u8>, FsError> {
        std::fs::read(path).map_err(|e| fs_error(path, e))
    }

    fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), FsError> {
        std::fs::write(path, contents).map_err(|e| fs_error(path, e))
    }

    fn is_file(&self, path: &str) -> bool {
        std::path::Path::new(path).is_file()
    }

    fn is_dir(&self, path: &str) -> bool {
        std::path::Path::new(path).is_dir()
    }

    fn create_dir_all(&mut self, path: &str) -> Result<(), FsError> {
        std::fs::create_dir_all(path).map_err(|e| fs_error(path, e))
    }

    fn read_dir(&self, path: &str) -> Result<Vec<DirEntry>, FsError> {
        let mut res = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| fs_error(path, e))? {
            let entry = entry.map_err(|e| fs_error(path, e))?;
            res.push(DirEntry {
                name: entry.file_name().to_string_lossy().into_owned(),
                is_dir: entry.path().is_dir(),
            });
        }
        res.sort();
        Ok(res)
    }

    fn remove(&mut self, path: &str) -> Result<(), FsError> {
        let result = if std::path::Path::new(path).is_dir() {
            std::fs::remove_dir_all(path)
        } else {
            std::fs::remove_file(path)
        };
        result.map_err(|e| fs_error(path, e))
    }
}
