//! Syntax errors as data, and their CPython 3.11 rendering (`File ..., line N`, the source
//! line, the caret line, `SyntaxError: message`).

use std::fmt;

use crate::text::{line_text, LineIndex, TextRange};

/// Which exception class CPython raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorClass {
    SyntaxError,
    IndentationError,
    TabError,
}

impl fmt::Display for SyntaxErrorClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SyntaxErrorClass::SyntaxError => "SyntaxError",
            SyntaxErrorClass::IndentationError => "IndentationError",
            SyntaxErrorClass::TabError => "TabError",
        })
    }
}

/// One syntax problem, positioned by byte range. `range` is what CPython underlines; an empty
/// range puts a single caret at `range.start` (CPython's `end_offset` of 0 or -1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub class: SyntaxErrorClass,
    pub message: String,
    pub range: TextRange,
    /// Index of the token at which CPython raises it; decides which of several errors
    /// CPython reports first.
    pub token_index: usize,
    /// Start of the furthest token the parser had looked at when it raised this: CPython
    /// lets a bracket left open before that line win over the error.
    pub reached: u32,
    /// A construct that is valid Python but not run by the playground.
    pub unsupported: bool,
    /// Raised by the tokenizer rather than the parser.
    pub lexical: bool,
}

/// The fields of CPython's `SyntaxError` instance, as `traceback` reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PySyntaxError {
    pub class: SyntaxErrorClass,
    pub msg: String,
    pub lineno: usize,
    /// 1-based character column.
    pub offset: usize,
    pub end_lineno: usize,
    pub end_offset: usize,
    pub text: String,
}

impl SyntaxError {
    pub fn is_unclosed_bracket(&self) -> bool {
        self.lexical && self.message.ends_with("was never closed")
    }

    /// Locates the error in `source` the way CPython fills `SyntaxError`'s fields.
    pub fn to_python(&self, source: &str, index: &LineIndex) -> PySyntaxError {
        let (lineno, col) = index.line_col(self.range.start.min(source.len() as u32));
        let line = line_text(source, index, lineno);
        let offset = char_col(line, col as usize) + 1;
        let (end_lineno, end_col) = index.line_col(self.range.end.min(source.len() as u32));
        let end_offset = if self.range.is_empty() {
            offset
        } else {
            char_col(line_text(source, index, end_lineno), end_col as usize) + 1
        };
        PySyntaxError {
            class: self.class,
            msg: self.message.clone(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: line.to_string(),
        }
    }
}

fn char_col(line: &str, byte_col: usize) -> usize {
    let byte_col = byte_col.min(line.len());
    line.char_indices()
        .take_while(|(i, _)| *i < byte_col)
        .count()
}

impl PySyntaxError {
    /// The SyntaxError block as the interpreter prints an uncaught one (CPython 3.11's
    /// `print_exception` and `print_error_text` in C), which is what a learner sees when
    /// Alembic dies on a broken file. It differs from `traceback`'s rendering: the caret
    /// count comes from the offsets alone, and the character offset is applied to the
    /// UTF-8 bytes of the line (so lines with non-ASCII text get shifted carets, as in CPython).
    pub fn render_uncaught(&self, filename: &str) -> String {
        let mut out = format!("  File \"{filename}\", line {}\n", self.lineno);
        let text = self.text.as_bytes();
        // CPython's `text` ends with the newline, which `line_size` counts.
        let line_size = text.len() as i64 + 1;
        let offset = self.offset as i64;
        let mut end_offset = self.end_offset as i64;
        if self.end_lineno > self.lineno {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        let carets = if end_offset > 0 && end_offset > offset {
            end_offset - offset
        } else {
            1
        };
        let mut offset = offset - 1;
        let mut start = 0;
        while start < text.len() && matches!(text[start], b' ' | b'\t' | b'\x0c') {
            start += 1;
            offset -= 1;
        }
        let shown = &text[start..];
        offset = offset.min(shown.len() as i64);
        out.push_str("    ");
        out.push_str(&String::from_utf8_lossy(shown));
        out.push('\n');
        if offset >= 0 {
            out.push_str("    ");
            out.push_str(&" ".repeat(offset as usize));
            out.push_str(&"^".repeat(carets as usize));
            out.push('\n');
        }
        out.push_str(&format!("{}: {}\n", self.class, self.msg));
        out
    }

    /// `traceback.format_exception_only` for this error, as Python 3.11 writes it.
    pub fn render(&self, filename: &str) -> String {
        let mut out = format!("  File \"{filename}\", line {}\n", self.lineno);
        let rtext = self.text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        out.push_str(&format!("    {ltext}\n"));
        let offset = self.offset as i64;
        let mut end_offset = if self.end_offset == 0 {
            offset
        } else {
            self.end_offset as i64
        };
        if offset == end_offset {
            end_offset = offset + 1;
        }
        let colno = offset - 1 - spaces as i64;
        let end_colno = end_offset - 1 - spaces as i64;
        if colno >= 0 {
            let caretspace: String = ltext
                .chars()
                .take(colno as usize)
                .map(|c| if c.is_whitespace() { c } else { ' ' })
                .collect();
            let carets = "^".repeat((end_colno - colno).max(0) as usize);
            out.push_str(&format!("    {caretspace}{carets}\n"));
        }
        out.push_str(&format!("{}: {}\n", self.class, self.msg));
        out
    }
}
