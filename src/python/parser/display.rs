//! Bracketed forms: parenthesized expressions, tuples and generator expressions, list, set
//! and dict displays and their comprehensions, call arguments, and lambda/def parameters.

use super::expr::{expr, starts_expression};
use super::{Abort, PResult, Parser};
use crate::python::ast::{Arg, Arguments, Comprehension, Expr, ExprKind, Keyword};
use crate::python::token::TokenKind;
use crate::text::TextRange;

impl Parser<'_> {
    /// `(...)`: the empty tuple, a parenthesized yield, a generator expression, a tuple, or a
    /// group (whose node keeps its own range).
    pub(super) fn parenthesized(&mut self) -> PResult<Expr> {
        self.enter()?;
        let res = self.parenthesized_inner();
        self.leave();
        res
    }

    fn parenthesized_inner(&mut self) -> PResult<Expr> {
        let start = self.bump().range.start;
        if self.eat(TokenKind::Rpar) {
            return Ok(expr(
                ExprKind::Tuple { elts: Vec::new() },
                self.range_from(start),
            ));
        }
        if self.at(TokenKind::Yield) {
            let value = self.yield_expression()?;
            self.expect(TokenKind::Rpar)?;
            return Ok(value);
        }
        let first = self.star_named_expression()?;
        if matches!(self.kind(), TokenKind::For | TokenKind::Async) {
            let generators = self.comprehension_clauses()?;
            self.expect(TokenKind::Rpar)?;
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                range,
            ));
        }
        if self.eat(TokenKind::Rpar) {
            return Ok(first);
        }
        if !self.at(TokenKind::Comma) {
            return self.missing_comma_or_close(first, TokenKind::Rpar);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::Rpar) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if !self.at(TokenKind::Rpar) {
            let last = elts.pop().unwrap_or_else(|| {
                expr(
                    ExprKind::Tuple { elts: Vec::new() },
                    TextRange::empty(start),
                )
            });
            return self.missing_comma_or_close(last, TokenKind::Rpar);
        }
        self.bump();
        Ok(expr(ExprKind::Tuple { elts }, self.range_from(start)))
    }

    /// After `prev` inside brackets, where a comma or `close` should follow: CPython's
    /// "Perhaps you forgot a comma?" when another expression starts right there.
    fn missing_comma_or_close<T>(&mut self, prev: Expr, close: TokenKind) -> PResult<T> {
        if self.at(close) {
            self.bump();
            return Err(Abort);
        }
        if starts_expression(self.kind())
            && !matches!(
                self.kind(),
                TokenKind::Not | TokenKind::Minus | TokenKind::Plus | TokenKind::Tilde
            )
        {
            let save = self.pos;
            let errors = self.errors.len();
            if let Ok(next) = self.expression() {
                let range = prev.range.cover(next.range);
                self.pos = save;
                self.errors.truncate(errors);
                return self.fail("invalid syntax. Perhaps you forgot a comma?", range);
            }
            self.pos = save;
            self.errors.truncate(errors);
        }
        self.invalid_syntax()
    }

    pub(super) fn list_display(&mut self) -> PResult<Expr> {
        self.enter()?;
        let res = self.list_display_inner();
        self.leave();
        res
    }

    fn list_display_inner(&mut self) -> PResult<Expr> {
        let start = self.bump().range.start;
        if self.eat(TokenKind::Rsqb) {
            return Ok(expr(
                ExprKind::List { elts: Vec::new() },
                self.range_from(start),
            ));
        }
        let first = self.star_named_expression()?;
        let kind = match self.display_rest(start, first, TokenKind::Rsqb)? {
            DisplayRest::Comprehension(elt, generators) => ExprKind::ListComp { elt, generators },
            DisplayRest::Elements(elts) => ExprKind::List { elts },
        };
        Ok(expr(kind, self.range_from(start)))
    }

    /// The rest of a list or set display after its first element, up to `close`: a
    /// comprehension's clauses, or the remaining comma-separated elements.
    fn display_rest(&mut self, start: u32, first: Expr, close: TokenKind) -> PResult<DisplayRest> {
        if matches!(self.kind(), TokenKind::For | TokenKind::Async) {
            let generators = self.comprehension_clauses()?;
            self.expect(close)?;
            return Ok(DisplayRest::Comprehension(Box::new(first), generators));
        }
        let mut elts = vec![first];
        loop {
            if self.eat(close) {
                break;
            }
            if self.at(TokenKind::For) && elts.len() > 1 {
                let range = elts[0].range.cover(elts[elts.len() - 1].range);
                return self.fail(
                    "did you forget parentheses around the comprehension target?",
                    range,
                );
            }
            if !self.eat(TokenKind::Comma) {
                let last = elts.pop().unwrap_or_else(|| {
                    expr(ExprKind::List { elts: Vec::new() }, TextRange::empty(start))
                });
                return self.missing_comma_or_close(last, close);
            }
            if self.eat(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(DisplayRest::Elements(elts))
    }

    /// `{...}`: dict, set, or their comprehensions.
    pub(super) fn brace_display(&mut self) -> PResult<Expr> {
        self.enter()?;
        let res = self.brace_display_inner();
        self.leave();
        res
    }

    fn brace_display_inner(&mut self) -> PResult<Expr> {
        let start = self.bump().range.start;
        if self.eat(TokenKind::Rbrace) {
            return Ok(expr(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                self.range_from(start),
            ));
        }
        // A dict when the first item is `**x` or `key: value`.
        let first_key = if self.eat(TokenKind::DoubleStar) {
            None
        } else {
            let key = self.star_named_expression()?;
            if !self.at(TokenKind::Colon) {
                return self.set_display(start, key);
            }
            self.bump();
            Some(key)
        };
        let first_value = if first_key.is_none() {
            self.bitwise_or()?
        } else {
            self.expression()?
        };
        if let (Some(key), true) = (
            &first_key,
            matches!(self.kind(), TokenKind::For | TokenKind::Async),
        ) {
            let key = key.clone();
            let generators = self.comprehension_clauses()?;
            self.expect(TokenKind::Rbrace)?;
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::DictComp {
                    key: Box::new(key),
                    value: Box::new(first_value),
                    generators,
                },
                range,
            ));
        }
        let mut keys = vec![first_key];
        let mut values = vec![first_value];
        loop {
            if self.eat(TokenKind::Rbrace) {
                break;
            }
            if !self.eat(TokenKind::Comma) {
                let last = values.pop().unwrap_or_else(|| {
                    expr(
                        ExprKind::Tuple { elts: Vec::new() },
                        TextRange::empty(start),
                    )
                });
                return self.missing_comma_or_close(last, TokenKind::Rbrace);
            }
            if self.eat(TokenKind::Rbrace) {
                break;
            }
            if self.eat(TokenKind::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let key = self.expression()?;
                if !self.eat(TokenKind::Colon) {
                    let at = TextRange::empty(key.range.end.saturating_sub(1));
                    return self.fail("':' expected after dictionary key", at);
                }
                keys.push(Some(key));
                values.push(self.expression()?);
            }
        }
        Ok(expr(
            ExprKind::Dict { keys, values },
            self.range_from(start),
        ))
    }

    fn set_display(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        let kind = match self.display_rest(start, first, TokenKind::Rbrace)? {
            DisplayRest::Comprehension(elt, generators) => ExprKind::SetComp { elt, generators },
            DisplayRest::Elements(elts) => ExprKind::Set { elts },
        };
        Ok(expr(kind, self.range_from(start)))
    }

    /// `for target in iter if cond ...` clauses of a comprehension.
    pub(super) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while matches!(self.kind(), TokenKind::For | TokenKind::Async) {
            let is_async = self.at(TokenKind::Async);
            if is_async {
                let range = self.current().range;
                self.unsupported("'async for'", range);
                self.bump();
            }
            self.expect(TokenKind::For)?;
            let target = self.star_targets()?;
            self.expect(TokenKind::In)?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(TokenKind::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// `(args)` of a call: positional, `*args`, `name=value`, `**kwargs`, or one bare
    /// generator expression (whose range then spans the parentheses).
    pub(super) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.enter()?;
        let res = self.call_arguments_inner();
        self.leave();
        res
    }

    fn call_arguments_inner(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.bump().range.start;
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        loop {
            if self.eat(TokenKind::Rpar) {
                break;
            }
            let start = self.start();
            if self.at(TokenKind::DoubleStar) {
                self.bump();
                let value = self.expression()?;
                let range = self.range_from(start);
                keywords.push(Keyword {
                    arg: None,
                    value,
                    range,
                });
            } else if self.at(TokenKind::Name) && self.nth(1) == TokenKind::Equal {
                let name = self.bump();
                self.bump();
                let value = self.expression()?;
                if matches!(self.kind(), TokenKind::For | TokenKind::Async) {
                    let range = TextRange::new(name.range.start, name.range.end + 1);
                    return self.fail(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        range,
                    );
                }
                let range = self.range_from(start);
                let arg = self.text(name).to_string();
                if keywords
                    .iter()
                    .any(|k| k.arg.as_deref() == Some(arg.as_str()))
                {
                    // A compiler error in CPython: it ranks after every syntax error.
                    self.errors.push(crate::python::error::SyntaxError {
                        class: crate::python::error::SyntaxErrorClass::SyntaxError,
                        message: format!("keyword argument repeated: {arg}"),
                        range,
                        token_index: usize::MAX,
                        reached: u32::MAX,
                        unsupported: false,
                        lexical: false,
                    });
                }
                keywords.push(Keyword {
                    arg: Some(arg),
                    value,
                    range,
                });
            } else if self.at(TokenKind::Star) {
                let value = self.star_expression()?;
                if keywords.iter().any(|k| k.arg.is_none()) {
                    let range = TextRange::new(value.range.start, value.range.start + 1);
                    return self.fail(
                        "iterable argument unpacking follows keyword argument unpacking",
                        range,
                    );
                }
                args.push(value);
            } else {
                let value = self.named_expression()?;
                if self.at(TokenKind::Equal) {
                    let range = TextRange::new(value.range.start, self.current().range.end);
                    return self.fail(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        range,
                    );
                }
                if matches!(self.kind(), TokenKind::For | TokenKind::Async) {
                    let generators = self.comprehension_clauses()?;
                    let only = args.is_empty() && keywords.is_empty() && self.at(TokenKind::Rpar);
                    if !only {
                        let range = TextRange::new(value.range.start, self.prev_end);
                        return self.fail("Generator expression must be parenthesized", range);
                    }
                    self.bump();
                    let range = self.range_from(open);
                    args.push(expr(
                        ExprKind::GeneratorExp {
                            elt: Box::new(value),
                            generators,
                        },
                        range,
                    ));
                    return Ok((args, keywords));
                }
                if !keywords.is_empty() {
                    let message = if keywords.iter().any(|k| k.arg.is_none()) {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    let range = self.token_caret_range();
                    return self.fail(message, range);
                }
                args.push(value);
            }
            if self.eat(TokenKind::Rpar) {
                break;
            }
            if !self.eat(TokenKind::Comma) {
                let prev = match (args.last(), keywords.last()) {
                    (Some(a), Some(k)) if k.range.start > a.range.start => k.value.clone(),
                    (Some(a), _) => a.clone(),
                    (None, Some(k)) => k.value.clone(),
                    (None, None) => return self.invalid_syntax(),
                };
                return self.missing_comma_or_close(prev, TokenKind::Rpar);
            }
        }
        Ok((args, keywords))
    }

    pub(super) fn lambda(&mut self) -> PResult<Expr> {
        let start = self.bump().range.start;
        let args = self.parameters(TokenKind::Colon, false)?;
        self.expect(TokenKind::Colon)?;
        let body = self.expression()?;
        let range = self.range_from(start);
        Ok(expr(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            range,
        ))
    }

    /// Parameters up to `close` (`)` for `def`, `:` for `lambda`), with CPython's groups:
    /// positional-only before `/`, keyword-only after `*`.
    pub(super) fn parameters(&mut self, close: TokenKind, annotations: bool) -> PResult<Arguments> {
        let mut res = Arguments::default();
        let mut seen_default = false;
        let mut after_star = false;
        while !self.at(close) {
            match self.kind() {
                TokenKind::Slash => {
                    self.bump();
                    res.posonlyargs.append(&mut res.args);
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    res.kwarg = Some(self.parameter(annotations)?);
                }
                TokenKind::Star => {
                    let star = self.bump();
                    after_star = true;
                    if self.at(TokenKind::Name) {
                        res.vararg = Some(self.parameter(annotations)?);
                    } else if self.at(close) || (self.at(TokenKind::Comma) && self.nth(1) == close)
                    {
                        return self.fail("named arguments must follow bare *", star.range);
                    }
                }
                _ => {
                    let param = self.parameter(annotations)?;
                    let default = if self.eat(TokenKind::Equal) {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if after_star {
                        res.kwonlyargs.push(param);
                        res.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(value) => {
                                seen_default = true;
                                res.defaults.push(value);
                            }
                            None if seen_default => {
                                let range = param.range;
                                return self
                                    .fail("non-default argument follows default argument", range);
                            }
                            None => {}
                        }
                        res.args.push(param);
                    }
                }
            }
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        Ok(res)
    }

    fn parameter(&mut self, annotations: bool) -> PResult<Arg> {
        let (name, name_range) = self.expect_name()?;
        let annotation = if annotations && self.eat(TokenKind::Colon) {
            Some(self.expression()?)
        } else {
            None
        };
        let range = self.range_from(name_range.start);
        Ok(Arg {
            arg: name,
            annotation,
            range,
        })
    }
}

/// What follows the first element of a list or set display.
enum DisplayRest {
    Comprehension(Box<Expr>, Vec<Comprehension>),
    Elements(Vec<Expr>),
}
