//! `sqlite3` in the learner's terminal: the SQLite shell over a database file in the
//! workspace, one-shot (`sqlite3 app.db ".tables" "SELECT ..."`) or as an interactive
//! `sqlite>` session. Dot commands and output modes follow SQLite 3.41's shell; writes are
//! saved back to the file after every command, as SQLite's own journal would have them.

use crate::db::{self, Database, ScriptError, TextRows};
use crate::fs::{self, FileSystem};

use super::Output;

/// The output modes this shell knows (SQLite's shell has more).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    List,
    Column,
    Box,
    Csv,
    Line,
}

/// An open database: its file, and the shell's settings.
#[derive(Clone, Debug)]
pub struct Session {
    /// The absolute path of the database file.
    path: String,
    headers: bool,
    mode: Mode,
    /// An SQL statement typed over several lines, waiting for its `;`.
    pending: String,
    /// Kept open for a session's life so that one command's changes are seen by the next.
    interactive: bool,
}

/// What running a line did to the session.
pub enum Next {
    Stay,
    Quit,
}

impl Session {
    fn new(path: String) -> Session {
        Session {
            path,
            headers: false,
            mode: Mode::List,
            pending: String::new(),
            interactive: false,
        }
    }

    /// Ctrl-C: forget a statement typed over several lines.
    pub fn interrupt(&mut self) {
        self.pending.clear();
    }

