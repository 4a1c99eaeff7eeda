//! The lexer: source text to tokens, with CPython 3.11's tokenizer rules and error messages.
//!
//! Indentation becomes `Indent`/`Dedent` tokens (tabs to multiples of 8, checked against a
//! tab size of 1 for `TabError`, as CPython does). Newlines inside brackets and after a
//! backslash are joined; blank and comment-only lines produce nothing. A problem becomes an
//! `Unknown` token (or none) plus a [`SyntaxError`] that records the token index at which
//! CPython's tokenizer would raise it, so the parser can decide which error CPython reports.

use crate::python::error::{SyntaxError, SyntaxErrorClass};
use crate::python::token::{Token, TokenKind};
use crate::text::TextRange;

pub struct Lexed {
    pub tokens: Vec<Token>,
    pub errors: Vec<SyntaxError>,
}

pub fn lex(source: &str) -> Lexed {
    let mut lexer = Lexer {
        src: source,
        bytes: source.as_bytes(),
        pos: 0,
        tokens: Vec::new(),
        errors: Vec::new(),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        at_line_start: true,
        line_has_tokens: false,
    };
    lexer.run();
    Lexed {
        tokens: lexer.tokens,
        errors: lexer.errors,
    }
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    tokens: Vec<Token>,
    errors: Vec<SyntaxError>,
    /// (column with tabs to 8, column with tabs to 1) of each open indentation level.
    indents: Vec<(usize, usize)>,
    /// Open brackets: the character and where it is.
    brackets: Vec<(u8, usize)>,
    at_line_start: bool,
    /// Whether the current logical line has produced a token (so a NEWLINE is due).
    line_has_tokens: bool,
}

/// Operators and delimiters, longest first so that the first match is the longest.
const OPERATORS: &[(&str, TokenKind)] = &[
    ("**=", TokenKind::DoubleStarEqual),
    ("//=", TokenKind::DoubleSlashEqual),
    (">>=", TokenKind::RightShiftEqual),
    ("<<=", TokenKind::LeftShiftEqual),
    ("...", TokenKind::Ellipsis),
    ("!=", TokenKind::NotEqual),
    ("%=", TokenKind::PercentEqual),
    ("&=", TokenKind::AmperEqual),
    ("**", TokenKind::DoubleStar),
    ("*=", TokenKind::StarEqual),
    ("+=", TokenKind::PlusEqual),
    ("-=", TokenKind::MinusEqual),
    ("->", TokenKind::Rarrow),
    ("//", TokenKind::DoubleSlash),
    ("/=", TokenKind::SlashEqual),
    (":=", TokenKind::ColonEqual),
    ("<<", TokenKind::LeftShift),
    ("<=", TokenKind::LessEqual),
    ("<>", TokenKind::NotEqual),
    ("==", TokenKind::EqEqual),
    (">=", TokenKind::GreaterEqual),
    (">>", TokenKind::RightShift),
    ("@=", TokenKind::AtEqual),
    ("^=", TokenKind::CircumflexEqual),
    ("|=", TokenKind::VbarEqual),
    ("!", TokenKind::Exclamation),
    ("%", TokenKind::Percent),
    ("&", TokenKind::Amper),
    ("(", TokenKind::Lpar),
    (")", TokenKind::Rpar),
    ("*", TokenKind::Star),
    ("+", TokenKind::Plus),
    (",", TokenKind::Comma),
    ("-", TokenKind::Minus),
    (".", TokenKind::Dot),
    ("/", TokenKind::Slash),
    (":", TokenKind::Colon),
    (";", TokenKind::Semi),
    ("<", TokenKind::Less),
    ("=", TokenKind::Equal),
    (">", TokenKind::Greater),
    ("@", TokenKind::At),
    ("[", TokenKind::Lsqb),
    ("]", TokenKind::Rsqb),
    ("^", TokenKind::Circumflex),
    ("{", TokenKind::Lbrace),
    ("|", TokenKind::Vbar),
    ("}", TokenKind::Rbrace),
    ("~", TokenKind::Tilde),
];

fn is_id_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

fn is_id_continue(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_continue(c)
}

