//! Expressions: CPython 3.11's precedence from `lambda` down to atoms, with its node ranges
//! (a parenthesized expression keeps its own range; the node around it starts at the `(`).

use super::{Abort, PResult, Parser};
use crate::python::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Keyword, Operator,
    UnaryOp,
};
use crate::python::token::TokenKind;
use crate::text::TextRange;

/// Binary operator precedence, CPython's `bitwise_or` (1) to `term` (6).
fn binary_op(kind: TokenKind) -> Option<(u8, Operator)> {
    use TokenKind as T;
    Some(match kind {
        T::Vbar => (1, Operator::BitOr),
        T::Circumflex => (2, Operator::BitXor),
        T::Amper => (3, Operator::BitAnd),
        T::LeftShift => (4, Operator::LShift),
        T::RightShift => (4, Operator::RShift),
        T::Plus => (5, Operator::Add),
        T::Minus => (5, Operator::Sub),
        T::Star => (6, Operator::Mult),
        T::At => (6, Operator::MatMult),
        T::Slash => (6, Operator::Div),
        T::DoubleSlash => (6, Operator::FloorDiv),
        T::Percent => (6, Operator::Mod),
        _ => return None,
    })
}

/// Tokens that can start an expression, to tell `a b` (a missing comma) from `a` alone.
pub(super) fn starts_expression(kind: TokenKind) -> bool {
    use TokenKind as T;
    matches!(
        kind,
        T::Name
            | T::Int
            | T::Float
            | T::Complex
            | T::String
            | T::None
            | T::True
            | T::False
            | T::Lpar
            | T::Lsqb
            | T::Lbrace
            | T::Minus
            | T::Plus
            | T::Tilde
            | T::Not
            | T::Lambda
            | T::Ellipsis
            | T::Await
    )
}

pub(super) fn expr(kind: ExprKind, range: TextRange) -> Expr {
    Expr::new(kind, range)
}

