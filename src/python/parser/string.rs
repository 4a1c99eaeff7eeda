//! String literals: prefixes, escapes, implicit concatenation, and f-strings, whose
//! replacement fields are parsed as expressions the way CPython 3.11 does.

use super::expr::expr;
use super::{PResult, Parser};
use crate::python::ast::{Constant, Expr, ExprKind};
use crate::python::lexer;
use crate::python::token::TokenKind;
use crate::text::TextRange;

/// One decoded piece of an implicitly concatenated string.
enum Piece {
    Str(String),
    Bytes(Vec<u8>),
    /// The parts of an f-string: literal text and replacement fields.
    FString(Vec<Expr>),
}

struct Literal<'a> {
    raw: bool,
    bytes: bool,
    fstring: bool,
    /// The text between the quotes.
    body: &'a str,
    /// Byte offset of `body` in the file.
    body_start: u32,
}

fn split_literal(text: &str, start: u32) -> Literal<'_> {
    let quote_at = text.find(['"', '\'']).unwrap_or(0);
    let prefix = text[..quote_at].to_ascii_lowercase();
    let quote = &text[quote_at..quote_at + 1];
    let triple = text[quote_at..].starts_with(&quote.repeat(3)) && text.len() >= quote_at + 6;
    let q = if triple { 3 } else { 1 };
    let body = &text[quote_at + q..text.len().saturating_sub(q).max(quote_at + q)];
    Literal {
        raw: prefix.contains('r'),
        bytes: prefix.contains('b'),
        fstring: prefix.contains('f'),
        body,
        body_start: start + (quote_at + q) as u32,
    }
}

/// Decodes backslash escapes of a (non-raw) literal. Unknown escapes stay as written, as in
/// CPython. `Err` carries CPython's message for a malformed escape.
fn decode_escapes(body: &str, bytes: bool) -> Result<Vec<u32>, String> {
    let mut out: Vec<u32> = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c as u32);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\' as u32);
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\\' | '\'' | '"' => out.push(e as u32),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(10),
            'r' => out.push(13),
            't' => out.push(9),
            'v' => out.push(11),
            '0'..='7' => {
                let mut n = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            n = n * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(n);
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let len = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = (0..len).filter_map(|_| chars.next()).collect();
                match u32::from_str_radix(&digits, 16) {
                    Ok(n) if digits.len() == len && (n <= 0x10FFFF) => out.push(n),
                    _ => {
                        let what = if bytes {
                            "bytes"
                        } else {
                            "unicode error 'unicodeescape' codec"
                        };
                        return Err(format!(
                            "({what}) can't decode bytes: truncated \\{e}{} escape",
                            "X".repeat(len)
                        ));
                    }
                }
            }
            'N' if !bytes => {
                // Unicode names need CPython's name database; keep the escape as written.
                out.push('\\' as u32);
                out.push('N' as u32);
            }
            other => {
                out.push('\\' as u32);
                out.push(other as u32);
            }
        }
    }
    Ok(out)
}

fn to_string(code_points: &[u32]) -> String {
    code_points
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
        .collect()
}