    /// The prompt an interactive session shows: a new statement, or its continuation.
    pub fn prompt(&self) -> &'static str {
        if self.pending.is_empty() {
            "sqlite>"
        } else {
            "   ...>"
        }
    }

    /// One line typed at the `sqlite>` prompt.
    pub fn run_line<F: FileSystem>(&mut self, fs: &mut F, line: &str, out: &mut Output) -> Next {
        let trimmed = line.trim();
        if self.pending.is_empty() && trimmed.starts_with('.') {
            return match self.dot(fs, trimmed, out) {
                Ok(next) => next,
                Err(()) => Next::Stay,
            };
        }
        if !self.pending.is_empty() {
            self.pending.push('\n');
        }
        self.pending.push_str(line);
        if !complete(&self.pending) {
            return Next::Stay;
        }
        let sql = std::mem::take(&mut self.pending);
        let _ = self.sql(fs, &sql, out);
        Next::Stay
    }

    /// Runs SQL against the file and prints the results; writes the file back if it changed.
    /// `Err` carries the exit status the one-shot shell ends with: 1, or the result code of a
    /// statement that failed while running (19 for a constraint).
    fn sql<F: FileSystem>(&mut self, fs: &mut F, sql: &str, out: &mut Output) -> Result<(), i32> {
        let (results, error) = match run_on_file(fs, &self.path, sql) {
            Ok(done) => done,
            Err(message) => {
                out.stderr(format!("Error: {message}\n"));
                return Err(1);
            }
        };
        for r in &results {
            self.print(r, out);
        }
        match error {
            None => Ok(()),
            Some(e) => {
                out.stderr(error_text(&e));
                Err(if e.in_prepare { 1 } else { e.code })
            }
        }
    }

    fn open_db<F: FileSystem>(&self, fs: &F) -> Result<Database, String> {
        let bytes = fs.read(&self.path).unwrap_or_default();
        Database::from_bytes(&bytes)
            .map(Database::logged)
            .map_err(|e| e.message)
    }

    /// A dot command. `Err` means it failed (the one-shot shell then stops, exit 1).
    fn dot<F: FileSystem>(&mut self, fs: &mut F, line: &str, out: &mut Output) -> Result<Next, ()> {
        let words: Vec<String> = shlex::split(&line[1..]).unwrap_or_default();
        let Some(cmd) = words.first().map(String::as_str) else {
            return Ok(Next::Stay);
        };
        let arg = words.get(1).map(String::as_str);
        match cmd {
            "quit" | "q" | "exit" => Ok(Next::Quit),
            "tables" | "table" => {
                let db = self
                    .open_db(fs)
                    .map_err(|m| out.stderr(format!("Error: {m}\n")))?;
                let pattern = arg.unwrap_or("%");
                let names = names(
                    &db,
                    "SELECT name FROM sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name LIKE ?1 ORDER BY 1",
                    pattern,
                )
                .map_err(|m| out.stderr(format!("Error: {m}\n")))?;
                columns_listing(&names, out);
                Ok(Next::Stay)
            }
            "indexes" | "indices" => {
                let db = self
                    .open_db(fs)
                    .map_err(|m| out.stderr(format!("Error: {m}\n")))?;
                let names = match arg {
                    Some(t) => names(&db, "SELECT name FROM sqlite_schema WHERE type='index' AND tbl_name LIKE ?1 ORDER BY 1", t),
                    None => names(&db, "SELECT name FROM sqlite_schema WHERE type='index' AND name LIKE ?1 ORDER BY 1", "%"),
                }
                .map_err(|m| out.stderr(format!("Error: {m}\n")))?;
                columns_listing(&names, out);
                Ok(Next::Stay)
            }
            "schema" => {
                let db = self
                    .open_db(fs)
                    .map_err(|m| out.stderr(format!("Error: {m}\n")))?;
                let filter = match arg {
                    Some(_) => "AND tbl_name LIKE ?1",
                    None => "AND ?1 = ?1",
                };
                let q = format!("SELECT sql, type, name FROM sqlite_schema WHERE sql IS NOT NULL {filter} ORDER BY rowid");
                let rows = db
                    .execute(&q, &[db::SqlValue::Text(arg.unwrap_or("%").to_string())])
                    .map(|r| r.rows)
                    .map_err(|e| out.stderr(format!("Error: {}\n", e.message)))?;
                for row in rows {
                    let text = |i: usize| match row.get(i) {
                        Some(db::SqlValue::Text(t)) => t.clone(),
                        _ => String::new(),
                    };
                    let mut sql = text(0);
                    if text(1) == "view" {
                        sql.push_str(&view_columns(&db, &text(2)));
                    }
                    out.stdout(format!("{sql};\n"));
                }
                Ok(Next::Stay)
            }
            "headers" | "header" => match arg {
                Some(value) => {
                    self.headers = boolean(value, out);
                    Ok(Next::Stay)
                }
                None => {
                    out.stderr("Usage: .headers on|off\n");
                    Err(())
                }
            },
            "mode" => {
                let mode = match arg {
                    None => {
                        out.stdout(format!("current output mode: {}\n", mode_name(self.mode)));
                        return Ok(Next::Stay);
                    }
                    Some("list") => Mode::List,
                    Some("column") => Mode::Column,
                    Some("box") => Mode::Box,
                    Some("csv") => Mode::Csv,
                    Some("line") => Mode::Line,
                    Some(other) => {
                        if [
                            "ascii", "html", "insert", "json", "markdown", "qbox", "quote",
                            "table", "tabs", "tcl",
                        ]
                        .contains(&other)
                        {
                            out.stderr(format!(
                                "playground: this sqlite3 prints list, column, box, csv and line; `.mode {other}` is not built in.\n"
                            ));
                        } else {
                            out.stderr("Error: mode should be one of: ascii box column csv html insert json line list markdown qbox quote table tabs tcl\n");
                        }
                        return Err(());
                    }
                };
                // Column-like modes turn headers on, as SQLite's shell does.
                if matches!(mode, Mode::Column | Mode::Box) {
                    self.headers = true;
                }
                self.mode = mode;
                Ok(Next::Stay)
            }
            "help" => {
                out.stdout(HELP);
                Ok(Next::Stay)
            }
            _ => {
                out.stderr(format!(
                    "Error: unknown command or invalid arguments:  \"{cmd}\". Enter \".help\" for help\n"
                ));
                Err(())
            }
        }
    }

    fn print(&self, r: &TextRows, out: &mut Output) {
        if r.columns.is_empty() {
            return;
        }
        let cell = |v: &Option<String>| v.clone().unwrap_or_default();
        match self.mode {
            Mode::List | Mode::Csv => {
                let sep = if self.mode == Mode::Csv { "," } else { "|" };
                let quote = |s: String| {
                    if self.mode == Mode::Csv && s.contains([',', '"', '\n']) {
                        format!("\"{}\"", s.replace('"', "\"\""))
                    } else {
                        s
                    }
                };
                if self.headers && !r.rows.is_empty() {
                    let h: Vec<String> = r.columns.iter().cloned().map(quote).collect();
                    out.stdout(format!("{}\n", h.join(sep)));
                }
                for row in &r.rows {
                    let cells: Vec<String> = row.iter().map(|v| quote(cell(v))).collect();
                    out.stdout(format!("{}\n", cells.join(sep)));
                }
            }
            Mode::Line => {
                let width = r
                    .columns
                    .iter()
                    .map(|c| c.chars().count())
                    .max()
                    .unwrap_or(0);
                for (i, row) in r.rows.iter().enumerate() {
                    if i > 0 {
                        out.stdout("\n");
                    }
                    for (c, v) in r.columns.iter().zip(row) {
                        out.stdout(format!("{c:>width$} = {}\n", cell(v)));
                    }
                }
            }
            Mode::Column | Mode::Box => {
                let widths: Vec<usize> = (0..r.columns.len())
                    .map(|i| {
                        r.rows
                            .iter()
                            .map(|row| cell(&row[i]).chars().count())
                            .chain([if self.headers {
                                r.columns[i].chars().count()
                            } else {
                                0
                            }])
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                let pad = |s: &str, w: usize| {
                    format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())))
                };
                if self.mode == Mode::Column {
                    if self.headers && !r.rows.is_empty() {
                        let h: Vec<String> = r
                            .columns
                            .iter()
                            .zip(&widths)
                            .map(|(c, w)| pad(c, *w))
                            .collect();
                        out.stdout(format!("{}\n", h.join("  ")));
                        let d: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                        out.stdout(format!("{}\n", d.join("  ")));
                    }
                    for row in &r.rows {
                        let cells: Vec<String> = row
                            .iter()
                            .zip(&widths)
                            .map(|(v, w)| pad(&cell(v), *w))
                            .collect();
                        out.stdout(format!("{}\n", cells.join("  ")));
                    }
                } else if !r.rows.is_empty() {
                    let line = |l: &str, m: &str, r: &str| {
                        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
                        format!("{l}{}{r}\n", parts.join(m))
                    };
                    out.stdout(line("┌", "┬", "┐"));
                    let centre = |s: &str, w: usize| {
                        let n = s.chars().count();
                        let left = (w.saturating_sub(n)) / 2;
                        format!(
                            "{}{s}{}",
                            " ".repeat(left),
                            " ".repeat(w.saturating_sub(n) - left)
                        )
                    };
                    let h: Vec<String> = r
                        .columns
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| format!(" {} ", centre(c, *w)))
                        .collect();
                    out.stdout(format!("│{}│\n", h.join("│")));
                    out.stdout(line("├", "┼", "┤"));
                    for row in &r.rows {
                        let cells: Vec<String> = row
                            .iter()
                            .zip(&widths)
                            .map(|(v, w)| format!(" {} ", pad(&cell(v), *w)))
                            .collect();
                        out.stdout(format!("│{}│\n", cells.join("│")));
                    }
                    out.stdout(line("└", "┴", "┘"));
                }
            }
        }
    }
}

