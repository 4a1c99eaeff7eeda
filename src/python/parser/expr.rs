//! Expressions: CPython 3.11's precedence from `lambda` down to atoms, with its node ranges
//! (a parenthesized expression keeps its own range; the node around it starts at the `(`).

use super::{PResult, Parser};
use crate::python::ast::{BoolOp, CmpOp, Constant, Expr, ExprKind, Operator, UnaryOp};
use crate::python::error::SyntaxErrorClass;
use crate::python::token::TokenKind;
use crate::text::TextRange;

/// CPython 3.11's limit on decimal digits in an int/str conversion, literals included.
const MAX_STR_DIGITS: usize = crate::python::runtime::bigint::DEFAULT_MAX_STR_DIGITS;

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
        self.comma_tuple(Self::star_expression)
    }

    fn starts_star_expression(&self) -> bool {
        self.at(TokenKind::Star) || starts_expression(self.kind())
    }

    /// `star_targets` of `for` and comprehensions: stops before `in`.
    pub(super) fn star_targets(&mut self) -> PResult<Expr> {
        self.comma_tuple(Self::star_target)
    }

    /// One `element`, or several separated by commas as an unparenthesized tuple whose range
    /// includes a trailing comma.
    fn comma_tuple(&mut self, element: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let start = self.start();
        let first = element(self)?;
        if !self.at(TokenKind::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(TokenKind::Comma) {
            if !self.starts_star_expression() {
                break;
            }
            elts.push(element(self)?);
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

    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
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
                        if radix == 10 && digits.len() > MAX_STR_DIGITS {
                            self.error_here(
                                SyntaxErrorClass::SyntaxError,
                                format!("Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", digits.len()),
                                range,
                            );
                        }
                        // In decimal, as `ast` shows it; a power-of-two literal too long for
                        // that (CPython's `ast.dump` would refuse it) keeps its own digits,
                        // which the evaluator reads in linear time.
                        let bits = digits.len() as u64 * 4;
                        let decimal = if radix == 10 || bits > 4 * MAX_STR_DIGITS as u64 {
                            lower.clone()
                        } else {
                            num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix)
                                .map_or_else(|| lower.clone(), |n| n.to_string())
                        };
                        Constant::BigInt(decimal)
                    }
                }
            }
            TokenKind::Float => Constant::Float(lower.parse().unwrap_or(f64::NAN)),
            _ => Constant::Complex(lower.trim_end_matches('j').parse().unwrap_or(f64::NAN)),
        }
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
