//! The learner's terminal: one line of shell in, an [`Output`] out.
//!
//! This plays the part bash plays on a learner's machine: it splits the line into words, runs
//! the few builtins a tutorial needs (`cd`, `echo`, `pwd`, `clear`, `help`), finds programs
//! (`alembic`, `sqlite3`) and answers `command not found` with exit 127 for anything else.
//! Programs get the words after their name, exactly as `sys.argv[1:]` would.

mod complete;
mod output;
mod pip;
mod python;
pub mod sqlite3;
mod tools;

use std::collections::{BTreeMap, BTreeSet};

use crate::command;
use crate::fs::{self, FileSystem};

pub use complete::Completion;
pub use output::{Event, Live, Output, Stream};

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
    /// The clock seam: revision dates and ids.
    pub clock: Box<dyn crate::clock::Clock>,
    /// An interactive `sqlite3` session, which takes the lines until `.quit`.
    pub sqlite: Option<sqlite3::Session>,
    /// Warn before a downgrade that drops data (off in the scratch shells that find out).
    pub warn_downgrades: bool,
}

impl<F: FileSystem> Shell<F> {
    /// A session in `cwd` with Alembic and its dependencies installed.
    pub fn new(fs: F, cwd: &str, home: &str) -> Shell<F> {
        Shell {
            fs,
            cwd: cwd.to_string(),
            home: home.to_string(),
            env: BTreeMap::new(),
            installed: [
                "alembic",
                "sqlalchemy",
                "mako",
                "markupsafe",
                "typing_extensions",
            ]
            .into_iter()
            .map(String::from)
            .collect(),
            clock: Box::new(crate::clock::FixedClock::new()),
            sqlite: None,
            warn_downgrades: true,
        }
    }

