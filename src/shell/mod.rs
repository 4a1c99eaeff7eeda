//! The learner's terminal: one line of shell in, an [`Output`] out.
//!
//! This plays the part bash plays on a learner's machine: it splits the line into words, runs
//! the few builtins a tutorial needs (`cd`, `echo`, `pwd`, `clear`, `help`), finds programs
//! (`alembic`, `sqlite3`) and answers `command not found` with exit 127 for anything else.
//! Programs get the words after their name, exactly as `sys.argv[1:]` would.

mod output;
mod python;

use std::collections::{BTreeMap, BTreeSet};

use crate::fs::{self, FileSystem};
use crate::{command, db};

pub use output::{Event, Output, Stream};

/// Where the browser's project lives, and what the learner's prompt shows.
pub const BROWSER_HOME: &str = "/home/learner";

/// A terminal session over a file system: the working directory, the environment and which
/// Python packages are installed (the tutorial starts with `pip install alembic`).
pub struct Shell<F: FileSystem> {
    pub fs: F,
    pub cwd: String,
    pub home: String,
    pub env: BTreeMap<String, String>,
    pub installed: BTreeSet<String>,
}

impl<F: FileSystem> Shell<F> {
    /// A session in `cwd` with Alembic and its dependencies installed.
    pub fn new(fs: F, cwd: &str, home: &str) -> Shell<F> {
        Shell {
            fs,
            cwd: cwd.to_string(),
            home: home.to_string(),
            env: BTreeMap::new(),
            installed: ["alembic", "sqlalchemy", "mako"]
                .into_iter()
                .map(String::from)
                .collect(),
        }
    }

    /// Runs one terminal line as typed, quotes and all.
    pub fn run_line(&mut self, line: &str) -> Output {
        let mut out = Output::default();
        match shlex::split(line) {
            Some(words) => out.exit_code = self.run_words(&words, &mut out),
            None => {
                let quote = unclosed_quote(line).unwrap_or('"');
                out.stderr(format!(
                    "bash: unexpected EOF while looking for matching `{quote}'\n"
                ));
                out.exit_code = 2;
            }
        }
        out
    }

    /// Runs a line that is already split into words, as the native CLI receives it.
    pub fn run_argv(&mut self, words: &[String]) -> Output {
        let mut out = Output::default();
        out.exit_code = self.run_words(words, &mut out);
        out
    }

    fn run_words(&mut self, words: &[String], out: &mut Output) -> i32 {
        let Some((program, args)) = words.split_first() else {
            return 0;
        };
        match program.as_str() {
            "alembic" if self.installed.contains("alembic") => command::main(args, out),
            "sqlite3" => self.sqlite3(args, out),
            "python" | "python3" => python::run(&self.fs, &self.cwd, &self.env, args, out),
            "echo" => echo(args, out),
            "pwd" => {
                out.stdout(format!("{}\n", self.cwd));
                0
            }
            "cd" => self.cd(args, out),
            "clear" => {
                out.events.push(Event::Clear);
                0
            }
            "help" => {
                out.stdout(HELP);
                0
            }
            _ => {
                out.stderr(format!("bash: {program}: command not found\n"));
                127
            }
        }
    }

    fn cd(&mut self, args: &[String], out: &mut Output) -> i32 {
        let target = match args {
            [] => self.home.clone(),
            [dir] => fs::join(&self.cwd, dir),
            _ => {
                out.stderr("bash: cd: too many arguments\n");
                return 1;
            }
        };
        if self.fs.is_dir(&target) {
            self.cwd = target;
            0
        } else {
            let what = if self.fs.is_file(&target) {
                "Not a directory"
            } else {
                "No such file or directory"
            };
            out.stderr(format!("bash: cd: {}: {what}\n", args[0]));
            1
        }
    }