const HELP: &str = "\
.exit                    Exit this program
.headers on|off          Turn display of headers on or off
.help                    Show this help
.indexes ?TABLE?         Show names of indexes
.mode MODE               Set output mode: list, column, box, csv or line
.quit                    Exit this program
.schema ?PATTERN?        Show the CREATE statements matching PATTERN
.tables ?TABLE?          List names of tables matching LIKE pattern TABLE
";

/// SQLite's shell reading an on/off setting: words, or any integer.
fn boolean(value: &str, out: &mut Output) -> bool {
    let v = value.to_ascii_lowercase();
    match v.as_str() {
        "on" | "yes" | "true" => true,
        "off" | "no" | "false" => false,
        _ => match v.parse::<i64>() {
            Ok(n) => n != 0,
            Err(_) => {
                out.stderr(format!(
                    "ERROR: Not a boolean value: \"{value}\". Assuming \"no\".\n"
                ));
                false
            }
        },
    }
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::List => "list",
        Mode::Column => "column",
        Mode::Box => "box",
        Mode::Csv => "csv",
        Mode::Line => "line",
    }
}

/// The names a schema query finds; SQLite's message when the file is not a database.
fn names(db: &Database, sql: &str, pattern: &str) -> Result<Vec<String>, String> {
    db.execute(sql, &[db::SqlValue::Text(pattern.to_string())])
        .map(|r| {
            r.rows
                .into_iter()
                .filter_map(|row| match row.into_iter().next() {
                    Some(db::SqlValue::Text(t)) => Some(t),
                    _ => None,
                })
                .collect()
        })
        .map_err(|e| e.message)
}