    /// The prompt of the program reading the terminal, when it is not bash.
    pub fn program_prompt(&self) -> Option<&'static str> {
        self.sqlite.as_ref().map(sqlite3::Session::prompt)
    }

    /// Runs one terminal line as typed, quotes and all.
    pub fn run_line(&mut self, line: &str) -> Output {
        self.run_line_live(line, None)
    }

    /// [`run_line`](Self::run_line), with every write also handed to `live` as it is made.
    pub fn run_line_live(&mut self, line: &str, live: Option<Live>) -> Output {
        let (mut out, log) = crate::db::record(|| self.run_line_unlogged(line, live));
        out.sql_log = log;
        out.live = None;
        out
    }

    fn run_line_unlogged(&mut self, line: &str, live: Option<Live>) -> Output {
        let mut out = Output {
            live,
            ..Output::default()
        };
        if let Some(mut session) = self.sqlite.take() {
            if let sqlite3::Next::Stay = session.run_line(&mut self.fs, line, &mut out) {
                self.sqlite = Some(session);
            }
            return out;
        }
        match shlex::split(line) {
            Some(mut words) => {
                // Parameter expansion, as bash does for unquoted and double-quoted words; a
                // line with single quotes is left alone rather than expanded wrongly.
                if !line.contains('\'') {
                    words = words.iter().map(|w| self.expand(w)).collect();
                }
                out.exit_code = self.run_words(&words, &mut out)
            }
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

    /// The FastAPI project's virtualenv before the chapter's `pip install alembic`: SQLAlchemy
    /// is there (the project uses it); Alembic, and what only Alembic needs, are not.
    pub fn without_alembic(&mut self) {
        for pkg in ["alembic", "mako", "markupsafe"] {
            self.installed.remove(pkg);
        }
    }

    /// Runs a line that is already split into words, as the native CLI receives it.
    pub fn run_argv(&mut self, words: &[String]) -> Output {
        let mut out = Output::default();
        let (code, log) = crate::db::record(|| self.run_words(words, &mut out));
        out.exit_code = code;
        out.sql_log = log;
        out
    }

    fn run_words(&mut self, words: &[String], out: &mut Output) -> i32 {
        let Some((program, args)) = words.split_first() else {
            return 0;
        };
        match program.as_str() {
            "alembic" if self.installed.contains("alembic") => {
                let downgrading = args.iter().any(|a| a == "downgrade")
                    && !args
                        .iter()
                        .any(|a| a == "--sql" || a == "-h" || a == "--help");
                if downgrading && self.warn_downgrades {
                    if let Some(w) =
                        crate::reversible::downgrade_warning(&self.fs, &self.cwd, &self.env, args)
                    {
                        out.stdout(w);
                    }
                }
                let mut env = command::Env {
                    fs: &mut self.fs,
                    cwd: self.cwd.clone(),
                    vars: &self.env,
                    clock: &mut *self.clock,
                    command: "",
                    live: out.live.clone(),
                };
                command::with_packages(&self.installed, || command::main(args, &mut env, out))
            }
            "alembic-playground" => match args.first().map(String::as_str) {
                Some("check-reversible") => {
                    let result = crate::reversible::check(&self.fs, &self.cwd, &self.env);
                    let (text, ok) = crate::reversible::report(&result);
                    if result.is_ok() {
                        out.stdout(text);
                    } else {
                        out.stderr(text);
                    }
                    if ok {
                        0
                    } else {
                        1
                    }
                }
                _ => {
                    out.stderr("usage: alembic-playground check-reversible\n\nThe playground's own commands: check-reversible runs each revision's downgrade and upgrade on a scratch copy and reports what does not round-trip.\n");
                    2
                }
            },
            "sqlite3" => {
                let (status, session) = sqlite3::run(&mut self.fs, &self.cwd, args, out);
                self.sqlite = session;
                status
            }
            "python" | "python3" => python::run(program, &self.fs, &self.cwd, &self.env, args, out),
            "echo" => echo(args, out),
            "ls" => self.ls(args, out),
            "pip" | "pip3" => pip::run(&self.fs, &self.cwd, &mut self.installed, args, out),
            "cat" => self.cat(args, out),
            "tree" => tools::tree(&self.fs, &self.cwd, args, out),
            "env" if args.is_empty() => tools::env(&self.home, &self.cwd, &self.env, out),
            "pwd" => {
                out.stdout(format!("{}\n", self.cwd));
                0
            }
            "cd" => self.cd(args, out),
            "export" => self.export(args, out),
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

    /// `export NAME=value ...`; `export NAME` alone keeps a variable as it is.
    fn export(&mut self, args: &[String], out: &mut Output) -> i32 {
        let mut status = 0;
        for arg in args {
            let (name, value) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (arg.as_str(), None),
            };
            let valid = name
                .chars()
                .next()
                .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
                && name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
            if !valid {
                out.stderr(format!("bash: export: `{arg}': not a valid identifier\n"));
                status = 1;
                continue;
            }
            if let Some(value) = value {
                self.env.insert(name.to_string(), value.to_string());
            }
        }
        status
    }

    /// `$NAME`, `${NAME}` and `$(pwd)` in a word, as the tutorial's
    /// `export PYTHONPATH=$PYTHONPATH:$(pwd)` uses them.
    fn expand(&self, word: &str) -> String {
        let mut out = String::new();
        let mut rest = word;
        while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            rest = &rest[i + 1..];
            if let Some(after) = rest.strip_prefix("(pwd)") {
                out.push_str(&self.cwd);
                rest = after;
            } else if let Some(after) = rest.strip_prefix('{') {
                let end = after.find('}').unwrap_or(after.len());
                out.push_str(
                    self.env
                        .get(&after[..end])
                        .map(String::as_str)
                        .unwrap_or(""),
                );
                rest = after.get(end + 1..).unwrap_or("");
            } else {
                let end = rest
                    .find(|c: char| !(c == '_' || c.is_ascii_alphanumeric()))
                    .unwrap_or(rest.len());
                if end == 0 {
                    out.push('$');
                } else {
                    out.push_str(self.env.get(&rest[..end]).map(String::as_str).unwrap_or(""));
                }
                rest = &rest[end..];
            }
        }
        out.push_str(rest);
        out
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
impl<F: FileSystem> Shell<F> {
    /// `ls [-a] [-1] [PATH...]`: names one per line, as `ls` prints them when its output is
    /// not a terminal, in the C locale's byte order.
    fn ls(&mut self, args: &[String], out: &mut Output) -> i32 {
        let mut all = false;
        let mut paths: Vec<&String> = Vec::new();
        for a in args {
            match a.as_str() {
                "-1" => {}
                "-a" | "-A" => all = true,
                "-la" | "-al" | "-l" => {
                    out.stderr("playground: `ls -l` shows sizes and dates this terminal does not keep; use `ls`.\n");
                    return 2;
                }
                _ => paths.push(a),
            }
        }
        let targets: Vec<String> = if paths.is_empty() {
            vec![".".to_string()]
        } else {
            paths.iter().map(|p| p.to_string()).collect()
        };
        let mut status = 0;
        let several = targets.len() > 1;
        let mut first = true;
        for t in &targets {
            let full = fs::join(&self.cwd, t);
            if self.fs.is_file(&full) {
                out.stdout(format!("{t}\n"));
                continue;
            }
            match self.fs.read_dir(&full) {
                Ok(entries) => {
                    if several {
                        if !first {
                            out.stdout("\n");
                        }
                        out.stdout(format!("{t}:\n"));
                    }
                    first = false;
                    let mut names: Vec<String> = entries
                        .into_iter()
                        .map(|e| e.name)
                        .filter(|n| all || !n.starts_with('.'))
                        .collect();
                    if all {
                        names.push(".".into());
                        names.push("..".into());
                    }
                    names.sort();
                    for n in names {
                        out.stdout(format!("{n}\n"));
                    }
                }
                Err(_) => {
                    out.stderr(format!(
                        "ls: cannot access '{t}': No such file or directory\n"
                    ));
                    status = 2;
                }
            }
        }
        status
    }

    /// `cat FILE...`.
    fn cat(&mut self, args: &[String], out: &mut Output) -> i32 {
        let mut status = 0;
        for a in args {
            let full = fs::join(&self.cwd, a);
            if self.fs.is_dir(&full) {
                out.stderr(format!("cat: {a}: Is a directory\n"));
                status = 1;
                continue;
            }
            match self.fs.read(&full) {
                Ok(bytes) => out.stdout(String::from_utf8_lossy(&bytes).into_owned()),
                Err(_) => {
                    out.stderr(format!("cat: {a}: No such file or directory\n"));
                    status = 1;
                }
            }
        }
        status
    }
}

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

  pip install alembic    install Alembic (built into the page; there is no network)
  pip list, pip freeze   what is installed
  alembic ...            Alembic's command line: init, revision, upgrade, downgrade,
                         history, current, check, ... (alembic --help lists them)
  sqlite3 app.db         the SQLite shell on the project's database (.tables, .schema,
                         SQL; .quit to leave); or sqlite3 app.db \".tables\" for one command
  python FILE, python -c CODE
                         run Python 3.11 code with the playground's interpreter
  ls, cat FILE           list folders and print files
  cd DIR, pwd, echo      move around and print
  export NAME=value      set an environment variable (PYTHONPATH, DATABASE_URL, ...)
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
    fn export_and_expansion() {
        let mut sh = shell();
        check(&mut sh, "export PYTHONPATH=$PYTHONPATH:$(pwd)", "", "", 0);
        check(
            &mut sh,
            "echo $PYTHONPATH",
            ":/home/learner/fastapi_template\n",
            "",
            0,
        );
        check(&mut sh, "echo '$PYTHONPATH'", "$PYTHONPATH\n", "", 0);
        check(
            &mut sh,
            "export 1X=2",
            "",
            "bash: export: `1X=2': not a valid identifier\n",
            1,
        );
        sh.fs
            .write("/home/learner/fastapi_template/app/__init__.py", b"")
            .unwrap();
        sh.fs
            .write(
                "/home/learner/fastapi_template/app/config.py",
                b"import os\nURL = os.getenv('DATABASE_URL', 'sqlite:///./app.db')\n",
            )
            .unwrap();
        check(&mut sh, "export DATABASE_URL=sqlite:///./dev.db", "", "", 0);
        check(&mut sh, "cd app", "", "", 0);
        // The project root is on the path only through PYTHONPATH once we leave it.
        check(
            &mut sh,
            "python -c 'import app.config as c; print(c.URL)'",
            "sqlite:///./dev.db\n",
            "",
            0,
        );
        check(&mut sh, "export PYTHONPATH=", "", "", 0);
        check(
            &mut sh,
            "python -c 'import app.config'",
            "",
            "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'app'\n",
            1,
        );
    }

    #[test]
    fn match_statements_are_refused_not_misread() {
        let mut sh = shell();
        sh.fs
            .write(
                "/home/learner/fastapi_template/m.py",
                b"match = 1\nmatch match:\n    case 1:\n        print('one')\n",
            )
            .unwrap();
        check(
            &mut sh,
            "python m.py",
            "",
            "  File \"/home/learner/fastapi_template/m.py\", line 2\n    match match:\n    ^^^^^^^^^^^^\nSyntaxError: 'match' statements are not supported in the playground\n",
            1,
        );
    }

    #[test]
    fn sqlite3_version() {
        let out = shell().run_line("sqlite3 --version");
        assert!(out.text(Stream::Stdout).starts_with("3.41.2 2023-03-22"));
        assert_eq!(out.exit_code, 0);
    }
}