/// A string prefix CPython accepts (any case): r, u, b, br, rb, f, fr, rf.
fn is_string_prefix(prefix: &str) -> bool {
    matches!(
        prefix.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
    )
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.bytes.get(self.pos + n).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token {
            kind,
            range: TextRange::new(start as u32, end as u32),
        });
        if !matches!(
            kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
        ) {
            self.line_has_tokens = true;
        }
    }

    /// Records an error raised at the next token; `range` is what CPython underlines.
    fn error(&mut self, class: SyntaxErrorClass, message: String, range: TextRange) {
        self.errors.push(SyntaxError {
            class,
            message,
            range,
            token_index: self.tokens.len(),
            reached: u32::MAX,
            unsupported: false,
            lexical: true,
        });
    }

    fn syntax_error(&mut self, message: impl Into<String>, range: TextRange) {
        self.error(SyntaxErrorClass::SyntaxError, message.into(), range);
    }

    /// An error with a single caret on the character before `pos` (CPython points at the
    /// last character its tokenizer consumed).
    fn error_at_last_char(&mut self, message: impl Into<String>, pos: usize) {
        let start = self.src[..pos].char_indices().last().map_or(0, |(i, _)| i);
        self.syntax_error(message, TextRange::empty(start as u32));
    }

    fn run(&mut self) {
        loop {
            if self.at_line_start && self.brackets.is_empty() {
                self.indentation();
            }
            self.at_line_start = false;
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\x0c')) {
                self.pos += 1;
            }
            let start = self.pos;
            let Some(c) = self.peek_char() else {
                self.end_of_file();
                return;
            };
            match c {
                '#' => {
                    while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                }
                '\n' | '\r' => {
                    self.pos += if c == '\r' && self.peek_at(1) == Some(b'\n') {
                        2
                    } else {
                        1
                    };
                    if self.brackets.is_empty() {
                        if self.line_has_tokens {
                            self.push(TokenKind::Newline, start, self.pos);
                            self.line_has_tokens = false;
                        }
                        self.at_line_start = true;
                    }
                }
                '\\' => self.backslash(start),
                '0'..='9' => self.number(start),
                '.' if matches!(self.peek_at(1), Some(b'0'..=b'9')) => self.number(start),
                '"' | '\'' => self.string(start, start),
                _ if is_id_start(c) => self.name_or_string(start),
                _ => self.operator(start, c),
            }
        }
    }

    fn indentation(&mut self) {
        let (mut col, mut altcol) = (0usize, 0usize);
        let start = self.pos;
        loop {
            match self.peek() {
                Some(b' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                Some(b'\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if matches!(self.peek(), None | Some(b'#' | b'\n' | b'\r')) {
            // Blank or comment-only lines do not change the indentation.
            return;
        }
        let (top_col, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        let line_end = self.line_end(self.pos);
        let tab_error = |this: &mut Self| {
            this.error(
                SyntaxErrorClass::TabError,
                "inconsistent use of tabs and spaces in indentation".to_string(),
                TextRange::empty(start as u32),
            );
        };
        if col == top_col {
            if altcol != top_alt {
                tab_error(self);
            }
        } else if col > top_col {
            if altcol <= top_alt {
                tab_error(self);
            }
            self.indents.push((col, altcol));
            self.push(TokenKind::Indent, start, self.pos);
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
                self.push(TokenKind::Dedent, self.pos, self.pos);
            }
            let (top_col, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top_col {
                self.error(
                    SyntaxErrorClass::IndentationError,
                    "unindent does not match any outer indentation level".to_string(),
                    TextRange::empty(line_end as u32),
                );
            } else if altcol != top_alt {
                tab_error(self);
            }
        }
    }

    fn line_end(&self, from: usize) -> usize {
        self.src[from..]
            .find(['\n', '\r'])
            .map_or(self.src.len(), |i| from + i)
    }

    fn end_of_file(&mut self) {
        let end = self.src.len();
        if let Some(&(open, at)) = self.brackets.last() {
            self.syntax_error(
                format!("'{}' was never closed", open as char),
                TextRange::empty(at as u32),
            );
        }
        if self.line_has_tokens {
            self.push(TokenKind::Newline, end, end);
            self.line_has_tokens = false;
        }
        // CPython places the closing DEDENTs and ENDMARKER at the end of the file's last
        // line, before its final newline.
        let at = if self.src.ends_with("\r\n") {
            end - 2
        } else if self.src.ends_with('\n') {
            end - 1
        } else {
            end
        };
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(TokenKind::Dedent, at, at);
        }
        self.push(TokenKind::EndOfFile, at, at);
    }

    fn backslash(&mut self, start: usize) {
        self.pos += 1;
        match self.peek() {
            Some(b'\n') => self.pos += 1,
            Some(b'\r') => self.pos += if self.peek_at(1) == Some(b'\n') { 2 } else { 1 },
            None => {
                self.syntax_error(
                    "unexpected EOF while parsing",
                    TextRange::empty(self.pos as u32),
                );
                self.push(TokenKind::Unknown, start, self.pos);
            }
            Some(_) => {
                self.syntax_error(
                    "unexpected character after line continuation character",
                    TextRange::empty(self.pos as u32),
                );
                self.push(TokenKind::Unknown, start, self.pos);
            }
        }
    }

    fn name_or_string(&mut self, start: usize) {
        let mut end = start;
        for (i, c) in self.src[start..].char_indices() {
            if !is_id_continue(c) {
                break;
            }
            end = start + i + c.len_utf8();
        }
        let word = &self.src[start..end];
        if matches!(self.bytes.get(end), Some(b'"' | b'\'')) && is_string_prefix(word) {
            self.pos = end;
            self.string(start, end);
            return;
        }
        self.pos = end;
        let kind = TokenKind::keyword(word).unwrap_or(TokenKind::Name);
        self.push(kind, start, end);
    }

    /// A string literal starting at `start` (prefix included) whose quote is at `quote_at`.
    fn string(&mut self, start: usize, quote_at: usize) {
        let quote = self.bytes[quote_at];
        let triple = self.bytes.get(quote_at + 1) == Some(&quote)
            && self.bytes.get(quote_at + 2) == Some(&quote);
        self.pos = quote_at + if triple { 3 } else { 1 };
        loop {
            match self.peek() {
                None => {
                    let line =
                        self.src.matches('\n').count() + usize::from(!self.src.ends_with('\n'));
                    let what = if triple {
                        "triple-quoted string"
                    } else {
                        "string"
                    };
                    self.syntax_error(
                        format!("unterminated {what} literal (detected at line {line})"),
                        TextRange::empty(start as u32),
                    );
                    self.push(TokenKind::Unknown, start, self.pos);
                    return;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    if let Some(c) = self.peek_char() {
                        self.pos += c.len_utf8();
                    }
                }
                Some(b'\n' | b'\r') if !triple => {
                    let line = self.src[..self.pos].matches('\n').count() + 1;
                    self.syntax_error(
                        format!("unterminated string literal (detected at line {line})"),
                        TextRange::empty(start as u32),
                    );
                    self.push(TokenKind::Unknown, start, self.pos);
                    return;
                }
                Some(b) if b == quote => {
                    if !triple {
                        self.pos += 1;
                        break;
                    }
                    if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                        self.pos += 3;
                        break;
                    }
                    self.pos += 1;
                }
                Some(_) => {
                    let c = self.peek_char().map_or(1, char::len_utf8);
                    self.pos += c;
                }
            }
        }
        self.push(TokenKind::String, start, self.pos);
    }

    fn digits(&mut self, pred: impl Fn(u8) -> bool) -> bool {
        // Digits with single underscores between them; false on a misplaced underscore.
        let mut ok = true;
        while let Some(b) = self.peek() {
            if pred(b) {
                self.pos += 1;
            } else if b == b'_' {
                self.pos += 1;
                if !self.peek().is_some_and(&pred) {
                    ok = false;
                    break;
                }
            } else {
                break;
            }
        }
        ok
    }

    fn number(&mut self, start: usize) {
        let bad = |this: &mut Self, msg: &str| {
            let pos = this.pos;
            this.error_at_last_char(msg, pos);
            // Swallow the rest of the would-be literal so it does not lex as a name.
            while this.peek_char().is_some_and(is_id_continue) {
                this.pos += this.peek_char().map_or(1, char::len_utf8);
            }
            this.push(TokenKind::Unknown, start, this.pos);
        };
        let first = self.bytes[start];
        let second = self.peek_at(1).map(|b| b.to_ascii_lowercase());
        if first == b'0' && matches!(second, Some(b'x' | b'o' | b'b')) {
            self.pos += 2;
            let (kind, radix) = match second {
                Some(b'x') => ("hexadecimal", 16),
                Some(b'o') => ("octal", 8),
                _ => ("binary", 2),
            };
            if self.peek() == Some(b'_') {
                self.pos += 1;
            }
            let is_digit = move |b: u8| (b as char).is_digit(radix);
            if !self.peek().is_some_and(is_digit) {
                if radix < 10 && self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    self.pos += 1;
                    let digit = self.bytes[self.pos - 1] as char;
                    return bad(self, &format!("invalid digit '{digit}' in {kind} literal"));
                }
                return bad(self, &format!("invalid {kind} literal"));
            }
            if !self.digits(is_digit) {
                return bad(self, &format!("invalid {kind} literal"));
            }
            if radix < 10 && self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.pos += 1;
                let digit = self.bytes[self.pos - 1] as char;
                return bad(self, &format!("invalid digit '{digit}' in {kind} literal"));
            }
            if !self.end_of_number() {
                return bad(self, &format!("invalid {kind} literal"));
            }
            self.push(TokenKind::Int, start, self.pos);
            return;
        }
        let mut kind = TokenKind::Int;
        if first != b'.' && !self.digits(|b| b.is_ascii_digit()) {
            return bad(self, "invalid decimal literal");
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            kind = TokenKind::Float;
            if self.peek().is_some_and(|b| b.is_ascii_digit())
                && !self.digits(|b| b.is_ascii_digit())
            {
                return bad(self, "invalid decimal literal");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                kind = TokenKind::Float;
                if !self.digits(|b| b.is_ascii_digit()) {
                    return bad(self, "invalid decimal literal");
                }
            } else {
                self.pos = save;
                return bad(self, "invalid decimal literal");
            }
        }
        if matches!(self.peek(), Some(b'j' | b'J')) {
            self.pos += 1;
            kind = TokenKind::Complex;
        }
        if !self.end_of_number() {
            let what = if kind == TokenKind::Complex {
                "imaginary"
            } else {
                "decimal"
            };
            return bad(self, &format!("invalid {what} literal"));
        }
        let text = &self.src[start..self.pos];
        if kind == TokenKind::Int
            && text.len() > 1
            && text.starts_with('0')
            && text.bytes().any(|b| b.is_ascii_digit() && b != b'0')
        {
            self.syntax_error(
                "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers",
                TextRange::new(start as u32, (self.pos - 1) as u32),
            );
            self.push(TokenKind::Unknown, start, self.pos);
            return;
        }
        self.push(kind, start, self.pos);
    }

    /// CPython's `verify_end_of_number`: a literal may be followed by a keyword that can
    /// legally follow it (`1if x else 2`), but not by other identifier characters.
    fn end_of_number(&self) -> bool {
        let rest = &self.src[self.pos..];
        let Some(c) = rest.chars().next() else {
            return true;
        };
        if !is_id_continue(c) {
            return true;
        }
        ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|kw| rest.starts_with(kw))
    }

    fn operator(&mut self, start: usize, c: char) {
        let rest = &self.src[start..];
        if let Some(&(text, kind)) = OPERATORS.iter().find(|(text, _)| rest.starts_with(text)) {
            self.pos += text.len();
            self.bracket(kind, start);
            self.push(kind, start, self.pos);
            return;
        }
        self.pos += c.len_utf8();
        if !c.is_ascii() {
            let message = if is_printable(c) {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", c as u32)
            };
            self.syntax_error(message, TextRange::empty(start as u32));
        }
        // ASCII leftovers such as `$` and `?` are CPython's ERRORTOKEN: the parser reports
        // them as `invalid syntax`.
        self.push(TokenKind::Unknown, start, self.pos);
    }

    fn bracket(&mut self, kind: TokenKind, at: usize) {
        let open = match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                // CPython's MAXLEVEL: 200 open brackets at most.
                if self.brackets.len() >= 200 {
                    self.syntax_error("too many nested parentheses", TextRange::empty(at as u32));
                }
                self.brackets.push((self.bytes[at], at));
                return;
            }
            TokenKind::Rpar => b'(',
            TokenKind::Rsqb => b'[',
            TokenKind::Rbrace => b'{',
            _ => return,
        };
        let close = self.bytes[at] as char;
        match self.brackets.pop() {
            None => self.syntax_error(format!("unmatched '{close}'"), TextRange::empty(at as u32)),
            Some((found, _)) if found == open => {}
            Some((found, found_at)) => {
                let same_line = !self.src[found_at..at].contains('\n');
                let where_ = if same_line {
                    String::new()
                } else {
                    format!(
                        " on line {}",
                        self.src[..found_at].matches('\n').count() + 1
                    )
                };
                self.syntax_error(
                    format!(
                        "closing parenthesis '{close}' does not match opening parenthesis '{}'{where_}",
                        found as char
                    ),
                    TextRange::empty(at as u32),
                );
            }
        }
    }
}

