//! What the editor underlines in a Python file, as plain data: the `SyntaxError` CPython 3.11
//! would raise (placed where its caret goes) and constructs the playground parses but does not
//! run. Ranges are in UTF-16 code units, the unit of a JavaScript string, because that is how the
//! browser's editor counts positions; the UI passes them on unchanged.

use crate::python;
use crate::text::{line_text, LineIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The file does not run: Python raises this error.
    Error,
    /// Valid Python that the playground does not run.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One underline: `from..to` in UTF-16 code units from the start of the file. An empty range is
/// a caret past the end of a line's text (CPython's caret under the line ending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub from: u32,
    pub to: u32,
    pub severity: Severity,
    /// As Python prints its last line: `SyntaxError: invalid syntax`.
    pub message: String,
}

/// The diagnostics of a Python source file, the error CPython raises first.
pub fn python(source: &str) -> Vec<Diagnostic> {
    let parsed = python::parse(source);
    let index = LineIndex::new(source);
    let mut out = Vec::new();
    if let Some(err) = parsed.python_error(source) {
        // CPython's caret line: `offset..end_offset` (1-based characters) on `lineno`, running to
        // the end of the line when the error spans lines, and one caret when the range is empty.
        let line = line_text(source, &index, err.lineno);
        let len = line.chars().count();
        let start = err.offset.saturating_sub(1).min(len);
        let end = if err.end_lineno > err.lineno {
            len
        } else if err.end_offset > err.offset {
            err.end_offset - 1
        } else {
            start + 1
        }
        .clamp(start, len);
        let base = utf16_offset(source, index.line_start(err.lineno) as usize);
        out.push(Diagnostic {
            from: base + utf16_len(line, start),
            to: base + utf16_len(line, end),
            severity: Severity::Error,
            message: format!("{}: {}", err.class, err.msg),
        });
    }
    for unsupported in parsed.unsupported() {
        let start = (unsupported.range.start as usize).min(source.len());
        let end = (unsupported.range.end as usize).clamp(start, source.len());
        if !source.is_char_boundary(start) || !source.is_char_boundary(end) {
            continue;
        }
        out.push(Diagnostic {
            from: utf16_offset(source, start),
            to: utf16_offset(source, end),
            severity: Severity::Warning,
            message: unsupported.message.clone(),
        });
    }
    out
}

/// UTF-16 length of the first `chars` characters of `line`.
fn utf16_len(line: &str, chars: usize) -> u32 {
    line.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}

/// UTF-16 offset of byte offset `byte` (clamped to a character boundary at or before it).
fn utf16_offset(source: &str, byte: usize) -> u32 {
    let mut byte = byte.min(source.len());
    while !source.is_char_boundary(byte) {
        byte -= 1;
    }
    source[..byte].chars().map(|c| c.len_utf16() as u32).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_file_has_no_diagnostics() {
        assert_eq!(python("x = 1\n"), vec![]);
    }

    #[test]
    fn the_squiggle_sits_under_cpythons_caret() {
        // CPython 3.11: `    x = (1, 2` ... `'(' was never closed`, caret under the bracket.
        let diags = python("a = 1\nx = (1, 2\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].message, "SyntaxError: '(' was never closed");
        assert_eq!((diags[0].from, diags[0].to), (10, 11));
    }

    #[test]
    fn positions_count_utf16_units() {
        // "é" is one UTF-16 unit and two UTF-8 bytes; "😀" is two units and four bytes.
        let diags = python("s = '😀é'\nx = (1, 2\n");
        assert_eq!(
            diags[0].from,
            "s = '😀é'\nx = ".encode_utf16().count() as u32
        );
    }

    #[test]
    fn a_caret_after_the_text_is_an_empty_range_at_the_line_end() {
        let diags = python("def f()\n    pass\n");
        assert_eq!(diags[0].message, "SyntaxError: expected ':'");
        assert_eq!((diags[0].from, diags[0].to), (7, 7));
    }
}
