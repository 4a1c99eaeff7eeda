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
