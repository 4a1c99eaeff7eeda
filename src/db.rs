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
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(err: rusqlite::Error) -> DbError {
        let message = match err {
            rusqlite::Error::SqliteFailure(code, None) => code.to_string(),
            rusqlite::Error::SqliteFailure(_, Some(msg)) => msg,
            rusqlite::Error::SqlInputError { msg, .. } => msg,
            other => other.to_string(),
        };
        DbError { message }
    }
}

/// An open SQLite database.
pub struct Database {
    conn: rusqlite::Connection,
}

impl Database {
    /// A private in-memory database, as `sqlite3` opens with no file name.
    pub fn open_in_memory() -> Result<Database, DbError> {
        Ok(Database {
            conn: rusqlite::Connection::open_in_memory()?,
        })
    }

    /// Runs one or more statements with no results, stopping at the first failure
    /// (statements before it stay applied, as with `sqlite3_exec`).
    pub fn execute_batch(&self, sql: &str) -> Result<(), DbError> {
        Ok(self.conn.execute_batch(sql)?)
    }

    /// Runs a query and returns every row with each value rendered as SQLite's shell does
    /// in its default list mode (`NULL` as an empty string).
    pub fn query_strings(&self, sql: &str) -> Result<Vec<Vec<String>>, DbError> {
        let mut stmt = self.conn.prepare(sql)?;
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
