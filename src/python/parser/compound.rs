//! Compound statements: blocks and their "expected an indented block" errors, `if`/`elif`
//! chains, loops, `with`, `try`, decorators, `def` and `class`.

use super::expr::target_description;
use super::stmt::invalid_target;
use super::{Abort, PResult, Parser};
use crate::python::ast::{
    ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Stmt, StmtKind, WithItem,
};
use crate::python::error::SyntaxErrorClass;
use crate::python::token::TokenKind;
use crate::text::TextRange;

/// Each `elif` nests the tree one level deeper; later passes walk it recursively.
const MAX_ELIF: usize = 1000;

impl Parser<'_> {
    /// `: block`: either an indented block or simple statements on the same line.
    /// `after` names the statement for CPython's "expected an indented block after ...".
    pub(super) fn block(&mut self, after: &str, line_of: u32) -> PResult<Vec<Stmt>> {
        self.expect(TokenKind::Colon)?;
        if !self.at(TokenKind::Newline) {
            return self.simple_statements();
        }
        self.bump();
        if !self.at(TokenKind::Indent) {
            let line = self.src[..line_of as usize].matches('\n').count() + 1;
            let range = TextRange::empty(self.current().range.start);
            self.error_here(
                SyntaxErrorClass::IndentationError,
                format!("expected an indented block after {after} on line {line}"),
                range,
            );
            return Err(Abort);
        }
        self.enter()?;
        self.bump();
        let mut body = Vec::new();
        while !matches!(self.kind(), TokenKind::Dedent | TokenKind::EndOfFile) {
            let before = self.pos;
            if self.at(TokenKind::Indent) {
                self.unexpected_indent();
                continue;
            }
            match self.statement() {
                Ok(mut stmts) => body.append(&mut stmts),
                Err(Abort) => self.recover_line(),
            }
            if self.pos == before {
                self.bump();
            }
        }
        self.eat(TokenKind::Dedent);
        self.leave();
        Ok(body)
    }

    /// The condition of `if`/`elif`/`while`, with CPython's hint for `if x = 1:`.
    fn condition(&mut self) -> PResult<Expr> {
        let start = self.start();
        let test = self.named_expression()?;
        if self.at(TokenKind::Equal) {
            if !matches!(test.kind, ExprKind::Name { .. }) {
                let range = test.range;
                let what = target_description(&test);
                return self.fail(
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                    range,
                );
            }
            self.bump();
            let value = self.expression()?;
            let range = TextRange::new(start, value.range.end);
            return self.fail(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                range,
            );
        }
        Ok(test)
    }

    /// `if`/`elif`/`else`, read as a loop (an `elif` chain can be long) and built into
    /// CPython's shape: each `elif` is an `If` nested in the previous one's `orelse`, and
    /// every node of the chain ends where the whole statement ends.
    pub(super) fn if_statement(&mut self) -> PResult<Stmt> {
        let mut branches = Vec::new();
        let mut keyword = TokenKind::If;
        loop {
            let start = self.bump().range.start;
            let test = self.condition()?;
            let name = if keyword == TokenKind::If {
                "'if' statement"
            } else {
                "'elif' statement"
            };
            let body = self.block(name, start)?;
            branches.push((start, test, body));
            if !self.at(TokenKind::Elif) {
                break;
            }
            if branches.len() >= MAX_ELIF {
                let at = TextRange::empty(self.start());
                return self.fail(
                    "too many 'elif' branches for the playground: use a dict or a loop",
                    at,
                );
            }
            keyword = TokenKind::Elif;
        }
        let mut orelse = if self.at(TokenKind::Else) {
            let at = self.bump().range.start;
            self.block("'else' statement", at)?
        } else {
            Vec::new()
        };
        let end = self.prev_end;
        while let Some((start, test, body)) = branches.pop() {
            let stmt = Stmt {
                kind: StmtKind::If { test, body, orelse },
                range: TextRange::new(start, end),
            };
            if branches.is_empty() {
                return Ok(stmt);
            }
            orelse = vec![stmt];
        }
        self.invalid_syntax()
    }

    pub(super) fn while_statement(&mut self) -> PResult<Stmt> {
        let start = self.bump().range.start;
        let test = self.condition()?;
        let body = self.block("'while' statement", start)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::While { test, body, orelse },
            range: self.range_from(start),
        })
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at(TokenKind::Else) {
            return Ok(Vec::new());
        }
        let at = self.bump().range.start;
        self.block("'else' statement", at)
    }

    pub(super) fn for_statement(&mut self, is_async: bool) -> PResult<Stmt> {
        let start = if is_async {
            self.prev_start_of_async()
        } else {
            self.start()
        };
        let keyword = self.bump().range.start;
        let target = self.star_targets()?;
        if let Some(bad) = invalid_target(&target, true) {
            let range = bad.range;
            return self.fail(
                format!("cannot assign to {}", target_description(bad)),
                range,
            );
        }
        self.expect(TokenKind::In)?;
        let iter = self.star_expressions()?;
        let body = self.block("'for' statement", keyword)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            kind: StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            },
            range: self.range_from(start),
        })
    }

    fn prev_start_of_async(&self) -> u32 {
        self.tokens[self.pos.saturating_sub(1)].range.start
    }

    pub(super) fn with_statement(&mut self, is_async: bool) -> PResult<Stmt> {
        let start = if is_async {
            self.prev_start_of_async()
        } else {
            self.start()
        };
        let keyword = self.bump().range.start;
        let items = match self.parenthesized_with_items()? {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat(TokenKind::Comma) {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        let body = self.block("'with' statement", keyword)?;
        Ok(Stmt {
            kind: StmtKind::With {
                items,
                body,
                is_async,
            },
            range: self.range_from(start),
        })
    }

    /// `with (a as b, c):`, which CPython tries before reading `(a, c)` as one expression.
    fn parenthesized_with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        if !self.at(TokenKind::Lpar) {
            return Ok(None);
        }
        let save = self.pos;
        let errors = self.errors.len();
        let prev_end = self.prev_end;
        self.bump();
        let mut items = Vec::new();
        let attempt: PResult<()> = (|| {
            loop {
                items.push(self.with_item()?);
                if !self.eat(TokenKind::Comma) {
                    break;
                }
                if self.at(TokenKind::Rpar) {
                    break;
                }
            }
            self.expect(TokenKind::Rpar)?;
            Ok(())
        })();
        if attempt.is_ok() && self.at(TokenKind::Colon) {
            return Ok(Some(items));
        }
        self.pos = save;
        self.prev_end = prev_end;
        self.errors.truncate(errors);
        Ok(None)
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(TokenKind::As) {
            let target = self.star_target_for_with()?;
            Some(target)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    fn star_target_for_with(&mut self) -> PResult<Expr> {
        let target = self.primary()?;
        if let Some(bad) = invalid_target(&target, true) {
            let range = bad.range;
            return self.fail(
                format!("cannot assign to {}", target_description(bad)),
                range,
            );
        }
        Ok(target)
    }

    pub(super) fn try_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let keyword = self.bump().range.start;
        let body = self.block("'try' statement", keyword)?;
        let mut handlers = Vec::new();
        while self.at(TokenKind::Except) {
            let handler_start = self.bump().range.start;
            if self.at(TokenKind::Star) {
                let range = self.current().range;
                self.unsupported("'except*'", range);
                self.bump();
            }
            let (type_, name) = if self.at(TokenKind::Colon) {
                (None, None)
            } else {
                let type_ = self.expression()?;
                let type_ = if self.at(TokenKind::Comma) {
                    let mut elts = vec![type_];
                    while self.eat(TokenKind::Comma) {
                        elts.push(self.expression()?);
                    }
                    let range = TextRange::new(elts[0].range.start, self.prev_end);
                    return self.fail("multiple exception types must be parenthesized", range);
                } else {
                    type_
                };
                let name = if self.eat(TokenKind::As) {
                    Some(self.expect_name()?.0)
                } else {
                    None
                };
                (Some(type_), name)
            };
            let body = self.block("'except' statement", handler_start)?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body,
                range: self.range_from(handler_start),
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            Vec::new()
        };
        let finalbody = if self.at(TokenKind::Finally) {
            let at = self.bump().range.start;
            self.block("'finally' statement", at)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let token = self.current();
            let range = match token.kind {
                TokenKind::EndOfFile | TokenKind::Newline => TextRange::empty(token.range.start),
                _ => token.range,
            };
            return self.fail("expected 'except' or 'finally' block", range);
        }
        Ok(Stmt {
            kind: StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            range: self.range_from(start),
        })
    }

    pub(super) fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(TokenKind::At) {
            decorators.push(self.named_expression()?);
            self.expect(TokenKind::Newline)?;
        }
        match self.kind() {
            TokenKind::Def => self.function_def(decorators, false),
            TokenKind::Class => self.class_def(decorators),
            TokenKind::Async => self.async_statement(decorators),
            _ => self.invalid_syntax(),
        }
    }

    pub(super) fn async_statement(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let token = self.bump();
        self.unsupported("'async'", token.range);
        match self.kind() {
            TokenKind::Def => self.function_def(decorators, true),
            TokenKind::For if decorators.is_empty() => self.for_statement(true),
            TokenKind::With if decorators.is_empty() => self.with_statement(true),
            _ => self.invalid_syntax(),
        }
    }

    pub(super) fn function_def(
        &mut self,
        decorator_list: Vec<Expr>,
        is_async: bool,
    ) -> PResult<Stmt> {
        let start = if is_async {
            self.prev_start_of_async()
        } else {
            self.start()
        };
        let keyword = self.bump().range.start;
        let (name, _) = self.expect_name()?;
        if !self.at(TokenKind::Lpar) {
            let at = self.token_caret_range();
            return self.fail("expected '('", at);
        }
        self.bump();
        let args = self.parameters(TokenKind::Rpar, true)?;
        self.expect(TokenKind::Rpar)?;
        let returns = if self.eat(TokenKind::Rarrow) {
            Some(self.expression()?)
        } else {
            None
        };
        let body = self.block("function definition", keyword)?;
        let def = FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            is_async,
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Box::new(def)),
            range: self.range_from(start),
        })
    }

    pub(super) fn class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let (name, _) = self.expect_name()?;
        let (bases, keywords) = if self.at(TokenKind::Lpar) {
            self.call_arguments()?
        } else {
            (Vec::new(), Vec::new())
        };
        let body = self.block("class definition", start)?;
        let class = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        };
        Ok(Stmt {
            kind: StmtKind::ClassDef(Box::new(class)),
            range: self.range_from(start),
        })
    }
}
