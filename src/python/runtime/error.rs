//! Python exceptions in flight: the exception object, the traceback it collects on the way
//! out of each frame, and CPython 3.11's rendering of both (carets included).

use std::rc::Rc;

use super::value::{SourceFile, Value};
use crate::text::{line_text, TextRange};

/// One `File "...", line N, in name` entry.
#[derive(Clone)]
pub struct TracebackEntry {
    pub file: Rc<SourceFile>,
    pub name: String,
    pub range: TextRange,
    /// For a binary operation or subscript: the operator or `[...]` part, drawn with `^`
    /// while the rest of the range gets `~`.
    pub anchors: Option<TextRange>,
    /// A frame of code the playground does not run as Python (Alembic's and SQLAlchemy's
    /// own files), printed as recorded from the real traceback.
    pub verbatim: Option<Rc<str>>,
}

impl TracebackEntry {
    /// Recorded frames (`  File "...", line N, in f` and the lines under each) as entries.
    pub fn verbatim_frames(text: &str) -> Vec<TracebackEntry> {
        let mut frames: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with("  File ") || frames.is_empty() {
                frames.push(String::new());
            }
            let last = frames.last_mut().expect("pushed");
            last.push_str(line);
            last.push('\n');
        }
        let empty: Rc<str> = Rc::from("");
        frames
            .into_iter()
            .filter(|f| !f.trim().is_empty())
            .map(|f| TracebackEntry {
                file: Rc::new(SourceFile {
                    path: String::new(),
                    index: crate::text::LineIndex::new(&empty),
                    text: Rc::clone(&empty),
                }),
                name: String::new(),
                range: TextRange::empty(0),
                anchors: None,
                verbatim: Some(Rc::from(f.as_str())),
            })
            .collect()
    }
}

/// An exception propagating through the evaluator.
#[derive(Clone)]
pub struct PyErr {
    /// The exception instance.
    pub value: Value,
    /// Outermost frame first, as printed.
    pub traceback: Vec<TracebackEntry>,
    /// Where in the current frame the error surfaced, set by the innermost expression.
    pub location: Option<TextRange>,
    pub anchors: Option<TextRange>,
    /// Raised by the playground's limits (step budget): `except` cannot catch it.
    pub fatal: bool,
    /// `raise ... from cause`, or the exception being handled when this one was raised.
    pub cause: Option<Box<PyErr>>,
    pub context: Option<Box<PyErr>>,
    /// `raise ... from None`: the context is not printed.
    pub suppress_context: bool,
    /// The traceback already has an entry for the frame it is in (a re-raise).
    pub frame_recorded: bool,
}

impl PyErr {
    pub fn new(value: Value) -> PyErr {
        PyErr {
            value,
            traceback: Vec::new(),
            location: None,
            anchors: None,
            fatal: false,
            cause: None,
            context: None,
            suppress_context: false,
            frame_recorded: false,
        }
    }

    /// Sets where the error surfaced in the current frame, unless an inner expression did.
    pub fn at(mut self, range: TextRange) -> PyErr {
        if self.location.is_none() {
            self.location = Some(range);
        }
        self
    }

    /// Like [`PyErr::at`], with the operator or subscript part CPython marks with `^`.
    pub fn at_anchored(mut self, range: TextRange, anchors: Option<TextRange>) -> PyErr {
        if self.location.is_none() {
            self.location = Some(range);
            self.anchors = anchors;
        }
        self
    }
}

/// Formats one traceback entry as CPython 3.11's C traceback printer does for an uncaught
/// exception (`tb_displayline`): the source line without its indentation (trailing spaces
/// kept), then carets under the failing expression unless it spans the whole line.
pub fn format_entry(entry: &TracebackEntry) -> String {
    if let Some(text) = &entry.verbatim {
        return text.to_string();
    }
    let file = &entry.file;
    let (line, col) = file.index.line_col(entry.range.start);
    let (end_line, end_col) = file.index.line_col(entry.range.end);
    let mut out = format!(
        "  File \"{}\", line {}, in {}\n",
        file.path, line, entry.name
    );
    if file.path.starts_with('<') {
        // `<string>` and friends have no file for the printer to read the line from.
        return out;
    }
    let source = line_text(&file.text, &file.index, line);
    let leading = source.len() - source.trim_start_matches([' ', '\t', '\x0c']).len();
    let shown = &source[leading..];
    if shown.is_empty() {
        return out;
    }
    out.push_str(&format!("    {shown}\n"));
    let to_char = |byte: usize| source[..byte.min(source.len())].chars().count();
    let source_len = source.chars().count();
    let leading_chars = to_char(leading);
    let start = to_char(col as usize);
    let end = if line == end_line {
        to_char(end_col as usize)
    } else {
        source.trim_end().chars().count()
    };
    let anchors = entry.anchors.filter(|_| line == end_line).map(|a| {
        let (_, a_start) = file.index.line_col(a.start);
        let (_, a_end) = file.index.line_col(a.end);
        (to_char(a_start as usize), to_char(a_end as usize))
    });
    if end.saturating_sub(start) == source_len - leading_chars && anchors.is_none() {
        return out;
    }
    if end <= start {
        return out;
    }
    out.push_str(&" ".repeat(4 + start.saturating_sub(leading_chars)));
    for offset in start..end {
        let c = match anchors {
            Some((a, b)) if offset < a || offset >= b => '~',
            _ => '^',
        };
        out.push(c);
    }
    out.push('\n');
    out
}

/// CPython's suggestion for a misspelled name (Python/suggestions.c, 3.11): the closest
/// candidate by a case-aware Levenshtein distance, if no more than about a third of the
/// characters differ.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    const MOVE_COST: usize = 2;
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if candidates.len() >= 750 {
        return None;
    }
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let max =
            ((name.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let distance = levenshtein(name.as_bytes(), item.as_bytes(), max);
        if distance > max {
            continue;
        }
        if best.is_none() || distance < best_distance {
            best = Some(item);
            best_distance = distance;
        }
    }
    best.map(str::to_string)
}

fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    const MOVE_COST: usize = 2;
    const CASE_COST: usize = 1;
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > 40 || b.len() > 40 {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let cost = |x: u8, y: u8| {
        if x & 31 != y & 31 {
            MOVE_COST
        } else if x == y {
            0
        } else if x.eq_ignore_ascii_case(&y) {
            CASE_COST
        } else {
            MOVE_COST
        }
    };
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_cpython() {
        let names = ["String", "Integer", "Text", "Strong"];
        assert_eq!(suggest("Strin", names).as_deref(), Some("String"));
        assert_eq!(suggest("integer", names).as_deref(), Some("Integer"));
        assert_eq!(suggest("Boolean", names), None);
    }
}
