//! The script directory (`alembic/script/base.py`): where `script_location` points, its
//! `versions` folders, the options that name and place new revision files, and loading every
//! revision file into the [`revision::RevisionMap`]. Running a file's Python is the caller's
//! job (a [`Loader`]), so this layer stays free of the evaluator.

pub mod mako;
pub mod revision;

use crate::config::{Config, IniError};
use crate::fs::{self, FileSystem};
use revision::Revision;

/// Why a script directory could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum ScriptError {
    /// A `CommandError`: `FAILED: <message>`.
    Command(String),
    Ini(IniError),
}

impl From<IniError> for ScriptError {
    fn from(e: IniError) -> Self {
        ScriptError::Ini(e)
    }
}

/// `script_location` and the options that go with it.
#[derive(Clone, Debug)]
pub struct ScriptDirectory {
    /// The absolute path of the scripts folder.
    pub dir: String,
    pub version_locations: Vec<String>,
    pub file_template: String,
    pub truncate_slug_length: usize,
    pub revision_environment: bool,
}

/// The module variables a loaded revision file declares.
#[derive(Clone, Debug, Default)]
pub struct RevisionVars {
    pub revision: Option<String>,
    pub down: Vec<String>,
    pub depends_on: Vec<String>,
    pub branch_labels: Vec<String>,
    pub doc: Option<String>,
}

/// Runs one revision file and reports its variables; an error is the caller's to report
/// (a SyntaxError traceback, for instance).
pub type Loader<'a, E> = dyn FnMut(&str, &str) -> Result<RevisionVars, E> + 'a;

/// A loading failure: the caller's own error, or Alembic's.
#[derive(Debug)]
pub enum LoadError<E> {
    Script(E),
    Command(String),
}

impl ScriptDirectory {
    /// `ScriptDirectory.from_config`.
    pub fn from_config(
        config: &Config,
        fs: &dyn FileSystem,
        cwd: &str,
    ) -> Result<ScriptDirectory, ScriptError> {
        let Some(location) = config.main_option("script_location")? else {
            return Err(ScriptError::Command(
                "No 'script_location' key found in configuration.".into(),
            ));
        };
        let dir = fs::join(cwd, &location);
        if !fs.is_dir(&dir) {
            return Err(ScriptError::Command(format!(
                "Path doesn't exist: {dir}.  Please use the 'init' command to create a new scripts folder."
            )));
        }
        let separator = config.main_option("path_separator")?;
        let version_locations = match config.main_option("version_locations")? {
            Some(v) => split_locations(&v, separator.as_deref())
                .into_iter()
                .map(|p| fs::join(cwd, &p))
                .collect(),
            None => vec![fs::join(&dir, "versions")],
        };
        let file_template = config
            .main_option("file_template")?
            .unwrap_or_else(|| "%(rev)s_%(slug)s".to_string());
        let truncate_slug_length = config
            .main_option("truncate_slug_length")?
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(40);
        let revision_environment = config
            .main_option("revision_environment")?
            .is_some_and(|v| {
                matches!(
                    v.trim().to_lowercase().as_str(),
                    "true" | "yes" | "1" | "on"
                )
            });
        Ok(ScriptDirectory {
            dir,
            version_locations,
            file_template,
            truncate_slug_length,
            revision_environment,
        })
    }

    pub fn env_py(&self) -> String {
        fs::join(&self.dir, "env.py")
    }

    /// The revision files, in the order Alembic loads them: each version folder's `*.py`
    /// files sorted by name, without `__init__.py` and editor lock files.
    pub fn revision_files(&self, fs: &dyn FileSystem) -> Vec<String> {
        let mut out = Vec::new();
        for dir in &self.version_locations {
            let Ok(entries) = fs.read_dir(dir) else {
                continue;
            };
            let mut names: Vec<String> = entries
                .into_iter()
                .filter(|e| !e.is_dir)
                .map(|e| e.name)
                .filter(|n| n.ends_with(".py") && n != "__init__.py" && !n.starts_with(".#"))
                .collect();
            names.sort();
            out.extend(names.into_iter().map(|n| fs::join(dir, &n)));
        }
        out
    }

    /// Loads every revision file through `load` into revisions, in load order.
    pub fn load<E>(
        &self,
        fs: &dyn FileSystem,
        load: &mut Loader<'_, E>,
    ) -> Result<Vec<Revision>, LoadError<E>> {
        let mut out = Vec::new();
        for path in self.revision_files(fs) {
            let source = fs.read_to_string(&path).unwrap_or_default();
            let vars = load(&path, &source).map_err(LoadError::Script)?;
            let Some(id) = vars.revision else {
                let name = path.rsplit('/').next().unwrap_or(&path);
                return Err(LoadError::Command(format!(
                    "Could not determine revision id from filename {name}. Be sure the 'revision' variable is declared inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation)."
                )));
            };
            out.push(Revision {
                id,
                down: vars.down,
                depends_on: vars.depends_on,
                own_labels: vars.branch_labels.clone(),
                branch_labels: vars.branch_labels,
                longdoc: vars.doc.map(|d| d.trim().to_string()).unwrap_or_default(),
                path,
            });
        }
        Ok(out)
    }
}

/// `version_locations` split by `path_separator` (`os` is `:` here, as on Linux; without the
/// option, spaces and commas separate, Alembic's legacy splitting).
fn split_locations(value: &str, separator: Option<&str>) -> Vec<String> {
    let parts: Vec<&str> = match separator.map(str::trim) {
        Some("os") | Some(":") => value.split(':').collect(),
        Some(";") => value.split(';').collect(),
        Some("space") => value.split(' ').collect(),
        Some("newline") => value.split('\n').collect(),
        _ => value.split([' ', ',']).collect(),
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// The slug of a message: its `\w+` runs, joined with `_`, lowercased, and cut to
/// `truncate` characters back to the last `_`, with a `_` kept at the end.
pub fn slug(message: &str, truncate: usize) -> String {
    let words: Vec<String> = message
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let slug = words.join("_");
    if slug.chars().count() > truncate {
        let cut: String = slug.chars().take(truncate).collect();
        match cut.rfind('_') {
            Some(at) => cut[..=at].to_string(),
            None => cut + "_",
        }
    } else {
        slug
    }
}