/// `.tables` and `.indexes` print names down columns that fit 80 characters.
fn columns_listing(names: &[String], out: &mut Output) {
    if names.is_empty() {
        return;
    }
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let cols = (80 / (width + 2)).max(1);
    let rows = names.len().div_ceil(cols);
    for i in 0..rows {
        let mut line = String::new();
        let mut j = i;
        while j < names.len() {
            if j >= rows {
                line.push_str("  ");
            }
            line.push_str(&format!("{:<width$}", names[j]));
            j += rows;
        }
        out.stdout(format!("{line}\n"));
    }
}

/// The `/* name(col,...) */` comment SQLite's shell adds after a view's SQL.
fn view_columns(db: &Database, view: &str) -> String {
    let cols = db
        .execute(
            &format!("PRAGMA table_info(\"{}\")", view.replace('"', "\"\"")),
            &[],
        )
        .map(|r| {
            r.rows
                .into_iter()
                .filter_map(|row| match row.get(1) {
                    Some(db::SqlValue::Text(t)) => Some(t.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let quote = |c: &String| {
        let plain = c
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_alphabetic() || ch == '_')
            && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_');
        if plain {
            c.clone()
        } else {
            format!("\"{}\"", c.replace('"', "\"\""))
        }
    };
    let list: Vec<String> = cols.iter().map(quote).collect();
    format!("\n/* {view}({}) */", list.join(","))
}

fn is_empty_db(db: &Database) -> bool {
    db.query_strings("SELECT count(*) FROM sqlite_schema")
        .ok()
        .and_then(|r| r.into_iter().next())
        .and_then(|r| r.into_iter().next())
        .is_some_and(|n| n == "0")
}

/// Whether `sql` ends a statement: its last non-blank character is a `;` outside quotes and
/// comments.
fn complete(sql: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut last = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                if c == q {
                    quote = None;
                }
                continue;
            }
            None => match c {
                '\'' | '"' | '`' => quote = Some(c),
                '[' => quote = Some(']'),
                '-' if chars.peek() == Some(&'-') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                    continue;
                }
                _ => {}
            },
        }
        if !c.is_whitespace() {
            last = Some(c);
        }
    }
    quote.is_none() && last == Some(';')
}

