//! The data tab's engine side: the SQL console (SQL against the project's database, written
//! back exactly as the terminal's `sqlite3` writes it, with the statements it ran) and one
//! table's rows a page at a time (read from a copy; browsing never writes).

use crate::db::{Database, LoggedStatement, TextRows};
use crate::fs::FileSystem;

/// Rows per page in the data view.
pub const PAGE_SIZE: usize = 50;

/// What the console's last run showed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ConsoleResult {
    /// The SQL as typed.
    pub sql: String,
    /// The database file, relative to the project.
    pub database: String,
    /// One result per statement that ran, in order (statements without rows included, with
    /// no columns), up to the first failure.
    pub results: Vec<TextRows>,
    /// The failure as `sqlite3` prints it (`Error: in prepare, ...`), if any.
    pub error: Option<String>,
    /// The statements it ran, for the SQL log.
    pub log: Vec<LoggedStatement>,
}

/// Runs `sql` against the project's database as `sqlite3 app.db "SQL"` would.
pub fn run_sql<F: FileSystem>(fs: &mut F, project: &str, sql: &str) -> ConsoleResult {
    let mut result = ConsoleResult {
        sql: sql.to_string(),
        ..ConsoleResult::default()
    };
    let Some(path) = super::schema::database_file(&*fs, project) else {
        result.error =
            Some("The database URL is not a SQLite file, so there is nothing to query.".into());
        return result;
    };
    result.database = relative(&path, project);
    let (done, log) = crate::db::record(|| crate::shell::sqlite3::run_on_file(fs, &path, sql));
    result.log = log;
    match done {
        Ok((results, error)) => {
            result.results = results;
            result.error = error.map(|e| crate::shell::sqlite3::error_text(&e));
        }
        Err(message) => result.error = Some(format!("Error: {message}\n")),
    }
    result
}

/// One page of a table's rows.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TablePage {
    pub table: String,
    pub columns: Vec<String>,
    /// Values as `sqlite3` prints them (`None` for NULL).
    pub rows: Vec<Vec<Option<String>>>,
    /// The page shown (0-based), after clamping to the last page.
    pub page: usize,
    /// Rows in the whole table.
    pub total: usize,
    /// Why there are no rows to show (no database, no such table).
    pub error: Option<String>,
}

impl TablePage {
    /// How many pages the table needs (at least one, so an empty table shows page 1 of 1).
    pub fn pages(&self) -> usize {
        self.total.div_ceil(PAGE_SIZE).max(1)
    }

    /// The 1-based numbers of the first and last rows shown.
    pub fn span(&self) -> (usize, usize) {
        let first = self.page * PAGE_SIZE;
        (
            (first + 1).min(self.total),
            (first + self.rows.len()).min(self.total),
        )
    }
}

/// Page `page` of `table` in the project's database.
pub fn browse(fs: &dyn FileSystem, project: &str, table: &str, page: usize) -> TablePage {
    let mut view = TablePage {
        table: table.to_string(),
        ..TablePage::default()
    };
    let db = super::schema::database_file(fs, project)
        .and_then(|path| fs.read(&path).ok())
        .filter(|bytes| !bytes.is_empty())
        .map(|bytes| Database::from_bytes(&bytes));
    let db = match db {
        Some(Ok(db)) => db,
        Some(Err(e)) => {
            view.error = Some(e.message);
            return view;
        }
        None => {
            view.error = Some("There is no database yet.".into());
            return view;
        }
    };
    let quoted = format!("\"{}\"", table.replace('"', "\"\""));
    let (counted, error) = db.run_script(&format!("SELECT count(*) FROM {quoted}"));
    if let Some(e) = error {
        view.error = Some(e.message);
        return view;
    }
    view.total = counted
        .first()
        .and_then(|r| r.rows.first())
        .and_then(|row| row.first().cloned().flatten())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    view.page = page.min(view.pages() - 1);
    let (mut results, error) = db.run_script(&format!(
        "SELECT * FROM {quoted} LIMIT {PAGE_SIZE} OFFSET {}",
        view.page * PAGE_SIZE
    ));
    if let Some(e) = error {
        view.error = Some(e.message);
        return view;
    }
    if let Some(first) = results.pop() {
        view.columns = first.columns;
        view.rows = first.rows;
    }
    view
}

fn relative(path: &str, project: &str) -> String {
    path.strip_prefix(project)
        .map(|p| p.trim_start_matches('/').to_string())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MemFs;

    const PROJECT: &str = "/home/learner/p";

    fn project() -> MemFs {
        let mut fs = MemFs::new();
        fs.create_dir_all(PROJECT).unwrap();
        fs
    }

    #[test]
    fn console_writes_back_as_sqlite3_does_and_logs_what_it_ran() {
        let mut fs = project();
        let r = run_sql(
            &mut fs,
            PROJECT,
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), (NULL); SELECT * FROM t;",
        );
        assert_eq!(r.error, None);
        assert_eq!(r.database, "app.db");
        let last = r.results.last().unwrap();
        assert_eq!(last.columns, ["id", "name"]);
        assert_eq!(
            last.rows,
            [
                vec![Some("1".to_string()), Some("a".to_string())],
                vec![Some("2".to_string()), None]
            ]
        );
        assert_eq!(r.log.len(), 3);
        assert_eq!(r.log[2].sql, "SELECT * FROM t;");
        // The same bytes the terminal's sqlite3 reads back.
        let mut sh = crate::shell::Shell::new(fs, PROJECT, "/home/learner");
        let out = sh.run_line("sqlite3 app.db \"SELECT count(*) FROM t\"");
        assert_eq!(out.text(crate::shell::Stream::Stdout), "2\n");
    }

    #[test]
    fn console_errors_read_as_sqlite3_prints_them_and_reads_write_nothing() {
        let mut fs = project();
        let r = run_sql(&mut fs, PROJECT, "SELEC 1;");
        assert_eq!(
            r.error.as_deref(),
            Some(
                "Error: in prepare, near \"SELEC\": syntax error\n  SELEC 1;\n  ^--- error here\n"
            )
        );
        // A query on a missing database leaves no file behind, as sqlite3 leaves none.
        let r = run_sql(&mut fs, PROJECT, "SELECT 1;");
        assert_eq!(r.results[0].rows, [vec![Some("1".to_string())]]);
        assert!(!fs.is_file(&format!("{PROJECT}/app.db")));
    }

    #[test]
    fn browse_pages_and_clamps() {
        let mut fs = project();
        let r = run_sql(
            &mut fs,
            PROJECT,
            "CREATE TABLE \"we\"\"ird\" (n); WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 120) INSERT INTO \"we\"\"ird\" SELECT x FROM c;",
        );
        assert_eq!(r.error, None);
        let p = browse(&fs, PROJECT, "we\"ird", 1);
        assert_eq!((p.total, p.page, p.pages(), p.rows.len()), (120, 1, 3, 50));
        assert_eq!(p.rows[0], [Some("51".to_string())]);
        assert_eq!(p.span(), (51, 100));
        let p = browse(&fs, PROJECT, "we\"ird", 99);
        assert_eq!((p.page, p.rows.len(), p.span()), (2, 20, (101, 120)));
        let p = browse(&fs, PROJECT, "nope", 0);
        assert_eq!(p.error.as_deref(), Some("no such table: nope"));
        let p = browse(&project(), PROJECT, "t", 0);
        assert_eq!(p.error.as_deref(), Some("There is no database yet."));
    }
}
