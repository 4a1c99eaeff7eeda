//! What each fuzz target runs on one input, shared by fuzz/fuzz_targets/*.rs and by
//! tests/fuzz_corpus.rs (which replays the corpora and regressions under `cargo test`).
//!
//! The contract under test: the Python lexer and parser never panic, hang or overflow the
//! stack, whatever the bytes. Invalid UTF-8 is converted lossily (U+FFFD), as a file read
//! into the playground's editor would be.

#![allow(dead_code)] // each target uses one of the functions

use alembic_playground::python::{dump::dump_module, lexer::lex, parse};

/// The bytes as the source text the front end sees.
pub fn source(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// `python_lexer`: tokens and tokenizer errors for any text.
pub fn python_lexer(data: &[u8]) {
    let source = source(data);
    let lexed = lex(&source);
    std::hint::black_box((lexed.tokens.len(), lexed.errors.len()));
}

/// `python_parser`: the tree and its errors, the error CPython would raise rendered as
/// Python prints it, and the canonical dump of the tree.
pub fn python_parser(data: &[u8]) {
    let source = source(data);
    let parsed = parse(&source);
    if let Some(error) = parsed.python_error(&source) {
        std::hint::black_box(error.render("f.py"));
    }
    std::hint::black_box(parsed.unsupported().count());
    std::hint::black_box(dump_module(&parsed.module, &source));
}

/// `python_eval`: the evaluator runs any parsed text to completion or to a Python error,
/// within a small step budget, on an empty project.
pub fn python_eval(data: &[u8]) {
    use alembic_playground::fs::{FileSystem, MemFs};
    let source = source(data);
    let mut fs = MemFs::new();
    let _ = fs.create_dir_all("/p");
    let _ = fs.write("/p/main.py", source.as_bytes());
    let mut interp = alembic_playground::python::runtime::Interp::new(&fs, "/p");
    interp.step_limit = 20_000;
    // The browser's bound, which also keeps libFuzzer's 8 MiB main thread safe.
    interp.max_native_depth = alembic_playground::python::runtime::BROWSER_NATIVE_DEPTH;
    let res = interp.run_module("__main__", "/p/main.py", &source);
    if let Err(err) = res {
        std::hint::black_box(interp.format_exception(&err));
    }
    std::hint::black_box(interp.output.len());
}

/// `ini_reader`: configparser's reading of any text, and Alembic's `Config` over it (the
/// learner edits alembic.ini by hand).
pub fn ini_reader(data: &[u8]) {
    use alembic_playground::config::ini::IniFile;
    use alembic_playground::fs::{FileSystem, MemFs};
    let source = source(data);
    if let Ok(ini) = IniFile::parse(&source, "alembic.ini") {
        std::hint::black_box(&ini);
    }
    let mut fs = MemFs::new();
    let _ = fs.create_dir_all("/p");
    let _ = fs.write("/p/alembic.ini", source.as_bytes());
    if let Ok(config) =
        alembic_playground::config::Config::load(&fs, "/p", "alembic.ini", "alembic", Vec::new())
    {
        for key in [
            "script_location",
            "sqlalchemy.url",
            "prepend_sys_path",
            "version_locations",
            "file_template",
        ] {
            std::hint::black_box(config.main_option(key).ok());
        }
    }
}

/// `mako_template`: the Mako subset's parser and renderer over any template text (the
/// learner may edit script.py.mako).
pub fn mako_template(data: &[u8]) {
    use alembic_playground::script::mako;
    let source = source(data);
    if let Ok(nodes) = mako::parse(&source) {
        let mut eval = |code: &str, filters: &[String]| -> Result<String, ()> {
            Ok(format!("{code}|{}", filters.join(",")))
        };
        let mut test = |cond: &str| -> Result<bool, ()> { Ok(cond.len().is_multiple_of(2)) };
        std::hint::black_box(mako::render(&nodes, &mut eval, &mut test).ok());
    }
}

/// `shell_line`: one terminal line in a project with Alembic initialised, through the whole
/// engine (shell words, alembic's argument parser and commands, pip, sqlite3, python with its
/// step budget), plus Tab completion of the same line.
pub fn shell_line(data: &[u8]) {
    use alembic_playground::fs::MemFs;
    use alembic_playground::shell::{Shell, BROWSER_HOME};
    thread_local! {
        static BASE: MemFs = {
            let mut fs = MemFs::new();
            let _ = alembic_playground::project::write_project(
                &mut fs,
                "/home/learner/fastapi_template",
                alembic_playground::project::FASTAPI_TEMPLATE,
            );
            let mut shell = Shell::new(fs, "/home/learner/fastapi_template", BROWSER_HOME);
            shell.run_line("alembic init alembic");
            shell.fs
        };
    }
    let line = source(data);
    // One line of a terminal: the input field holds no newline.
    let line = line.split('\n').next().unwrap_or("");
    let fs = BASE.with(|b| b.clone());
    let mut shell = Shell::new(fs, "/home/learner/fastapi_template", BROWSER_HOME);
    std::hint::black_box(shell.complete(line));
    std::hint::black_box(shell.run_line(line));
}

/// `share_link`: decoding any URL fragment as a shared workspace, and building it.
pub fn share_link(data: &[u8]) {
    let text = source(data);
    if let Ok(decoded) = alembic_playground::workspace::link::decode(&text) {
        std::hint::black_box(decoded.snapshot.build_fs().ok());
    }
}

/// `zip_import`: reading any bytes as an imported project zip.
pub fn zip_import(data: &[u8]) {
    std::hint::black_box(alembic_playground::workspace::zip::read(data).ok());
    if let Ok(snap) = alembic_playground::workspace::zip::import(data) {
        std::hint::black_box(snap.build_fs().ok());
    }
}

/// `sql_console`: any SQL (and dot commands) in the sqlite3 shell over a small database.
pub fn sql_console(data: &[u8]) {
    use alembic_playground::fs::MemFs;
    use alembic_playground::shell::{Shell, BROWSER_HOME};
    let text = source(data);
    let mut shell = Shell::new(MemFs::new(), "/", BROWSER_HOME);
    shell.run_line("sqlite3 app.db \"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a')\"");
    shell.run_line("sqlite3 app.db");
    for line in text.lines().take(64) {
        std::hint::black_box(shell.run_line(line));
    }
}
