//! Positions in source text: byte ranges, and the line/column view editors and tracebacks use.

/// A half-open byte range `start..end` into one file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: u32, end: u32) -> TextRange {
        TextRange { start, end }
    }

    pub fn empty(at: u32) -> TextRange {
        TextRange { start: at, end: at }
    }

    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// Maps byte offsets to 1-based lines and 0-based byte or character columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// The 1-based line containing `offset`.
    pub fn line(&self, offset: u32) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> u32 {
        self.starts[line.clamp(1, self.starts.len()) - 1]
    }

    /// (1-based line, 0-based byte column), as CPython's `lineno`/`col_offset`.
    pub fn line_col(&self, offset: u32) -> (usize, u32) {
        let line = self.line(offset);
        (line, offset - self.line_start(line))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// The text of 1-based `line`, without its line ending.
pub fn line_text<'a>(text: &'a str, index: &LineIndex, line: usize) -> &'a str {
    let start = index.line_start(line) as usize;
    let rest = &text[start.min(text.len())..];
    let end = rest.find('\n').unwrap_or(rest.len());
    rest[..end].strip_suffix('\r').unwrap_or(&rest[..end])
}