    fn sqlite3(&mut self, args: &[String], out: &mut Output) -> i32 {
        match args {
            [flag] if flag == "-version" || flag == "--version" => {
                out.stdout(format!("{}\n", db::sqlite_version_line()));
                0
            }
            _ => {
                out.stderr(
                    "playground: this sqlite3 answers only `sqlite3 --version` so far; \
                     opening database files comes with the SQL console.\n",
                );
                1
            }
        }
    }
}

/// The quote a line leaves open, by POSIX rules: a backslash escapes outside quotes and, in
/// double quotes, before `"`, `\\`, `$` and a backquote; nothing escapes in single quotes.
fn unclosed_quote(line: &str) -> Option<char> {
    let mut open: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (open, c) {
            (None, '\\') => {
                chars.next();
            }
            (None, '\'' | '"') => open = Some(c),
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), _) if c == q => open = None,
            _ => {}
        }
    }
    open
}

/// bash's `echo`, with `-n`.
fn echo(args: &[String], out: &mut Output) -> i32 {
    let (newline, words) = match args.first() {
        Some(flag) if flag == "-n" => (false, &args[1..]),
        _ => (true, args),
    };
    let mut text = words.join(" ");
    if newline {
        text.push('\n');
    }
    out.stdout(text);
    0
}

const HELP: &str = "\
Alembic Playground: a terminal for learning Alembic 1.20.1 on SQLite.

  alembic --version      the Alembic release this playground reproduces
  sqlite3 --version      the SQLite library the database runs on
  python FILE, python -c CODE
                         run Python 3.11 code with the playground's interpreter
  cd DIR, pwd, echo      move around and print
  clear                  empty the terminal (Ctrl-L does it too)
  help                   this list
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MemFs;

    fn shell() -> Shell<MemFs> {
        let mut fs = MemFs::new();
        fs.create_dir_all("/home/learner/fastapi_template/app")
            .unwrap();
        Shell::new(fs, "/home/learner/fastapi_template", BROWSER_HOME)
    }

    #[track_caller]
    fn check(sh: &mut Shell<MemFs>, line: &str, stdout: &str, stderr: &str, exit_code: i32) {
        let out = sh.run_line(line);
        assert_eq!(
            (
                out.text(Stream::Stdout).as_str(),
                out.text(Stream::Stderr).as_str(),
                out.exit_code
            ),
            (stdout, stderr, exit_code),
            "line: {line}"
        );
    }

    #[test]
    fn unknown_command_is_127() {
        check(
            &mut shell(),
            "fastapi run",
            "",
            "bash: fastapi: command not found\n",
            127,
        );
    }

    #[test]
    fn alembic_needs_installing() {
        let mut sh = shell();
        sh.installed.clear();
        check(
            &mut sh,
            "alembic --version",
            "",
            "bash: alembic: command not found\n",
            127,
        );
    }

    #[test]
    fn builtins() {
        let mut sh = shell();
        check(&mut sh, "", "", "", 0);
        check(&mut sh, "echo 'a  b' c", "a  b c\n", "", 0);
        check(&mut sh, "echo -n hi", "hi", "", 0);
        check(&mut sh, "cd app", "", "", 0);
        check(
            &mut sh,
            "pwd",
            "/home/learner/fastapi_template/app\n",
            "",
            0,
        );
        check(
            &mut sh,
            "cd nope",
            "",
            "bash: cd: nope: No such file or directory\n",
            1,
        );
        check(&mut sh, "cd ..", "", "", 0);
        check(&mut sh, "pwd", "/home/learner/fastapi_template\n", "", 0);
        check(
            &mut sh,
            "echo 'open",
            "",
            "bash: unexpected EOF while looking for matching `''\n",
            2,
        );
        check(
            &mut sh,
            "echo \"it's",
            "",
            "bash: unexpected EOF while looking for matching `\"'\n",
            2,
        );
        assert_eq!(sh.run_line("clear").events, [Event::Clear]);
    }

    #[test]
    fn sqlite3_version() {
        let out = shell().run_line("sqlite3 --version");
        assert!(out.text(Stream::Stdout).starts_with("3.41.2 2023-03-22"));
        assert_eq!(out.exit_code, 0);
    }
}
