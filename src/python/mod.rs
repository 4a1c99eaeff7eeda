//! The Python front end: the subset of Python that models, env.py, settings and revision
//! files are written in, lexed and parsed by hand (a full grammar would double the download,
//! and hand-written rules give CPython's own error messages).
//!
//! [`parse`] never fails: it returns a tree plus every error found, each with its byte range.
//! [`Parsed::python_error`] picks the one error CPython 3.11 would raise, and renders it as
//! CPython prints it. `dump` writes the tree in the canonical form that
//! tools/pyast/record.py writes for CPython's `ast`, for the conformance test.

pub mod ast;
pub mod dump;
pub mod error;
pub mod lexer;
mod parser;
pub mod token;

use crate::text::LineIndex;

pub use error::{PySyntaxError, SyntaxError, SyntaxErrorClass};

/// A parsed file: the tree, and the errors found on the way (syntax errors, and constructs
/// the playground does not run, marked `unsupported`).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub module: ast::Module,
    pub errors: Vec<SyntaxError>,
}

pub fn parse(source: &str) -> Parsed {
    let lexed = lexer::lex(source);
    let (module, errors) = parser::Parser::new(source, lexed).parse_module();
    Parsed { module, errors }
}

impl Parsed {
    /// The `SyntaxError` CPython 3.11 raises for this file, if any: the error met first
    /// in token order, except that a generic `invalid syntax` gives way to a tokenizer error
    /// later in the file (CPython tokenizes the rest before reporting it).
    pub fn first_error(&self) -> Option<&SyntaxError> {
        let mut candidates: Vec<&SyntaxError> =
            self.errors.iter().filter(|e| !e.unsupported).collect();
        candidates.sort_by_key(|e| e.token_index);
        let first = *candidates.first()?;
        if first.generic {
            let lexical = candidates
                .iter()
                .find(|e| !e.generic && e.token_index != usize::MAX && e.lexical());
            if let Some(later) = lexical {
                return Some(later);
            }
        }
        Some(first)
    }

    /// [`Parsed::first_error`] as CPython's exception fields.
    pub fn python_error(&self, source: &str) -> Option<PySyntaxError> {
        let index = LineIndex::new(source);
        self.first_error().map(|e| e.to_python(source, &index))
    }

    /// Constructs the playground parses but does not run.
    pub fn unsupported(&self) -> impl Iterator<Item = &SyntaxError> {
        self.errors.iter().filter(|e| e.unsupported)
    }
}