impl Parser<'_> {
    /// `expression`: a conditional expression or a lambda.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let res = self.expression_inner();
        self.leave();
        res
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Lambda) {
            return self.lambda();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if !self.at(TokenKind::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        if !self.eat(TokenKind::Else) {
            let range = TextRange::new(start, self.prev_end);
            return self.fail("expected 'else' after 'if' expression", range);
        }
        let orelse = self.expression()?;
        let range = self.range_from(start);
        Ok(expr(
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            range,
        ))
    }

    /// `named_expression`: `name := expression`, or an expression.
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at(TokenKind::Name) && self.nth(1) == TokenKind::ColonEqual {
            let name = self.bump();
            let target = expr(
                ExprKind::Name {
                    id: self.text(name).to_string(),
                },
                name.range,
            );
            self.bump();
            let value = self.expression()?;
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                range,
            ));
        }
        let value = self.expression()?;
        if self.at(TokenKind::ColonEqual) {
            let what = target_description(&value);
            let range = value.range;
            return self.fail(
                format!("cannot use assignment expressions with {what}"),
                range,
            );
        }
        Ok(value)
    }

    /// `star_expression`: `*bitwise_or` or an expression.
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Star) {
            let start = self.bump().range.start;
            let value = self.bitwise_or()?;
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::Starred {
                    value: Box::new(value),
                },
                range,
            ));
        }
        self.expression()
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression.
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Star) {
            return self.star_expression();
        }
        self.named_expression()
    }

    /// `star_expressions`: one or more, a tuple (range including a trailing comma) if a
    /// comma follows the first.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if !self.starts_star_expression() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        let range = self.range_from(start);
        Ok(expr(ExprKind::Tuple { elts }, range))
    }

    fn starts_star_expression(&self) -> bool {
        self.at(TokenKind::Star) || starts_expression(self.kind())
    }

    /// `star_targets` of `for` and comprehensions: stops before `in`.
    pub(super) fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_target()?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if !self.starts_star_expression() {
                break;
            }
            elts.push(self.star_target()?);
        }
        let range = self.range_from(start);
        Ok(expr(ExprKind::Tuple { elts }, range))
    }

    fn star_target(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Star) {
            let start = self.bump().range.start;
            let value = self.star_target()?;
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::Starred {
                    value: Box::new(value),
                },
                range,
            ));
        }
        self.bitwise_or()
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.conjunction()?;
        if !self.at(TokenKind::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(TokenKind::Or) {
            values.push(self.conjunction()?);
        }
        let range = self.range_from(start);
        Ok(expr(
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            },
            range,
        ))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.inversion()?;
        if !self.at(TokenKind::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(TokenKind::And) {
            values.push(self.inversion()?);
        }
        let range = self.range_from(start);
        Ok(expr(
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
            range,
        ))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Not) {
            self.enter()?;
            let start = self.bump().range.start;
            let operand = self.inversion();
            self.leave();
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand?),
                },
                range,
            ));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.kind() {
                TokenKind::EqEqual => CmpOp::Eq,
                TokenKind::NotEqual => CmpOp::NotEq,
                TokenKind::Less => CmpOp::Lt,
                TokenKind::LessEqual => CmpOp::LtE,
                TokenKind::Greater => CmpOp::Gt,
                TokenKind::GreaterEqual => CmpOp::GtE,
                TokenKind::In => CmpOp::In,
                TokenKind::Not if self.nth(1) == TokenKind::In => {
                    self.bump();
                    CmpOp::NotIn
                }
                TokenKind::Is if self.nth(1) == TokenKind::Not => {
                    self.bump();
                    CmpOp::IsNot
                }
                TokenKind::Is => CmpOp::Is,
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let range = self.range_from(start);
        Ok(expr(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            range,
        ))
    }

    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Left-associative binary operators at precedence `min` and above.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let base = self.tree_depth;
        let res = self.binary_chain(min);
        self.tree_depth = base;
        res
    }

    fn binary_chain(&mut self, min: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.factor()?;
        while let Some((prec, op)) = binary_op(self.kind()) {
            if prec < min {
                break;
            }
            self.deepen()?;
            self.bump();
            let right = self.binary(prec + 1)?;
            let range = self.range_from(start);
            left = expr(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                range,
            );
            if left.height > super::MAX_TREE_DEPTH {
                return self.too_deep();
            }
        }
        Ok(left)
    }

    /// `factor`: unary `+`, `-`, `~`, binding looser than `**`.
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            TokenKind::Plus => UnaryOp::UAdd,
            TokenKind::Minus => UnaryOp::USub,
            TokenKind::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        self.enter()?;
        let start = self.bump().range.start;
        let operand = self.factor();
        self.leave();
        let range = self.range_from(start);
        Ok(expr(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand?),
            },
            range,
        ))
    }

    /// `power`: `await_primary ** factor`, right-associative through `factor`.
    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.await_primary()?;
        if !self.eat(TokenKind::DoubleStar) {
            return Ok(base);
        }
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let range = self.range_from(start);
        Ok(expr(
            ExprKind::BinOp {
                left: Box::new(base),
                op: Operator::Pow,
                right: Box::new(exponent?),
            },
            range,
        ))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at(TokenKind::Await) {
            let start = self.bump().range.start;
            let value = self.primary()?;
            let range = self.range_from(start);
            self.unsupported("'await'", range);
            return Ok(expr(
                ExprKind::Await {
                    value: Box::new(value),
                },
                range,
            ));
        }
        self.primary()
    }

    /// `primary`: an atom followed by `.name`, `(args)` and `[slices]`.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let base = self.tree_depth;
        let res = self.primary_chain();
        self.tree_depth = base;
        res
    }

    fn primary_chain(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut value = self.atom()?;
        loop {
            self.deepen()?;
            if value.height > super::MAX_TREE_DEPTH {
                return self.too_deep();
            }
            match self.kind() {
                TokenKind::Dot => {
                    self.bump();
                    let (attr, _) = self.expect_name()?;
                    let range = self.range_from(start);
                    value = expr(
                        ExprKind::Attribute {
                            value: Box::new(value),
                            attr,
                        },
                        range,
                    );
                }
                TokenKind::Lpar => {
                    let (args, keywords) = self.call_arguments()?;
                    let range = self.range_from(start);
                    value = expr(
                        ExprKind::Call {
                            func: Box::new(value),
                            args,
                            keywords,
                        },
                        range,
                    );
                }
                TokenKind::Lsqb => {
                    self.enter()?;
                    self.bump();
                    let slice = self.slices();
                    self.leave();
                    let slice = slice?;
                    self.expect(TokenKind::Rsqb)?;
                    let range = self.range_from(start);
                    value = expr(
                        ExprKind::Subscript {
                            value: Box::new(value),
                            slice: Box::new(slice),
                        },
                        range,
                    );
                }
                _ => return Ok(value),
            }
        }
    }

    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice()?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if self.at(TokenKind::Rsqb) {
                break;
            }
            elts.push(self.slice()?);
        }
        let range = self.range_from(start);
        Ok(expr(ExprKind::Tuple { elts }, range))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = self.start();
        if self.at(TokenKind::Star) {
            return self.star_expression();
        }
        let lower = if self.at(TokenKind::Colon) {
            None
        } else {
            let value = self.named_expression()?;
            if !self.at(TokenKind::Colon) {
                return Ok(value);
            }
            Some(Box::new(value))
        };
        self.expect(TokenKind::Colon)?;
        let bound = |this: &mut Self| -> PResult<Option<Box<Expr>>> {
            if matches!(
                this.kind(),
                TokenKind::Colon | TokenKind::Comma | TokenKind::Rsqb
            ) {
                Ok(None)
            } else {
                Ok(Some(Box::new(this.expression()?)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat(TokenKind::Colon) {
            bound(self)?
        } else {
            None
        };
        let range = self.range_from(start);
        Ok(expr(ExprKind::Slice { lower, upper, step }, range))
    }

    pub(super) fn atom(&mut self) -> PResult<Expr> {
        let token = self.current();
        let constant = |value| ExprKind::Constant { value };
        let kind = match token.kind {
            TokenKind::Name => ExprKind::Name {
                id: self.text(token).to_string(),
            },
            TokenKind::True => constant(Constant::Bool(true)),
            TokenKind::False => constant(Constant::Bool(false)),
            TokenKind::None => constant(Constant::None),
            TokenKind::Ellipsis => constant(Constant::Ellipsis),
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => {
                self.bump();
                let value = self.number(token.kind, token.range);
                return Ok(expr(constant(value), token.range));
            }
            TokenKind::String => return self.strings(),
            TokenKind::Lpar => return self.parenthesized(),
            TokenKind::Lsqb => return self.list_display(),
            TokenKind::Lbrace => return self.brace_display(),
            TokenKind::Yield => {
                // `yield` outside parentheses in an expression position.
                return self.invalid_syntax();
            }
            _ => return self.invalid_syntax(),
        };
        self.bump();
        Ok(expr(kind, token.range))
    }

    fn number(&mut self, kind: TokenKind, range: TextRange) -> Constant {
        let text: String = self.src[range.start as usize..range.end as usize]
            .chars()
            .filter(|c| *c != '_')
            .collect();
        let lower = text.to_ascii_lowercase();
        match kind {
            TokenKind::Int => {
                let parsed = if let Some(hex) = lower.strip_prefix("0x") {
                    i64::from_str_radix(hex, 16)
                } else if let Some(oct) = lower.strip_prefix("0o") {
                    i64::from_str_radix(oct, 8)
                } else if let Some(bin) = lower.strip_prefix("0b") {
                    i64::from_str_radix(bin, 2)
                } else {
                    lower.parse::<i64>()
                };
                match parsed {
                    Ok(n) => Constant::Int(n),
                    Err(_) => {
                        let radix = match lower.get(..2) {
                            Some("0x") => 16,
                            Some("0o") => 8,
                            Some("0b") => 2,
                            _ => 10,
                        };
                        let digits = if radix == 10 { &lower[..] } else { &lower[2..] };
                        let decimal = u128::from_str_radix(digits, radix)
                            .map(|n| n.to_string())
                            .unwrap_or_else(|_| digits.to_string());
                        self.unsupported("an integer this large", range);
                        Constant::BigInt(decimal)
                    }
                }
            }
            TokenKind::Float => Constant::Float(lower.parse().unwrap_or(f64::NAN)),
            _ => Constant::Complex(lower.trim_end_matches('j').parse().unwrap_or(f64::NAN)),
        }
    }

    /// `(...)`: the empty tuple, a parenthesized yield, a generator expression, a tuple, or a
    /// group (whose node keeps its own range).
    fn parenthesized(&mut self) -> PResult<Expr> {
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

    fn list_display(&mut self) -> PResult<Expr> {
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
        if matches!(self.kind(), TokenKind::For | TokenKind::Async) {
            let generators = self.comprehension_clauses()?;
            self.expect(TokenKind::Rsqb)?;
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                range,
            ));
        }
        let mut elts = vec![first];
        loop {
            if self.eat(TokenKind::Rsqb) {
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
                return self.missing_comma_or_close(last, TokenKind::Rsqb);
            }
            if self.eat(TokenKind::Rsqb) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(expr(ExprKind::List { elts }, self.range_from(start)))
    }

    /// `{...}`: dict, set, or their comprehensions.
    fn brace_display(&mut self) -> PResult<Expr> {
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
        if matches!(self.kind(), TokenKind::For | TokenKind::Async) {
            let generators = self.comprehension_clauses()?;
            self.expect(TokenKind::Rbrace)?;
            let range = self.range_from(start);
            return Ok(expr(
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                range,
            ));
        }
        let mut elts = vec![first];
        loop {
            if self.eat(TokenKind::Rbrace) {
                break;
            }
            if !self.eat(TokenKind::Comma) {
                let last = elts.pop().unwrap_or_else(|| {
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
            elts.push(self.star_named_expression()?);
        }
        Ok(expr(ExprKind::Set { elts }, self.range_from(start)))
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

    /// `yield`, `yield x, y`, `yield from x`.
    pub(super) fn yield_expression(&mut self) -> PResult<Expr> {
        let start = self.bump().range.start;
        let res = if self.eat(TokenKind::From) {
            let value = self.expression()?;
            ExprKind::YieldFrom {
                value: Box::new(value),
            }
        } else if self.starts_star_expression() {
            ExprKind::Yield {
                value: Some(Box::new(self.star_expressions()?)),
            }
        } else {
            ExprKind::Yield { value: None }
        };
        let range = self.range_from(start);
        self.unsupported("'yield'", range);
        Ok(expr(res, range))
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

    fn lambda(&mut self) -> PResult<Expr> {
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

/// How CPython names an expression in "cannot assign to ..." messages.
pub(super) fn target_description(value: &Expr) -> &'static str {
    match &value.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant {
            value: Constant::None | Constant::Bool(_) | Constant::Ellipsis,
        } => match &value.kind {
            ExprKind::Constant {
                value: Constant::None,
            } => "None",
            ExprKind::Constant {
                value: Constant::Bool(true),
            } => "True",
            ExprKind::Constant {
                value: Constant::Bool(false),
            } => "False",
            _ => "ellipsis",
        },
        ExprKind::Constant { .. } | ExprKind::JoinedStr { .. } => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } => "list",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Slice { .. } => "slice",
    }
}
