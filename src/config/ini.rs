//! `alembic.ini` as Python's `configparser` reads it for Alembic: sections, case-insensitive
//! keys, `=` or `:` separators, indented continuation lines, whole-line `#`/`;` comments, and
//! `BasicInterpolation` (`%(here)s`, `%%`) over the section and its defaults.

use indexmap::IndexMap;

/// A parsed ini file. Keys are lowercased, as `optionxform` does.
#[derive(Clone, Debug, Default)]
pub struct IniFile {
    pub sections: IndexMap<String, IndexMap<String, String>>,
    /// The `[DEFAULT]` section and the parser's defaults (`here`, `__file__`).
    pub defaults: IndexMap<String, String>,
}

/// A configparser error, with its class and message.
#[derive(Clone, Debug, PartialEq)]
pub struct IniError {
    pub class: &'static str,
    pub message: String,
}

impl IniFile {
    /// Reads `text`, which came from `path` (for error messages).
    pub fn parse(text: &str, path: &str) -> Result<IniFile, IniError> {
        let mut ini = IniFile::default();
        let mut current: Option<String> = None;
        let mut last_key: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end();
            let trimmed = line.trim_start();
            if trimmed.is_empty() {
                last_key = None;
                continue;
            }
            if trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            let indented = line.len() != trimmed.len();
            if indented {
                if let (Some(section), Some(key)) = (&current, &last_key) {
                    let map = if section == "DEFAULT" {
                        &mut ini.defaults
                    } else {
                        ini.sections
                            .get_mut(section)
                            .expect("current section exists")
                    };
                    if let Some(v) = map.get_mut(key) {
                        v.push('\n');
                        v.push_str(trimmed);
                    }
                    continue;
                }
            }
            if let Some(rest) = trimmed.strip_prefix('[') {
                if let Some(name) = rest.strip_suffix(']') {
                    if name != "DEFAULT" && ini.sections.contains_key(name) {
                        return Err(IniError {
                            class: "configparser.DuplicateSectionError",
                            message: format!(
                                "While reading from '{path}' [line {:2}]: section '{name}' already exists",
                                n + 1
                            ),
                        });
                    }
                    if name != "DEFAULT" {
                        ini.sections.insert(name.to_string(), IndexMap::new());
                    }
                    current = Some(name.to_string());
                    last_key = None;
                    continue;
                }
            }
            let Some(section) = &current else {
                return Err(IniError {
                    class: "configparser.MissingSectionHeaderError",
                    message: format!(
                        "File contains no section headers.\nfile: '{path}', line: {}\n{}",
                        n + 1,
                        python_repr(&format!("{raw}\n"))
                    ),
                });
            };
            let sep = trimmed.find(['=', ':']);
            let (key, value) = match sep {
                Some(at) => (trimmed[..at].trim(), trimmed[at + 1..].trim()),
                None => (trimmed, ""),
            };
            let key = key.to_lowercase();
            let map = if section == "DEFAULT" {
                &mut ini.defaults
            } else {
                ini.sections
                    .get_mut(section)
                    .expect("current section exists")
            };
            if map.contains_key(&key) {
                return Err(IniError {
                    class: "configparser.DuplicateOptionError",
                    message: format!(
                        "While reading from '{path}' [line {:2}]: option '{key}' in section '{section}' already exists",
                        n + 1
                    ),
                });
            }
            map.insert(key.clone(), value.to_string());
            last_key = Some(key);
        }
        Ok(ini)
    }

    pub fn has_section(&self, section: &str) -> bool {
        self.sections.contains_key(section)
    }

    /// The raw value of `key` in `section` (or the defaults), before interpolation.
    pub fn raw(&self, section: &str, key: &str) -> Option<&str> {
        let key = key.to_lowercase();
        self.sections
            .get(section)
            .and_then(|s| s.get(&key))
            .or_else(|| self.defaults.get(&key))
            .map(String::as_str)
    }

    /// `config.get(section, key)` with `BasicInterpolation`.
    pub fn get(&self, section: &str, key: &str) -> Option<Result<String, IniError>> {
        let raw = self.raw(section, key)?;
        Some(self.interpolate(section, key, raw, 1))
    }

    fn interpolate(
        &self,
        section: &str,
        key: &str,
        value: &str,
        depth: usize,
    ) -> Result<String, IniError> {
        if depth > 10 {
            return Err(IniError {
                class: "configparser.InterpolationDepthError",
                message: format!(
                    "Recursion limit exceeded in value substitution: option '{key}' in section '{section}' contains an interpolation key which cannot be substituted in 10 steps. Raw value: {}",
                    python_repr(value)
                ),
            });
        }
        let mut out = String::new();
        let mut rest = value;
        while let Some(at) = rest.find('%') {
            out.push_str(&rest[..at]);
            let tail = &rest[at + 1..];
            if let Some(after) = tail.strip_prefix('%') {
                out.push('%');
                rest = after;
            } else if let Some(body) = tail.strip_prefix('(') {
                let Some(close) = body.find(")s") else {
                    return Err(bad_syntax(section, key, value, rest));
                };
                let name = body[..close].to_lowercase();
                let Some(sub) = self.raw(section, &name) else {
                    return Err(IniError {
                        class: "configparser.InterpolationMissingOptionError",
                        message: format!(
                            "Bad value substitution: option '{key}' in section '{section}' contains an interpolation key '{name}' which is not a valid option name. Raw value: {}",
                            python_repr(value)
                        ),
                    });
                };
                let sub = sub.to_string();
                out.push_str(&self.interpolate(section, &name, &sub, depth + 1)?);
                rest = &body[close + 2..];
            } else {
                return Err(bad_syntax(section, key, value, rest));
            }
        }
        out.push_str(rest);
        Ok(out)
    }
}

fn bad_syntax(section: &str, key: &str, value: &str, rest: &str) -> IniError {
    let _ = (section, key, value);
    IniError {
        class: "configparser.InterpolationSyntaxError",
        message: format!(
            "'%' must be followed by '%' or '(', found: {}",
            python_repr(rest)
        ),
    }
}

fn python_repr(s: &str) -> String {
    crate::python::runtime::value::repr_str(s)
}
