//! Tab completion for the terminal line, as bash with Alembic's completion would offer it:
//! programs, `alembic` subcommands and their flags, revision ids and names like `head`,
//! `pip` subcommands and packages, `sqlite3` dot commands, and file names.

use super::Shell;
use crate::command::{self, args};
use crate::fs::{self, FileSystem};

/// What Tab can put in place of the word under the cursor (the line's last word).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Completion {
    /// Byte offset in the line where the word being completed starts.
    pub start: usize,
    /// The candidates, sorted; a directory ends with `/`.
    pub candidates: Vec<String>,
}

impl Completion {
    /// The text the word can be extended to without choosing: the candidates' common prefix.
    pub fn common_prefix(&self) -> String {
        let Some(first) = self.candidates.first() else {
            return String::new();
        };
        let mut end = first.len();
        for c in &self.candidates[1..] {
            end = end.min(
                first
                    .char_indices()
                    .zip(c.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(first.len().min(c.len()), |((i, _), _)| i),
            );
        }
        first[..end].to_string()
    }

    /// The line after Tab: the word replaced by the single candidate (with a space after it,
    /// unless it is a directory) or by the candidates' common prefix.
    pub fn apply(&self, line: &str) -> String {
        let head = &line[..self.start];
        match self.candidates.as_slice() {
            [one] if one.ends_with('/') => format!("{head}{one}"),
            [one] => format!("{head}{one} "),
            _ => {
                let prefix = self.common_prefix();
                if prefix.len() > line.len() - self.start {
                    format!("{head}{prefix}")
                } else {
                    line.to_string()
                }
            }
        }
    }
}

const PROGRAMS: &[&str] = &[
    "alembic",
    "alembic-playground",
    "cat",
    "cd",
    "clear",
    "echo",
    "env",
    "export",
    "help",
    "ls",
    "pip",
    "pip3",
    "pwd",
    "python",
    "python3",
    "sqlite3",
    "tree",
];

const GLOBAL_FLAGS: &[&str] = &[
    "--config",
    "--help",
    "--name",
    "--quiet",
    "--raiseerr",
    "--version",
    "-c",
    "-h",
    "-n",
    "-q",
    "-x",
];

/// Subcommands whose positional arguments are revisions.
const TAKES_REVISION: &[&str] = &["upgrade", "downgrade", "stamp", "show", "edit", "merge"];

impl<F: FileSystem> Shell<F> {
    /// Completions for the last word of `line`.
    pub fn complete(&self, line: &str) -> Completion {
        let start = line.rfind(' ').map_or(0, |i| i + 1);
        let word = &line[start..];
        let before: Vec<&str> = line[..start].split_whitespace().collect();
        let pick = |options: Vec<String>| -> Vec<String> {
            let mut c: Vec<String> = options
                .into_iter()
                .filter(|o| o.starts_with(word))
                .collect();
            c.sort();
            c.dedup();
            c
        };
        let Some(program) = before.first() else {
            return Completion {
                start,
                candidates: pick(PROGRAMS.iter().map(|s| s.to_string()).collect()),
            };
        };
        let candidates = match *program {
            "alembic" if self.installed.contains("alembic") => {
                let sub = before[1..]
                    .iter()
                    .find(|w| command::COMMANDS.contains(w))
                    .copied();
                let after_option = before
                    .last()
                    .is_some_and(|w| ["-c", "--config", "-n", "--name", "-x"].contains(w));
                match sub {
                    _ if after_option => self.files(word),
                    None if word.starts_with('-') => {
                        pick(GLOBAL_FLAGS.iter().map(|s| s.to_string()).collect())
                    }
                    None => pick(command::COMMANDS.iter().map(|s| s.to_string()).collect()),
                    Some(sub) if word.starts_with('-') => {
                        let mut flags: Vec<String> = vec!["--help".into(), "-h".into()];
                        for o in args::spec(sub).options {
                            flags.push(o.long.to_string());
                            if let Some(s) = o.short {
                                flags.push(s.to_string());
                            }
                        }
                        pick(flags)
                    }
                    Some("init") => self
                        .files(word)
                        .into_iter()
                        .filter(|f| f.ends_with('/'))
                        .collect(),
                    Some(sub) if TAKES_REVISION.contains(&sub) => pick(self.revision_names()),
                    Some("history")
                        if before
                            .last()
                            .is_some_and(|w| *w == "-r" || *w == "--rev-range") =>
                    {
                        pick(self.revision_names())
                    }
                    Some(_) => Vec::new(),
                }
            }
            "pip" | "pip3" => match before.get(1) {
                None => pick(
                    ["install", "list", "freeze", "--version"]
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                ),
                Some(&"install") if before.last() == Some(&"-r") => self.files(word),
                Some(&"install") => pick(
                    [
                        "alembic",
                        "sqlalchemy",
                        "psycopg[binary]",
                        "psycopg2-binary",
                        "-r",
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                ),
                _ => Vec::new(),
            },
            "alembic-playground" => pick(vec!["check-reversible".into()]),
            "sqlite3" if before.len() >= 2 && word.starts_with('.') => pick(
                [
                    ".headers", ".help", ".indexes", ".mode", ".quit", ".schema", ".tables",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            ),
            "cd" => self
                .files(word)
                .into_iter()
                .filter(|f| f.ends_with('/'))
                .collect(),
            _ => self.files(word),
        };
        Completion { start, candidates }
    }

    /// Files and directories matching a partial path, relative to the working directory.
    fn files(&self, word: &str) -> Vec<String> {
        let (dir_part, name_part) = match word.rfind('/') {
            Some(i) => (&word[..=i], &word[i + 1..]),
            None => ("", word),
        };
        let dir = fs::join(&self.cwd, if dir_part.is_empty() { "." } else { dir_part });
        let mut out: Vec<String> = self
            .fs
            .read_dir(&dir)
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.name.starts_with(name_part) && e.name != "__pycache__")
            .filter(|e| !e.name.starts_with('.') || name_part.starts_with('.'))
            .map(|e| format!("{dir_part}{}{}", e.name, if e.is_dir { "/" } else { "" }))
            .collect();
        out.sort();
        out
    }

    /// What a revision argument can be: `head`, `heads`, `base` and the revision ids found
    /// in the versions folder (read as text, without running the files).
    fn revision_names(&self) -> Vec<String> {
        let mut names = vec!["head".to_string(), "heads".to_string(), "base".to_string()];
        let versions = fs::join(&self.cwd, "alembic/versions");
        for e in self.fs.read_dir(&versions).unwrap_or_default() {
            if e.is_dir || !e.name.ends_with(".py") {
                continue;
            }
            let Ok(text) = self.fs.read_to_string(&fs::join(&versions, &e.name)) else {
                continue;
            };
            let id = text.lines().find_map(|l| {
                let rest = l.strip_prefix("revision")?.trim_start();
                let rest = rest
                    .strip_prefix(':')
                    .map_or(Some(rest), |r| r.split_once('=').map(|(_, v)| v))?;
                let rest = rest.trim_start().trim_start_matches('=').trim();
                let v = rest.strip_prefix(['\'', '"'])?;
                v.find(['\'', '"']).map(|end| v[..end].to_string())
            });
            names.extend(id);
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use crate::fs::{FileSystem, MemFs};
    use crate::shell::Shell;

    fn shell() -> Shell<MemFs> {
        let mut fs = MemFs::new();
        crate::project::write_project(&mut fs, "/p", crate::project::FASTAPI_TEMPLATE).unwrap();
        Shell::new(fs, "/p", "/home")
    }

    #[test]
    fn completes_programs_subcommands_flags_and_files() {
        let mut s = shell();
        assert_eq!(
            s.complete("ale").candidates,
            ["alembic", "alembic-playground"]
        );
        assert_eq!(
            s.complete("alembic up").apply("alembic up"),
            "alembic upgrade "
        );
        assert_eq!(s.complete("alembic h").candidates, ["heads", "history"]);
        assert_eq!(
            s.complete("alembic revision --auto")
                .apply("alembic revision --auto"),
            "alembic revision --autogenerate "
        );
        assert_eq!(
            s.complete("cat req").apply("cat req"),
            "cat requirements.txt "
        );
        assert_eq!(s.complete("cat app/d").apply("cat app/d"), "cat app/db/");
        assert_eq!(s.complete("cd a").candidates, ["app/"]);
        assert_eq!(s.complete("pip i").apply("pip i"), "pip install ");
        s.run_line("alembic init alembic");
        s.run_line("alembic revision -m one --rev-id 1a2b3c4d5e6f");
        assert_eq!(
            s.complete("alembic upgrade 1a").apply("alembic upgrade 1a"),
            "alembic upgrade 1a2b3c4d5e6f "
        );
        assert_eq!(
            s.complete("alembic upgrade h").candidates,
            ["head", "heads"]
        );
        assert_eq!(
            s.complete("alembic upgrade h").apply("alembic upgrade h"),
            "alembic upgrade head"
        );
        assert!(s.fs.is_file("/p/alembic.ini"));
    }
}
