//! The parser: tokens to a [`Module`], recursive descent for statements and precedence
//! climbing for expressions, following CPython 3.11's grammar and its node ranges.
//!
//! It never fails: on a syntax error it records a [`SyntaxError`], skips to the end of the
//! logical line and goes on. Every loop consumes a token or stops, and nesting deeper than
//! [`MAX_DEPTH`] becomes an error rather than a stack overflow in the browser.

mod compound;
mod display;
mod expr;
mod stmt;
mod string;

use crate::python::ast::Module;
use crate::python::error::{SyntaxError, SyntaxErrorClass};
use crate::python::lexer::Lexed;
use crate::python::token::{Token, TokenKind};
use crate::text::TextRange;

/// How deeply the parser may recurse (brackets, unary operators, blocks). Brackets stop at
/// 200 in the lexer, as in CPython; this bounds the rest well inside the browser's stack.
pub const MAX_DEPTH: u32 = 500;

/// The deepest tree the parser builds, counting chains as well as nesting. The evaluator,
/// the dump and dropping the tree all recurse this deep.
pub const MAX_TREE_DEPTH: u32 = 1000;

pub struct Parser<'src> {
    src: &'src str,
    tokens: Vec<Token>,
    pos: usize,
    errors: Vec<SyntaxError>,
    depth: u32,
    /// End of the last consumed token, for node ranges.
    prev_end: u32,
    /// Index of the furthest token looked at (CPython's `p->fill - 1`).
    furthest: usize,
    /// How deep the tree being built is along the current path: nesting plus operator and
    /// trailer chains, which make left-leaning trees as deep as they are long.
    tree_depth: u32,
}

/// Raised through `?` to abandon the current statement after an error was recorded.
#[derive(Debug)]
pub struct Abort;

pub type PResult<T> = Result<T, Abort>;

impl<'src> Parser<'src> {
    pub fn new(src: &'src str, lexed: Lexed) -> Parser<'src> {
        Parser {
            src,
            tokens: lexed.tokens,
            pos: 0,
            errors: lexed.errors,
            depth: 0,
            prev_end: 0,
            furthest: 0,
            tree_depth: 0,
        }
    }

    pub fn parse_module(mut self) -> (Module, Vec<SyntaxError>) {
        let body = self.statements_until_eof();
        stmt::check_context(&body, &mut self.errors);
        (Module { body }, self.errors)
    }

    /// Start of the furthest token looked at so far.
    fn reached(&self) -> u32 {
        self.tokens[self.furthest.min(self.tokens.len() - 1)]
            .range
            .start
    }

    fn current(&self) -> Token {
        self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn kind(&self) -> TokenKind {
        self.current().kind
    }

    fn nth(&mut self, n: usize) -> TokenKind {
        self.furthest = self.furthest.max(self.pos + n);
        self.tokens[(self.pos + n).min(self.tokens.len() - 1)].kind
    }

    fn at(&self, kind: TokenKind) -> bool {
        self.kind() == kind
    }

    fn start(&self) -> u32 {
        self.current().range.start
    }

    fn text(&self, token: Token) -> &'src str {
        &self.src[token.range.start as usize..token.range.end as usize]
    }

    fn bump(&mut self) -> Token {
        let token = self.current();
        if token.kind != TokenKind::EndOfFile {
            self.pos += 1;
            self.furthest = self.furthest.max(self.pos);
            // Layout tokens do not extend a node: a block ends at its last real token.
            if !matches!(
                token.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
            ) {
                self.prev_end = token.range.end;
            }
        }
        token
    }

    fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn range_from(&self, start: u32) -> TextRange {
        TextRange::new(start, self.prev_end.max(start))
    }

    /// Records an error raised at the current token.
    fn error_here(
        &mut self,
        class: SyntaxErrorClass,
        message: impl Into<String>,
        range: TextRange,
    ) {
        self.errors.push(SyntaxError {
            class,
            message: message.into(),
            range,
            token_index: self.pos,
            reached: self.reached(),
            unsupported: false,
            lexical: false,
        });
    }

    /// CPython's generic `invalid syntax`, underlining the current token.
    fn invalid_syntax<T>(&mut self) -> PResult<T> {
        let token = self.current();
        let range = match token.kind {
            TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Dedent | TokenKind::Indent => {
                TextRange::empty(token.range.start)
            }
            _ => token.range,
        };
        self.errors.push(SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            message: "invalid syntax".to_string(),
            range,
            token_index: self.pos,
            reached: self.reached(),
            unsupported: false,
            lexical: false,
        });
        Err(Abort)
    }

