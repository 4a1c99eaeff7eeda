//! The database seam: the only module that names rusqlite.
//!
//! Natively and in the browser this is the same code over the same SQLite 3.41.2 amalgamation
//! (see ARCHITECTURE.md, "Which SQLite"); in the browser, rusqlite runs on sqlite-wasm-rs with
//! its in-memory VFS. Errors carry SQLite's own message (`sqlite3_errmsg`), which is what
//! Python's `sqlite3` module and therefore Alembic show, not rusqlite's decorated `Display`.

use std::ffi::CStr;
use std::fmt;

/// A failure reported by SQLite, worded as `sqlite3_errmsg` words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbError {
    pub message: String,
    pub kind: DbErrorKind,
}

/// Which `sqlite3` exception Python raises for a failure: constraint violations are
/// `IntegrityError`, misuse of the API is `ProgrammingError`, everything else from SQLite
/// itself is `OperationalError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbErrorKind {
    Operational,
    Integrity,
    Programming,
}

impl DbErrorKind {
    pub fn class_name(self) -> &'static str {
        match self {
            DbErrorKind::Operational => "OperationalError",
            DbErrorKind::Integrity => "IntegrityError",
            DbErrorKind::Programming => "ProgrammingError",
        }
    }
}

/// A value SQLite stores or returns.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// What a statement returned: its column names and rows (empty for statements without rows).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<SqlValue>>,
    /// Rows changed by an INSERT, UPDATE or DELETE.
    pub changed: usize,
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(err: rusqlite::Error) -> DbError {
        let kind = match &err {
            rusqlite::Error::SqliteFailure(code, _)
                if code.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                DbErrorKind::Integrity
            }
            rusqlite::Error::MultipleStatement => DbErrorKind::Programming,
            _ => DbErrorKind::Operational,
        };
        let message = match err {
            rusqlite::Error::SqliteFailure(code, None) => code.to_string(),
            rusqlite::Error::SqliteFailure(_, Some(msg)) => msg,
            rusqlite::Error::SqlInputError { msg, .. } => msg,
            // Python's sqlite3 refuses a second statement in `execute` with this text.
            rusqlite::Error::MultipleStatement => {
                "You can only execute one statement at a time.".to_string()
            }
            other => other.to_string(),
        };
        DbError { message, kind }
    }
}

/// An open SQLite database.
pub struct Database {
    conn: std::cell::RefCell<rusqlite::Connection>,
    /// Statements go to the SQL log ([`record`]): set on the learner's own database files,
    /// never on the scratch copies the panels and checks read.
    logged: bool,
}

/// How every SQLite database file begins (its file format's magic string).
pub const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// One statement a command ran against a database, for the SQL log the UI shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedStatement {
    pub sql: String,
    /// The bound parameters, each as an SQL literal (`'ada'`, `1`, `NULL`).
    pub params: Vec<String>,
    /// SQLite's message when the statement failed.
    pub error: Option<String>,
}

