//! Starting projects a workspace can begin from. The files live beside this module as real
//! files (so they can be opened, linted and run with real Alembic) and are compiled in.

use crate::fs::{self, FileSystem, FsError};

/// The tutorial's FastAPI project before `alembic init`: the models, the settings and
/// `requirements.txt`, under the folder name the chapter uses.
pub const FASTAPI_TEMPLATE: &[(&str, &str)] = &[
    (
        "app/__init__.py",
        include_str!("fastapi_template/app/__init__.py"),
    ),
    (
        "app/common/__init__.py",
        include_str!("fastapi_template/app/common/__init__.py"),
    ),
    (
        "app/common/database/__init__.py",
        include_str!("fastapi_template/app/common/database/__init__.py"),
    ),
    (
        "app/common/database/base.py",
        include_str!("fastapi_template/app/common/database/base.py"),
    ),
    (
        "app/core/__init__.py",
        include_str!("fastapi_template/app/core/__init__.py"),
    ),
    (
        "app/core/config.py",
        include_str!("fastapi_template/app/core/config.py"),
    ),
    (
        "app/db/__init__.py",
        include_str!("fastapi_template/app/db/__init__.py"),
    ),
    (
        "app/db/models.py",
        include_str!("fastapi_template/app/db/models.py"),
    ),
    (
        "requirements.txt",
        include_str!("fastapi_template/requirements.txt"),
    ),
];

/// Writes a starting project's files under `root`, creating folders as needed.
pub fn write_project(
    fs: &mut dyn FileSystem,
    root: &str,
    files: &[(&str, &str)],
) -> Result<(), FsError> {
    fs.create_dir_all(root)?;
    for (path, contents) in files {
        let full = fs::join(root, path);
        fs.create_dir_all(fs::parent(&full))?;
        fs.write(&full, contents.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MemFs;

    #[test]
    fn fastapi_template_has_the_chapters_files() {
        let mut fs = MemFs::new();
        write_project(&mut fs, "/home/learner/fastapi_template", FASTAPI_TEMPLATE).unwrap();
        let names: Vec<_> = fs
            .read_dir("/home/learner/fastapi_template")
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["app", "requirements.txt"]);
        assert!(fs.is_file("/home/learner/fastapi_template/app/db/models.py"));
    }
}