    fn fail<T>(&mut self, message: impl Into<String>, range: TextRange) -> PResult<T> {
        self.error_here(SyntaxErrorClass::SyntaxError, message, range);
        Err(Abort)
    }

    /// Valid Python the playground does not run; parsing goes on.
    fn unsupported(&mut self, what: &str, range: TextRange) {
        self.errors.push(SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            message: if what.ends_with(" are") {
                format!("{what} not supported in the playground")
            } else {
                format!("{what} is not supported in the playground")
            },
            range,
            token_index: self.pos,
            reached: self.reached(),
            unsupported: true,
            lexical: false,
        });
    }

    fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.at(kind) {
            return Ok(self.bump());
        }
        if kind == TokenKind::Colon {
            let at = self.token_caret_range();
            return self.fail("expected ':'", at);
        }
        self.invalid_syntax()
    }

    /// The current token as CPython underlines it: a newline is one character, the end of
    /// the file and indentation changes are a point.
    fn token_caret_range(&self) -> TextRange {
        let token = self.current();
        match token.kind {
            TokenKind::Newline => TextRange::new(token.range.start, token.range.start + 1),
            TokenKind::EndOfFile | TokenKind::Dedent | TokenKind::Indent => {
                TextRange::empty(token.range.start)
            }
            _ => token.range,
        }
    }

    fn expect_name(&mut self) -> PResult<(String, TextRange)> {
        if self.at(TokenKind::Name) {
            let token = self.bump();
            return Ok((self.text(token).to_string(), token.range));
        }
        self.invalid_syntax()
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        self.tree_depth += 1;
        if self.tree_depth > MAX_TREE_DEPTH {
            let at = TextRange::empty(self.start());
            self.error_here(
                SyntaxErrorClass::SyntaxError,
                "expression too deeply nested for the playground: split it into smaller ones",
                at,
            );
            return Err(Abort);
        }
        if self.depth > MAX_DEPTH {
            let range = self.current().range;
            self.errors.push(SyntaxError {
                class: SyntaxErrorClass::SyntaxError,
                message:
                    "expression too deeply nested for the playground: split it into smaller ones"
                        .to_string(),
                range: TextRange::empty(range.start),
                token_index: self.pos,
                reached: self.reached(),
                unsupported: false,
                lexical: false,
            });
            return Err(Abort);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
        self.tree_depth -= 1;
    }

    /// A tree deeper than [`MAX_TREE_DEPTH`]: refused before later passes recurse into it.
    fn too_deep<T>(&mut self) -> PResult<T> {
        let at = TextRange::empty(self.start());
        self.error_here(
            SyntaxErrorClass::SyntaxError,
            "expression too deeply nested for the playground: split it into smaller ones",
            at,
        );
        Err(Abort)
    }

    /// Counts one more level of a left-leaning chain (`a + b + c`, `x.y.z()`) against the
    /// tree depth; the caller restores `tree_depth` when the chain ends.
    fn deepen(&mut self) -> PResult<()> {
        self.tree_depth += 1;
        if self.tree_depth > MAX_TREE_DEPTH {
            let at = TextRange::empty(self.start());
            self.error_here(
                SyntaxErrorClass::SyntaxError,
                "expression too deeply nested for the playground: split it into smaller ones",
                at,
            );
            return Err(Abort);
        }
        Ok(())
    }

    /// After an error: skip to the start of the next logical line at this block's level.
    fn recover_line(&mut self) {
        self.tree_depth = self.depth;
        let mut nesting = 0i32;
        loop {
            match self.kind() {
                TokenKind::EndOfFile => return,
                TokenKind::Newline if nesting <= 0 => {
                    self.bump();
                    return;
                }
                TokenKind::Indent => nesting += 1,
                TokenKind::Dedent => {
                    if nesting <= 0 {
                        return;
                    }
                    nesting -= 1;
                }
                _ => {}
            }
            self.bump();
        }
    }
}
