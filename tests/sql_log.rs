//! The SQL log seam: each terminal line's `Output` lists the statements it ran against the
//! project's database, in order, and nothing from the scratch copies behind warnings.

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::{Shell, BROWSER_HOME};

const PROJECT: &str = "/home/learner/p";

fn sql(out: &alembic_playground::shell::Output) -> Vec<String> {
    out.sql_log
        .iter()
        .map(|s| {
            let mut line = s.sql.split_whitespace().collect::<Vec<_>>().join(" ");
            if !s.params.is_empty() {
                line.push_str(&format!(" -- {}", s.params.join(", ")));
            }
            line
        })
        .collect()
}

fn project() -> Shell<MemFs> {
    let mut fs = MemFs::new();
    fs.create_dir_all(PROJECT).unwrap();
    let mut sh = Shell::new(fs, PROJECT, BROWSER_HOME);
    assert_eq!(sh.run_line("alembic init alembic").exit_code, 0);
    let ini = format!("{PROJECT}/alembic.ini");
    let text = sh
        .fs
        .read_to_string(&ini)
        .unwrap()
        .replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db");
    sh.fs.write(&ini, text.as_bytes()).unwrap();
    assert_eq!(
        sh.run_line("alembic revision -m one --rev-id aaa")
            .exit_code,
        0
    );
    let rev = format!("{PROJECT}/alembic/versions/aaa_one.py");
    let text = sh
        .fs
        .read_to_string(&rev)
        .unwrap()
        .replace(
            "\"\"\"Upgrade schema.\"\"\"\n    pass",
            "op.create_table('t', sa.Column('id', sa.Integer, primary_key=True))",
        )
        .replace(
            "\"\"\"Downgrade schema.\"\"\"\n    pass",
            "op.drop_table('t')",
        );
    sh.fs.write(&rev, text.as_bytes()).unwrap();
    sh
}

#[test]
fn upgrade_logs_its_statements_in_order() {
    let mut sh = project();
    let out = sh.run_line("alembic upgrade head");
    assert_eq!(out.exit_code, 0);
    let log = sql(&out);
    let create_version = log
        .iter()
        .position(|s| s.starts_with("CREATE TABLE alembic_version"))
        .expect("version table created");
    let create_t = log
        .iter()
        .position(|s| s.starts_with("CREATE TABLE t"))
        .expect("t created");
    let insert = log
        .iter()
        .position(|s| s.starts_with("INSERT INTO alembic_version (version_num) VALUES ('aaa')"))
        .expect("version stamped");
    assert!(create_version < create_t && create_t < insert, "{log:#?}");
    assert!(out.sql_log.iter().all(|s| s.error.is_none()));
    // A line that touches no database logs nothing, and history reads no database.
    assert!(sh.run_line("ls").sql_log.is_empty());
    assert!(sh.run_line("alembic history").sql_log.is_empty());
}

#[test]
fn sqlite3_lines_are_logged_with_failures() {
    let mut sh = project();
    sh.run_line("alembic upgrade head");
    let out = sh.run_line("sqlite3 app.db \"INSERT INTO t VALUES (1); SELECT nope FROM t;\"");
    let log = sql(&out);
    assert_eq!(log, ["INSERT INTO t VALUES (1);", "SELECT nope FROM t;"]);
    assert_eq!(
        out.sql_log[1].error.as_deref(),
        Some("no such column: nope")
    );
}

#[test]
fn a_downgrade_warning_scratch_copy_stays_out_of_the_log() {
    let mut sh = project();
    sh.run_line("alembic upgrade head");
    sh.run_line("sqlite3 app.db \"INSERT INTO t VALUES (1)\"");
    let out = sh.run_line("alembic downgrade base");
    assert!(out
        .text(alembic_playground::shell::Stream::Stdout)
        .contains("playground: warning"));
    let log = sql(&out);
    // The scratch shell behind the warning ran its own upgrade and downgrade; only the real
    // downgrade's statements are here: one DROP TABLE t, one version row deleted.
    assert_eq!(
        log.iter().filter(|s| s.starts_with("DROP TABLE t")).count(),
        1,
        "{log:#?}"
    );
    assert_eq!(
        log.iter()
            .filter(|s| s.starts_with("DELETE FROM alembic_version"))
            .count(),
        1,
        "{log:#?}"
    );
}