impl Parser<'_> {
    /// One or more adjacent string tokens, concatenated as CPython concatenates them.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut pieces = Vec::new();
        while self.at(TokenKind::String) {
            let token = self.bump();
            let literal = split_literal(self.text(token), token.range.start);
            pieces.push(self.decode(&literal, token.range)?);
        }
        let range = self.range_from(start);
        let any_bytes = pieces.iter().any(|p| matches!(p, Piece::Bytes(_)));
        let all_bytes = pieces.iter().all(|p| matches!(p, Piece::Bytes(_)));
        if any_bytes && !all_bytes {
            return self.fail("cannot mix bytes and nonbytes literals", range);
        }
        if all_bytes {
            let value = pieces
                .into_iter()
                .flat_map(|p| match p {
                    Piece::Bytes(b) => b,
                    _ => Vec::new(),
                })
                .collect();
            return Ok(expr(
                ExprKind::Constant {
                    value: Constant::Bytes(value),
                },
                range,
            ));
        }
        if !pieces.iter().any(|p| matches!(p, Piece::FString(_))) {
            let value = pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Str(s) => s,
                    _ => String::new(),
                })
                .collect();
            return Ok(expr(
                ExprKind::Constant {
                    value: Constant::Str(value),
                },
                range,
            ));
        }
        let mut values: Vec<Expr> = Vec::new();
        let mut text = String::new();
        let flush = |text: &mut String, values: &mut Vec<Expr>| {
            if !text.is_empty() {
                values.push(expr(
                    ExprKind::Constant {
                        value: Constant::Str(std::mem::take(text)),
                    },
                    range,
                ));
            }
        };
        for piece in pieces {
            match piece {
                Piece::Str(s) => text.push_str(&s),
                Piece::FString(parts) => {
                    for part in parts {
                        match part.kind {
                            ExprKind::Constant {
                                value: Constant::Str(s),
                            } => text.push_str(&s),
                            _ => {
                                flush(&mut text, &mut values);
                                values.push(Expr { range, ..part });
                            }
                        }
                    }
                }
                Piece::Bytes(_) => {}
            }
        }
        flush(&mut text, &mut values);
        Ok(expr(ExprKind::JoinedStr { values }, range))
    }

    fn decode(&mut self, literal: &Literal<'_>, token_range: TextRange) -> PResult<Piece> {
        if literal.fstring {
            let end = TextRange::empty(token_range.end);
            let mut pos = 0;
            let parts = self.fstring_parts(literal, &mut pos, 0, end)?;
            if pos < literal.body.len() {
                return self.fail("f-string: single '}' is not allowed", end);
            }
            return Ok(Piece::FString(parts));
        }
        if literal.bytes {
            if !literal.body.is_ascii() {
                return self.fail(
                    "bytes can only contain ASCII literal characters",
                    token_range,
                );
            }
            let decoded = if literal.raw {
                literal.body.bytes().collect()
            } else {
                match decode_escapes(literal.body, true) {
                    Ok(points) => points.into_iter().map(|c| c as u8).collect(),
                    Err(message) => return self.fail(message, token_range),
                }
            };
            return Ok(Piece::Bytes(decoded));
        }
        // CPython reads source with universal newlines.
        let body = literal.body.replace("\r\n", "\n");
        if literal.raw {
            return Ok(Piece::Str(body));
        }
        if body.contains("\\N{") {
            self.unsupported("a \\N{...} escape", token_range);
        }
        match decode_escapes(&body, false) {
            Ok(points) => Ok(Piece::Str(to_string(&points))),
            Err(message) => self.fail(message, token_range),
        }
    }

    fn literal_text(
        &mut self,
        literal: &Literal<'_>,
        text: &str,
        end: TextRange,
    ) -> PResult<String> {
        let text = text.replace("\r\n", "\n");
        if literal.raw {
            return Ok(text);
        }
        match decode_escapes(&text, false) {
            Ok(points) => Ok(to_string(&points)),
            Err(message) => self.fail(message, end),
        }
    }

    /// Literal text and `{...}` fields from `*pos` until the end of the body or, inside a
    /// format spec (`depth` > 0), until the `}` that closes the field.
    fn fstring_parts(
        &mut self,
        literal: &Literal<'_>,
        pos: &mut usize,
        depth: u32,
        end: TextRange,
    ) -> PResult<Vec<Expr>> {
        let body = literal.body;
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chunk_start = *pos;
        while *pos < body.len() {
            let rest = &body[*pos..];
            if rest.starts_with("{{") || rest.starts_with("}}") {
                let chunk = &body[chunk_start..*pos];
                text.push_str(&self.literal_text(literal, chunk, end)?);
                text.push_str(&rest[..1]);
                *pos += 2;
                chunk_start = *pos;
                continue;
            }
            if rest.starts_with('}') {
                if depth == 0 {
                    return self.fail("f-string: single '}' is not allowed", end);
                }
                break;
            }
            if rest.starts_with('{') {
                let chunk = &body[chunk_start..*pos];
                text.push_str(&self.literal_text(literal, chunk, end)?);
                if depth >= 2 {
                    return self.fail("f-string: expressions nested too deeply", end);
                }
                *pos += 1;
                let mut field = self.fstring_field(literal, pos, depth, end, &mut text)?;
                if !text.is_empty() {
                    parts.push(expr(
                        ExprKind::Constant {
                            value: Constant::Str(std::mem::take(&mut text)),
                        },
                        end,
                    ));
                }
                parts.append(&mut field);
                chunk_start = *pos;
                continue;
            }
            *pos += rest.chars().next().map_or(1, char::len_utf8);
        }
        let chunk = &body[chunk_start..(*pos).min(body.len())];
        text.push_str(&self.literal_text(literal, chunk, end)?);
        if !text.is_empty() {
            parts.push(expr(
                ExprKind::Constant {
                    value: Constant::Str(text),
                },
                end,
            ));
        }
        Ok(parts)
    }

    /// One replacement field, after its `{`: the expression, `=`, `!conversion`, `:spec`
    /// and the closing `}`. A self-documenting `=` adds its text to `text`.
    fn fstring_field(
        &mut self,
        literal: &Literal<'_>,
        pos: &mut usize,
        depth: u32,
        end: TextRange,
        text: &mut String,
    ) -> PResult<Vec<Expr>> {
        let body = literal.body;
        let expr_start = *pos;
        let mut nesting: Vec<char> = Vec::new();
        let mut quote: Option<char> = None;
        // Scanned lazily: collecting the rest of the body per field made long f-strings
        // quadratic.
        let mut chars = body[expr_start..].char_indices().peekable();
        let mut prev: Option<char> = None;
        let mut stop = None;
        while let Some((off, c)) = chars.next() {
            let next = chars.peek().map(|(_, c)| *c);
            if c == '\\' {
                // CPython 3.11 rejects a backslash anywhere in the expression, even in a string.
                return self.fail("f-string expression part cannot include a backslash", end);
            }
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
            } else {
                match c {
                    '\\' => {
                        return self
                            .fail("f-string expression part cannot include a backslash", end)
                    }
                    '\'' | '"' => quote = Some(c),
                    '(' | '[' | '{' => nesting.push(c),
                    ')' | ']' | '}' if !nesting.is_empty() => {
                        nesting.pop();
                    }
                    '}' | ':' if nesting.is_empty() => {
                        stop = Some((off, c));
                        break;
                    }
                    '!' if nesting.is_empty() && next != Some('=') => {
                        stop = Some((off, c));
                        break;
                    }
                    '=' if nesting.is_empty()
                        && next != Some('=')
                        && !matches!(prev, Some('=' | '!' | '<' | '>')) =>
                    {
                        stop = Some((off, c));
                        break;
                    }
                    '#' if quote.is_none() => {
                        return self.fail("f-string expression part cannot include '#'", end)
                    }
                    _ => {}
                }
            }
            prev = Some(c);
        }
        let Some((stop_off, stop_char)) = stop else {
            return self.fail("f-string: expecting '}'", end);
        };
        let expr_text = &body[expr_start..expr_start + stop_off];
        if expr_text.trim().is_empty() {
            return self.fail("f-string: empty expression not allowed", end);
        }
        let value =
            self.fstring_expression(literal.body_start + expr_start as u32, expr_text, end)?;
        *pos = expr_start + stop_off;
        let mut conversion = -1;
        let mut self_doc = false;
        if stop_char == '=' {
            self_doc = true;
            *pos += 1;
            while body[*pos..].starts_with(char::is_whitespace) {
                *pos += body[*pos..].chars().next().map_or(1, char::len_utf8);
            }
            text.push_str(&body[expr_start..*pos]);
        }
        if body[*pos..].starts_with('!') {
            *pos += 1;
            let c = body[*pos..].chars().next();
            let after = body[*pos..].chars().nth(1);
            match (c, after) {
                (Some(c @ ('s' | 'r' | 'a')), Some(':' | '}')) => {
                    conversion = c as i32;
                    *pos += 1;
                }
                (Some('s' | 'r' | 'a'), _) => return self.fail("f-string: expecting '}'", end),
                (None, _) | (Some('}' | ':'), _) => {
                    return self.fail(
                        "f-string: missing conversion character: expected 's', 'r', or 'a'",
                        end,
                    )
                }
                _ => {
                    return self.fail(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        end,
                    )
                }
            }
        }
        let mut format_spec = None;
        if body[*pos..].starts_with(':') {
            *pos += 1;
            let parts = self.fstring_parts(literal, pos, depth + 1, end)?;
            format_spec = Some(Box::new(expr(ExprKind::JoinedStr { values: parts }, end)));
        }
        if !body[*pos..].starts_with('}') {
            return self.fail("f-string: expecting '}'", end);
        }
        *pos += 1;
        if self_doc && conversion == -1 && format_spec.is_none() {
            conversion = 'r' as i32;
        }
        Ok(vec![expr(
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            end,
        )])
    }

    /// Parses the expression of a replacement field with a parser over just its text, with
    /// positions mapped back into the file.
    fn fstring_expression(&mut self, at: u32, text: &str, end: TextRange) -> PResult<Expr> {
        // CPython 3.11 compiles the field as `(text)`: whitespace and newlines inside it are
        // insignificant, and a comma makes a tuple.
        let wrapped = format!("({text})");
        let mut lexed = lexer::lex(&wrapped);
        let shift = |offset: u32| (offset + at).saturating_sub(1).min(at + text.len() as u32);
        for token in &mut lexed.tokens {
            token.range = TextRange::new(shift(token.range.start), shift(token.range.end));
        }
        let mut sub = Parser::new(self.src, lexed);
        sub.depth = self.depth;
        let value = sub.atom();
        let complete = matches!(sub.kind(), TokenKind::Newline | TokenKind::EndOfFile);
        match value {
            Ok(value) if complete && sub.errors.is_empty() => Ok(value),
            _ => {
                let message = sub
                    .errors
                    .iter()
                    .find(|e| !e.unsupported)
                    .map(|e| e.message.clone())
                    .unwrap_or_else(|| "invalid syntax".to_string());
                self.fail(format!("f-string: {message}"), end)
            }
        }
    }
}
