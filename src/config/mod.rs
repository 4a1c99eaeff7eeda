//! Alembic's configuration (`alembic/config.py`'s `Config`): the ini file found from `-c`,
//! `$ALEMBIC_CONFIG` or `alembic.ini`, its `[alembic]` (or `-n`) section with `%(here)s`
//! interpolation, and the `-x` arguments. `env.py` reads and edits it through
//! `context.config`.

pub mod ini;

use indexmap::IndexMap;

pub use ini::{IniError, IniFile};

use crate::fs::{self, FileSystem};

/// One command's configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// The ini file's absolute path (`config.config_file_name`), whether or not it exists.
    pub file: String,
    /// The main section (`-n`, default `alembic`).
    pub section: String,
    pub ini: IniFile,
    /// `-x key=value` arguments, as given.
    pub x: Vec<String>,
    /// `-q`: Alembic prints none of its own messages to stdout (`config.print_stdout`).
    pub quiet: bool,
}

impl Config {
    /// Reads the configuration for a command run in `cwd`. A missing file reads as empty, as
    /// configparser's `read()` skips it; a malformed one is an error.
    pub fn load(
        fs: &dyn FileSystem,
        cwd: &str,
        file: &str,
        section: &str,
        x: Vec<String>,
    ) -> Result<Config, IniError> {
        let path = fs::join(cwd, file);
        let here = fs::parent(&path).to_string();
        let mut ini = match fs.read_to_string(&path) {
            Ok(text) => IniFile::parse(&text, file)?,
            Err(_) => IniFile::default(),
        };
        ini.defaults.insert("here".into(), here);
        ini.defaults.insert("__file__".into(), path.clone());
        Ok(Config {
            file: path,
            section: section.to_string(),
            ini,
            x,
            quiet: false,
        })
    }

    /// `config.get_main_option(name)`: the interpolated value, or `None`.
    pub fn main_option(&self, name: &str) -> Result<Option<String>, IniError> {
        self.section_option(&self.section, name)
    }

    pub fn section_option(&self, section: &str, name: &str) -> Result<Option<String>, IniError> {
        if !self.ini.has_section(section) {
            return Ok(None);
        }
        self.ini.get(section, name).transpose()
    }

    /// `config.set_main_option(name, value)`; `%` must be written `%%`, as configparser
    /// requires of values it will interpolate.
    pub fn set_section_option(
        &mut self,
        section: &str,
        name: &str,
        value: &str,
    ) -> Result<(), IniError> {
        let check = value.replace("%%", "");
        if let Some(at) = check.find('%') {
            if !check[at + 1..].starts_with('(') {
                return Err(IniError {
                    class: "ValueError",
                    message: format!(
                        "invalid interpolation syntax in {} at position {at}",
                        crate::python::runtime::value::repr_str(value)
                    ),
                });
            }
        }
        self.ini
            .sections
            .entry(section.to_string())
            .or_default()
            .insert(name.to_lowercase(), value.to_string());
        Ok(())
    }

    /// `config.get_section(name)`: every key of a section, interpolated.
    pub fn section(&self, name: &str) -> Result<Option<IndexMap<String, String>>, IniError> {
        let Some(keys) = self.ini.sections.get(name) else {
            return Ok(None);
        };
        let mut out = IndexMap::new();
        for key in keys.keys().chain(self.ini.defaults.keys()) {
            if let Some(v) = self.ini.get(name, key) {
                out.insert(key.clone(), v?);
            }
        }
        Ok(Some(out))
    }
}