// The SQL log is a stack of frames, one per [`record`] call: a scratch shell run inside a
// command (the downgrade warning, the reversibility check) records into its own frame, so
// its statements never reach the learner's log. A thread-local rather than a parameter
// because statements reach the database through the evaluator, the migration context and
// the sqlite3 shell, none of which should carry a log they do not read.
thread_local! {
    static SQL_LOG: std::cell::RefCell<Vec<Vec<LoggedStatement>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` and returns, with its result, every statement it ran against a logged
/// [`Database`], in order. Nothing is printed: hosts decide whether to show the log.
pub fn record<T>(f: impl FnOnce() -> T) -> (T, Vec<LoggedStatement>) {
    // Pops the frame even if `f` unwinds, so a later command's log starts clean.
    struct Frame(usize);
    impl Drop for Frame {
        fn drop(&mut self) {
            let _ = SQL_LOG.try_with(|log| log.borrow_mut().truncate(self.0));
        }
    }
    let depth = SQL_LOG.with(|log| {
        let mut log = log.borrow_mut();
        log.push(Vec::new());
        log.len() - 1
    });
    let frame = Frame(depth);
    let value = f();
    let statements = SQL_LOG.with(|log| log.borrow_mut().get_mut(depth).map(std::mem::take));
    drop(frame);
    (value, statements.unwrap_or_default())
}

/// An SQL literal for a bound value, as the log shows parameters.
fn literal(value: &SqlValue) -> String {
    match value {
        SqlValue::Null => "NULL".into(),
        SqlValue::Integer(n) => n.to_string(),
        SqlValue::Real(x) => real_text(*x),
        SqlValue::Text(t) => format!("'{}'", t.replace('\'', "''")),
        SqlValue::Blob(b) => {
            let hex: String = b.iter().map(|byte| format!("{byte:02X}")).collect();
            format!("X'{hex}'")
        }
    }
}

impl Database {
    /// A private in-memory database, as `sqlite3` opens with no file name.
    pub fn open_in_memory() -> Result<Database, DbError> {
        Ok(Database {
            conn: std::cell::RefCell::new(rusqlite::Connection::open_in_memory()?),
            logged: false,
        })
    }

    /// This database's statements go to the SQL log: for the learner's own files (what
    /// env.py's engine and the sqlite3 shell open), not for copies read behind the scenes.
    pub fn logged(mut self) -> Database {
        self.logged = true;
        self
    }

    /// Adds a statement to the innermost [`record`] frame, if this database is logged.
    fn log(&self, sql: &str, params: &[SqlValue], error: Option<&str>) {
        if !self.logged {
            return;
        }
        let _ = SQL_LOG.try_with(|log| {
            if let Some(frame) = log.borrow_mut().last_mut() {
                frame.push(LoggedStatement {
                    sql: sql.trim().to_string(),
                    params: params.iter().map(literal).collect(),
                    error: error.map(String::from),
                });
            }
        });
    }

    /// A database file's bytes, opened in memory: how both hosts keep a learner's `app.db`
    /// in the file-system seam. Empty bytes are a new, empty database (as SQLite treats an
    /// empty file).
    pub fn from_bytes(bytes: &[u8]) -> Result<Database, DbError> {
        let db = Database::open_in_memory()?;
        if !bytes.is_empty() {
            db.conn.borrow_mut().deserialize_read_exact(
                rusqlite::MAIN_DB,
                bytes,
                bytes.len(),
                false,
            )?;
        }
        Ok(db)
    }

    /// The database file's bytes, to write back through the file-system seam. An empty
    /// database serializes to no bytes, as SQLite leaves a 0-byte file.
    pub fn to_bytes(&self) -> Result<Vec<u8>, DbError> {
        let mut conn = self.conn.borrow_mut();
        let data = conn.serialize(rusqlite::MAIN_DB)?;
        Ok(data.to_vec())
    }

    /// Runs one or more statements with no results, stopping at the first failure
    /// (statements before it stay applied, as with `sqlite3_exec`).
    pub fn execute_batch(&self, sql: &str) -> Result<(), DbError> {
        let result = self.conn.borrow().execute_batch(sql).map_err(DbError::from);
        self.log(sql, &[], result.as_ref().err().map(|e| e.message.as_str()));
        result
    }

    /// Runs one statement with positional parameters (`?`), as Python's
    /// `cursor.execute(sql, params)` does, and returns its rows.
    pub fn execute(&self, sql: &str, params: &[SqlValue]) -> Result<Rows, DbError> {
        let result = self.execute_unlogged(sql, params);
        self.log(
            sql,
            params,
            result.as_ref().err().map(|e| e.message.as_str()),
        );
        result
    }

    fn execute_unlogged(&self, sql: &str, params: &[SqlValue]) -> Result<Rows, DbError> {
        let conn = self.conn.borrow();
        let mut stmt = conn.prepare(sql)?;
        let columns: Vec<String> = stmt.column_names().map(|c| c.to_string()).collect();
        let expected = stmt.parameter_count();
        if expected != params.len() {
            return Err(DbError {
                message: format!(
                    "Incorrect number of bindings supplied. The current statement uses {expected}, and there are {} supplied.",
                    params.len()
                ),
                kind: DbErrorKind::Programming,
            });
        }
        for (i, p) in params.iter().enumerate() {
            let value = match p {
                SqlValue::Null => rusqlite::types::Value::Null,
                SqlValue::Integer(n) => rusqlite::types::Value::Integer(*n),
                SqlValue::Real(x) => rusqlite::types::Value::Real(*x),
                SqlValue::Text(t) => rusqlite::types::Value::Text(t.clone()),
                SqlValue::Blob(b) => rusqlite::types::Value::Blob(b.clone()),
            };
            stmt.raw_bind_parameter(i + 1, value)?;
        }
        let mut out = Rows {
            columns,
            ..Rows::default()
        };
        let n = out.columns.len();
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => SqlValue::Null,
                    rusqlite::types::ValueRef::Integer(n) => SqlValue::Integer(n),
                    rusqlite::types::ValueRef::Real(x) => SqlValue::Real(x),
                    rusqlite::types::ValueRef::Text(t) => {
                        SqlValue::Text(String::from_utf8_lossy(t).into_owned())
                    }
                    rusqlite::types::ValueRef::Blob(b) => SqlValue::Blob(b.to_vec()),
                });
            }
            out.rows.push(values);
        }
        drop(rows);
        out.changed = conn.changes() as usize;
        Ok(out)
    }

    /// No transaction is open (SQLite's autocommit mode).
    pub fn is_autocommit(&self) -> bool {
        self.conn.borrow().is_autocommit()
    }

    /// Runs a query and returns every row with each value rendered as SQLite's shell does
    /// in its default list mode (`NULL` as an empty string).
    pub fn query_strings(&self, sql: &str) -> Result<Vec<Vec<String>>, DbError> {
        let result = self.query_strings_unlogged(sql).map_err(DbError::from);
        self.log(sql, &[], result.as_ref().err().map(|e| e.message.as_str()));
        result
    }

    fn query_strings_unlogged(&self, sql: &str) -> Result<Vec<Vec<String>>, rusqlite::Error> {
        let conn = self.conn.borrow();
        let mut stmt = conn.prepare(sql)?;
        let n_columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        let mut res = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(n_columns);
            for i in 0..n_columns {
                values.push(match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => String::new(),
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    rusqlite::types::ValueRef::Real(x) => x.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
                });
            }
            res.push(values);
        }
        Ok(res)
    }
}

/// One statement's result as the `sqlite3` shell prints it: column names, and each value as
/// the text `sqlite3_column_text` gives (`None` for NULL).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextRows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
}

/// A statement that failed in a script, with where SQLite says the error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    pub message: String,
    /// Byte offset of the error in the failing statement's text, and that text.
    pub at: Option<(usize, String)>,
    /// The failure was in preparing the statement (syntax, unknown table), not running it.
    pub in_prepare: bool,
    /// SQLite's primary result code (19 for a constraint).
    pub code: i32,
}

impl Database {
    /// Runs `sql` statement by statement, as the `sqlite3` shell does, stopping at the first
    /// error: the results before it, and the error.
    pub fn run_script(&self, sql: &str) -> (Vec<TextRows>, Option<ScriptError>) {
        let conn = self.conn.borrow();
        let mut results = Vec::new();
        use fallible_iterator::FallibleIterator;
        let mut batch = rusqlite::Batch::new(&conn, sql);
        loop {
            let mut stmt = match batch.next() {
                Ok(Some(stmt)) => stmt,
                Ok(None) => return (results, None),
                Err(e) => {
                    let at = match &e {
                        rusqlite::Error::SqlInputError { offset, sql, .. } if *offset >= 0 => {
                            Some((*offset as usize, sql.clone()))
                        }
                        _ => None,
                    };
                    let code = primary_code(&e);
                    let message = DbError::from(e).message;
                    if let Some((_, text)) = &at {
                        self.log(text, &[], Some(&message));
                    }
                    return (
                        results,
                        Some(ScriptError {
                            message,
                            at,
                            in_prepare: true,
                            code,
                        }),
                    );
                }
            };
            let text = stmt.expanded_sql().unwrap_or_default();
            let columns: Vec<String> = stmt.column_names().map(String::from).collect();
            let n = columns.len();
            let mut out = TextRows {
                columns,
                rows: Vec::new(),
            };
            let step = (|| -> Result<(), rusqlite::Error> {
                let mut rows = stmt.raw_query();
                while let Some(row) = rows.next()? {
                    let mut values = Vec::with_capacity(n);
                    for i in 0..n {
                        values.push(match row.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => None,
                            rusqlite::types::ValueRef::Integer(v) => Some(v.to_string()),
                            rusqlite::types::ValueRef::Real(v) => Some(real_text(v)),
                            rusqlite::types::ValueRef::Text(t)
                            | rusqlite::types::ValueRef::Blob(t) => {
                                Some(String::from_utf8_lossy(t).into_owned())
                            }
                        });
                    }
                    out.rows.push(values);
                }
                Ok(())
            })();
            if let Err(e) = step {
                let code = primary_code(&e);
                let message = DbError::from(e).message;
                self.log(&text, &[], Some(&message));
                return (
                    results,
                    Some(ScriptError {
                        message,
                        at: None,
                        in_prepare: false,
                        code,
                    }),
                );
            }
            self.log(&text, &[], None);
            results.push(out);
        }
    }
}

fn primary_code(e: &rusqlite::Error) -> i32 {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => f.extended_code & 0xff,
        rusqlite::Error::SqlInputError { error, .. } => error.extended_code & 0xff,
        _ => 1,
    }
}

/// A REAL as SQLite writes it as text (`printf("%!.15g")`): 15 significant digits, and
/// always a decimal point (`3.0`, `1.0e+20`).
pub fn real_text(v: f64) -> String {
    if v.is_nan() {
        return String::new();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Round to 15 significant digits first; the exponent decides fixed or scientific.
    let sci = format!("{v:.14e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if negative { "-" } else { "" };
    if !(-4..15).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}.{rest}e{esign}{:02}", exp.abs());
    }
    let point = exp + 1;
    let text = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if (point as usize) >= digits.len() {
        format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{int}.{frac}")
    };
    format!("{sign}{text}")
}

/// The linked SQLite's version, `sqlite3_libversion()`: `3.41.2` in both builds.
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}

/// What `sqlite3 --version` prints: the version and `sqlite3_sourceid()`.
pub fn sqlite_version_line() -> String {
    // SAFETY: sqlite3_sourceid returns a pointer to a static NUL-terminated string.
    let source_id = unsafe { CStr::from_ptr(rusqlite::ffi::sqlite3_sourceid()) };
    format!("{} {}", sqlite_version(), source_id.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_the_sqlite_that_learners_python_has() {
        assert_eq!(sqlite_version(), "3.41.2");
        assert!(sqlite_version_line().starts_with("3.41.2 2023-03-22 11:56:21 "));
    }

    #[test]
    fn alter_column_fails_as_on_pythons_sqlite() {
        let db = Database::open_in_memory().unwrap();
        db.execute_batch("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(50) NOT NULL)")
            .unwrap();
        let err = db
            .execute_batch("ALTER TABLE users ALTER COLUMN email DROP NOT NULL")
            .unwrap_err();
        assert_eq!(err.message, "near \"ALTER\": syntax error");
        let err = db
            .execute_batch("ALTER TABLE users ADD CONSTRAINT ck CHECK (id > 0)")
            .unwrap_err();
        assert_eq!(err.message, "near \"CONSTRAINT\": syntax error");
    }

    #[test]
    fn sql_log_records_logged_databases_in_order() {
        let ((), log) = record(|| {
            let db = Database::open_in_memory().unwrap().logged();
            db.execute_batch("CREATE TABLE a (x, y)").unwrap();
            db.execute(
                "INSERT INTO a VALUES (?, ?)",
                &[SqlValue::Text("it's".into()), SqlValue::Null],
            )
            .unwrap();
            let _ = db.run_script("SELECT x FROM a; SELECT nope FROM a;");
            let _ = db.query_strings("SELECT count(*) FROM a");
            // A scratch copy is not the learner's database: nothing of it is logged.
            let scratch = Database::open_in_memory().unwrap();
            scratch.execute_batch("CREATE TABLE b (z)").unwrap();
        });
        let shown: Vec<(&str, Vec<&str>, Option<&str>)> = log
            .iter()
            .map(|s| {
                (
                    s.sql.as_str(),
                    s.params.iter().map(String::as_str).collect(),
                    s.error.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("CREATE TABLE a (x, y)", vec![], None),
                ("INSERT INTO a VALUES (?, ?)", vec!["'it''s'", "NULL"], None),
                ("SELECT x FROM a;", vec![], None),
                ("SELECT nope FROM a;", vec![], Some("no such column: nope")),
                ("SELECT count(*) FROM a", vec![], None),
            ]
        );
    }

    #[test]
    fn sql_log_frames_nest_and_nothing_is_kept_outside_them() {
        let db = Database::open_in_memory().unwrap().logged();
        db.execute_batch("CREATE TABLE outside (x)").unwrap();
        let (inner, outer) = record(|| {
            db.execute_batch("CREATE TABLE a (x)").unwrap();
            let ((), inner) = record(|| db.execute_batch("CREATE TABLE b (x)").unwrap());
            db.execute_batch("CREATE TABLE c (x)").unwrap();
            inner
        });
        let sql = |log: &[LoggedStatement]| log.iter().map(|s| s.sql.clone()).collect::<Vec<_>>();
        assert_eq!(sql(&inner), ["CREATE TABLE b (x)"]);
        assert_eq!(sql(&outer), ["CREATE TABLE a (x)", "CREATE TABLE c (x)"]);
        let ((), after) = record(|| {});
        assert!(after.is_empty());
    }

    #[test]
    fn failed_batch_keeps_earlier_statements() {
        let db = Database::open_in_memory().unwrap();
        let err = db
            .execute_batch(
                "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1); CREATE TABLE a (y);",
            )
            .unwrap_err();
        assert_eq!(err.message, "table a already exists");
        assert_eq!(db.query_strings("SELECT x FROM a").unwrap(), [["1"]]);
    }
}