/// The shell's error text: `Error: in prepare, <message>`, with the statement and a caret
/// under the error when SQLite knows where it is.
/// Runs SQL against a database file as one `sqlite3 FILE "SQL"` does, and writes the file
/// back by the same rule (only if it changed, and never an empty database over an empty
/// file). The UI's SQL console calls this too, so its writes land exactly as the terminal's.
/// `Err` is a file SQLite cannot open, in `sqlite3_errmsg`'s words.
pub fn run_on_file<F: FileSystem>(
    fs: &mut F,
    path: &str,
    sql: &str,
) -> Result<(Vec<TextRows>, Option<ScriptError>), String> {
    let before = fs.read(path).unwrap_or_default();
    let db = Database::from_bytes(&before)
        .map_err(|e| e.message)?
        .logged();
    let (results, error) = db.run_script(sql);
    if let Ok(after) = db.to_bytes() {
        // Asked of an unlogged copy: the check is ours, not a statement the learner ran.
        let still_empty = || Database::from_bytes(&after).is_ok_and(|copy| is_empty_db(&copy));
        if after != before && !(before.is_empty() && still_empty()) {
            let _ = fs.write(path, &after);
        }
    }
    Ok((results, error))
}

/// A failed statement as the shell prints it (`Error: in prepare, ...` with a caret).
pub fn error_text(e: &ScriptError) -> String {
    if !e.in_prepare {
        return format!("Error: stepping, {} ({})\n", e.message, e.code);
    }
    let mut text = format!("Error: in prepare, {}\n", e.message);
    if let Some((offset, sql)) = &e.at {
        let line_start = sql[..(*offset).min(sql.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = sql[line_start..]
            .find('\n')
            .map_or(sql.len(), |i| line_start + i);
        let col = sql[line_start..(*offset).min(sql.len())].chars().count();
        text.push_str(&format!(
            "  {}\n  {}^--- error here\n",
            &sql[line_start..line_end],
            " ".repeat(col)
        ));
    }
    text
}

/// `sqlite3 [OPTIONS] [FILE] [SQL-or-dot-command ...]`. Without commands, it opens an
/// interactive session, which the shell keeps until `.quit`.
pub fn run<F: FileSystem>(
    fs: &mut F,
    cwd: &str,
    args: &[String],
    out: &mut Output,
) -> (i32, Option<Session>) {
    let mut headers = None;
    let mut mode = None;
    let mut rest: Vec<&String> = Vec::new();
    for a in args {
        match a.as_str() {
            "-version" | "--version" if rest.is_empty() => {
                out.stdout(format!("{}\n", db::sqlite_version_line()));
                return (0, None);
            }
            "-header" | "--header" => headers = Some(true),
            "-noheader" | "--noheader" => headers = Some(false),
            "-column" | "--column" => mode = Some(Mode::Column),
            "-box" | "--box" => mode = Some(Mode::Box),
            "-csv" | "--csv" => mode = Some(Mode::Csv),
            "-line" | "--line" => mode = Some(Mode::Line),
            "-list" | "--list" => mode = Some(Mode::List),
            o if o.starts_with('-') && rest.is_empty() => {
                out.stderr(format!(
                    "sqlite3: Error: unknown option: {o}\nUse -help for a list of options.\n"
                ));
                return (1, None);
            }
            _ => rest.push(a),
        }
    }
    let Some(file) = rest.first() else {
        out.stderr("playground: give sqlite3 a database file from the project, for example `sqlite3 app.db`.\n");
        return (1, None);
    };
    let path = fs::join(cwd, file);
    if fs.is_dir(&path) {
        out.stderr(format!(
            "Error: unable to open database \"{file}\": unable to open database file\n"
        ));
        return (1, None);
    }
    let mut session = Session::new(path.clone());
    if let Some(m) = mode {
        session.mode = m;
        session.headers = matches!(m, Mode::Column | Mode::Box);
    }
    if let Some(h) = headers {
        session.headers = h;
    }
    // SQLite creates the file when it opens it, empty until something is written.
    if !fs.is_file(&path) {
        let _ = fs.write(&path, b"");
    }
    if rest.len() == 1 {
        session.interactive = true;
        out.stdout(format!(
            "SQLite version {}\nEnter \".help\" for usage hints.\n",
            db::sqlite_version_line()
                .rsplit_once(' ')
                .map_or("", |(v, _)| v)
        ));
        return (0, Some(session));
    }
    for command in &rest[1..] {
        let status = if command.trim_start().starts_with('.') {
            match session.dot(fs, command.trim(), out) {
                Ok(Next::Quit) => return (0, None),
                Ok(Next::Stay) => 0,
                Err(()) => 1,
            }
        } else {
            session.sql(fs, command, out).err().unwrap_or(0)
        };
        if status != 0 {
            return (status, None);
        }
    }
    (0, None)
}

#[cfg(test)]
mod tests {
    use crate::fs::{FileSystem, MemFs};
    use crate::shell::{Shell, Stream};

    #[test]
    fn a_file_that_is_not_a_database_fails_dot_commands_as_sqlite3_does() {
        // As sqlite3 prints for a file with a database's header and nothing valid after it:
        // the schema commands fail with SQLite's own message and exit 1; `SELECT 1` works.
        let mut fs = MemFs::new();
        fs.create_dir_all("/p").unwrap();
        let mut bytes = b"SQLite format 3\0".to_vec();
        bytes.extend([b'A'; 4000]);
        fs.write("/p/app.db", &bytes).unwrap();
        let mut shell = Shell::new(fs, "/p", "/home");
        for dot in [".tables", ".indexes", ".schema"] {
            let out = shell.run_line(&format!("sqlite3 app.db {dot}"));
            assert_eq!(
                out.text(Stream::Stderr),
                "Error: file is not a database\n",
                "{dot}"
            );
            assert_eq!(out.exit_code, 1, "{dot}");
        }
        let out = shell.run_line("sqlite3 app.db \"select 1\"");
        assert_eq!(
            (out.text(Stream::Stdout).as_str(), out.exit_code),
            ("1\n", 0)
        );
    }

    #[test]
    fn an_interactive_session_keeps_the_terminal_until_quit() {
        let mut fs = MemFs::new();
        fs.create_dir_all("/p").unwrap();
        let mut shell = Shell::new(fs, "/p", "/home");
        let out = shell.run_line("sqlite3 app.db");
        assert!(out
            .text(Stream::Stdout)
            .starts_with("SQLite version 3.41.2 "));
        assert_eq!(shell.program_prompt(), Some("sqlite>"));
        shell.run_line("CREATE TABLE t (x INTEGER,");
        assert_eq!(
            shell.program_prompt(),
            Some("   ...>"),
            "a statement continues until its ;"
        );
        shell.run_line("  y TEXT);");
        shell.run_line("INSERT INTO t VALUES (1, 'a;b');");
        assert_eq!(
            shell.run_line("SELECT * FROM t;").text(Stream::Stdout),
            "1|a;b\n"
        );
        let err = shell.run_line("SELECT nope FROM t;");
        assert!(err
            .text(Stream::Stderr)
            .starts_with("Error: in prepare, no such column: nope"));
        assert_eq!(
            shell.program_prompt(),
            Some("sqlite>"),
            "an error keeps the session"
        );
        shell.run_line(".quit");
        assert_eq!(shell.program_prompt(), None);
        assert_eq!(
            shell
                .run_line("sqlite3 app.db \"SELECT y FROM t\"")
                .text(Stream::Stdout),
            "a;b\n",
            "the writes were saved"
        );
    }

    #[test]
    fn reals_print_as_sqlite_prints_them() {
        for (v, want) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e20, "1.0e+20"),
            (2.5, "2.5"),
            (1.0 / 3.0, "0.333333333333333"),
            (-1e-5, "-1.0e-05"),
            (123456789012345.0, "123456789012345.0"),
            (1e15, "1.0e+15"),
        ] {
            assert_eq!(crate::db::real_text(v), want, "{v}");
        }
    }
}
