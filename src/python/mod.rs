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
pub mod runtime;
pub mod token;
pub mod unparse;

use crate::text::LineIndex;

pub use error::{PySyntaxError, SyntaxError, SyntaxErrorClass};

/// A parsed file: the tree, and the errors found on the way (syntax errors, and constructs
/// the playground does not run, marked `unsupported`).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub module: ast::Module,
    pub errors: Vec<SyntaxError>,
    /// Byte offset of each line start, for comparing error lines.
    line_starts: Vec<u32>,
}

pub fn parse(source: &str) -> Parsed {
    let lexed = lexer::lex(source);
    let (module, errors) = parser::Parser::new(source, lexed).parse_module();
    let line_starts = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i as u32 + 1))
        .collect();
    Parsed {
        module,
        errors,
        line_starts,
    }
}

impl Parsed {
    /// The `SyntaxError` CPython 3.11 raises for this file, if any. A tokenizer error met
    /// before the parser's error wins; after a parser error CPython tokenizes the rest of the
    /// file, and a tokenizer error found there wins too, as does a bracket left open on an
    /// earlier line than the parser's error (pegen's `_Pypegen_set_syntax_error`).
    pub fn first_error(&self) -> Option<&SyntaxError> {
        let mut candidates: Vec<&SyntaxError> =
            self.errors.iter().filter(|e| !e.unsupported).collect();
        candidates.sort_by_key(|e| e.token_index);
        let first = *candidates.first()?;
        if first.lexical || first.token_index == usize::MAX {
            return Some(first);
        }
        let later = candidates.iter().filter(|e| e.lexical);
        for err in later {
            if !err.is_unclosed_bracket() {
                return Some(err);
            }
            if err.range.start < self.line_start_of(first.reached) {
                return Some(err);
            }
        }
        Some(first)
    }

    fn line_start_of(&self, offset: u32) -> u32 {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .checked_sub(1)
            .map_or(0, |i| self.line_starts[i])
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