/// Python's `str.isprintable` for one character, close enough for error messages: not a
/// control, format, separator (other than space) or unassigned character.
fn is_printable(c: char) -> bool {
    !(c.is_control()
        || matches!(c as u32, 0x00A0 | 0x1680 | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x206F | 0x3000 | 0xFEFF | 0xFFF9..=0xFFFB))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        lex(src).tokens.into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn indentation_and_newlines() {
        use TokenKind::*;
        assert_eq!(
            kinds("if x:\n    y = (1,\n  2)\n\n  # c\nz\n"),
            [
                If, Name, Colon, Newline, Indent, Name, Equal, Lpar, Int, Comma, Int, Rpar,
                Newline, Dedent, Name, Newline, EndOfFile
            ]
        );
    }

    #[test]
    fn strings_numbers_operators() {
        use TokenKind::*;
        assert_eq!(
            kinds("a = rb'x' f\"{y}\" '''t\n''' 0x1F 1_000 1.5e-3 3j .5 ... ** //= -> !="),
            [
                Name,
                Equal,
                String,
                String,
                String,
                Int,
                Int,
                Float,
                Complex,
                Float,
                Ellipsis,
                DoubleStar,
                DoubleSlashEqual,
                Rarrow,
                NotEqual,
                Newline,
                EndOfFile
            ]
        );
    }
}
