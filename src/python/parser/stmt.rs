//! Statements and blocks, CPython 3.11's `statement` rules, plus the compile-time checks
//! CPython's compiler adds (`'return' outside function` and friends).

use super::expr::{starts_expression, target_description};
use super::{Abort, PResult, Parser};
use crate::python::ast::{Alias, Expr, ExprKind, Operator, Stmt, StmtKind};
use crate::python::error::{SyntaxError, SyntaxErrorClass};
use crate::python::token::TokenKind;
use crate::text::TextRange;

fn aug_operator(kind: TokenKind) -> Option<Operator> {
    use TokenKind as T;
    Some(match kind {
        T::PlusEqual => Operator::Add,
        T::MinusEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::DoubleStarEqual => Operator::Pow,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::VbarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::AmperEqual => Operator::BitAnd,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}

impl Parser<'_> {
    pub(super) fn statements_until_eof(&mut self) -> Vec<Stmt> {
        let mut body = Vec::new();
        while !self.at(TokenKind::EndOfFile) {
            let before = self.pos;
            if self.at(TokenKind::Indent) || self.at(TokenKind::Dedent) {
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
        body
    }

    pub(super) fn unexpected_indent(&mut self) {
        let token = self.bump();
        if token.kind == TokenKind::Indent {
            // CPython points one character before the end of the indentation, so that its
            // traceback prints no caret line.
            let at = token.range.end.saturating_sub(1);
            self.error_here(
                SyntaxErrorClass::IndentationError,
                "unexpected indent",
                TextRange::empty(at),
            );
        }
    }

    /// A compound statement, or a line of simple statements separated by `;`.
    pub(super) fn statement(&mut self) -> PResult<Vec<Stmt>> {
        let stmt = match self.kind() {
            TokenKind::If => self.if_statement()?,
            TokenKind::While => self.while_statement()?,
            TokenKind::For => self.for_statement(false)?,
            TokenKind::Try => self.try_statement()?,
            TokenKind::With => self.with_statement(false)?,
            TokenKind::Def => self.function_def(Vec::new(), false)?,
            TokenKind::Class => self.class_def(Vec::new())?,
            TokenKind::At => self.decorated()?,
            TokenKind::Async => self.async_statement(Vec::new())?,
            TokenKind::Name
                if self.text(self.current()) == "match" && self.at_match_statement() =>
            {
                self.skip_match_statement();
                return Ok(Vec::new());
            }
            _ => return self.simple_statements(),
        };
        Ok(vec![stmt])
    }

    /// `match` is a soft keyword: a statement only when its line ends with `:` and an indented
    /// `case` follows (otherwise it is a name, as in `match = re.match(...)`).
    fn at_match_statement(&self) -> bool {
        let mut i = self.pos + 1;
        while i < self.tokens.len() && self.tokens[i].kind != TokenKind::Newline {
            i += 1;
        }
        i > self.pos + 1
            && self.tokens[i - 1].kind == TokenKind::Colon
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Indent)
            && self
                .tokens
                .get(i + 2)
                .is_some_and(|t| t.kind == TokenKind::Name && self.text(*t) == "case")
    }

    /// Reports a `match` statement as unsupported and skips it with its block.
    fn skip_match_statement(&mut self) {
        let start = self.start();
        while !matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
            self.bump();
        }
        let range = TextRange::new(start, self.prev_end);
        self.unsupported("'match' statements are", range);
        self.bump();
        let mut nesting = 0usize;
        loop {
            match self.kind() {
                TokenKind::Indent => nesting += 1,
                TokenKind::Dedent => {
                    nesting = nesting.saturating_sub(1);
                    if nesting == 0 {
                        self.bump();
                        return;
                    }
                }
                TokenKind::EndOfFile => return,
                _ => {}
            }
            self.bump();
        }
    }

    pub(super) fn simple_statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut res = vec![self.simple_statement()?];
        while self.eat(TokenKind::Semi) {
            if matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
                break;
            }
            res.push(self.simple_statement()?);
        }
        if !self.eat(TokenKind::Newline) && !self.at(TokenKind::EndOfFile) {
            return self.invalid_syntax();
        }
        Ok(res)
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.kind() {
            TokenKind::Pass => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Break => {
                self.bump();
                StmtKind::Break
            }
            TokenKind::Continue => {
                self.bump();
                StmtKind::Continue
            }
            TokenKind::Return => {
                self.bump();
                let value = if self.starts_star() {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            TokenKind::Raise => {
                self.bump();
                let (exc, cause) = if starts_expression(self.kind()) {
                    let exc = self.expression()?;
                    let cause = if self.eat(TokenKind::From) {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    (Some(exc), cause)
                } else {
                    (None, None)
                };
                StmtKind::Raise { exc, cause }
            }
            TokenKind::Global | TokenKind::Nonlocal => {
                let global = self.bump().kind == TokenKind::Global;
                let mut names = vec![self.expect_name()?.0];
                while self.eat(TokenKind::Comma) {
                    names.push(self.expect_name()?.0);
                }
                if global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            TokenKind::Del => {
                self.bump();
                let targets = self.del_targets()?;
                StmtKind::Delete { targets }
            }
            TokenKind::Assert => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat(TokenKind::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Import => self.import()?,
            TokenKind::From => self.import_from()?,
            _ => return self.expression_statement(),
        };
        Ok(Stmt {
            kind,
            range: self.range_from(start),
        })
    }

    fn starts_star(&self) -> bool {
        self.at(TokenKind::Star) || starts_expression(self.kind())
    }

    fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut targets = Vec::new();
        loop {
            let target = self.bitwise_or()?;
            if let Some(bad) = invalid_target(&target, false) {
                let range = bad.range;
                return self.fail(format!("cannot delete {}", target_description(bad)), range);
            }
            targets.push(target);
            if !self.eat(TokenKind::Comma) || !starts_expression(self.kind()) {
                break;
            }
        }
        Ok(targets)
    }

    /// Expressions, assignments (`=`, annotated, augmented), and the legacy `print x`.
    fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let first = if self.at(TokenKind::Yield) {
            self.yield_expression()?
        } else {
            self.star_expressions()?
        };
        if let ExprKind::Name { id } = &first.kind {
            if (id == "print" || id == "exec") && starts_expression(self.kind()) {
                let id = id.clone();
                let save = self.pos;
                let errors = self.errors.len();
                if let Ok(arg) = self.star_expressions() {
                    let range = TextRange::new(start, arg.range.end);
                    self.pos = save;
                    self.errors.truncate(errors);
                    return self.fail(
                        format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?"),
                        range,
                    );
                }
                self.pos = save;
                self.errors.truncate(errors);
            }
        }
        match self.kind() {
            TokenKind::Equal => {
                let mut targets = vec![first];
                let mut value;
                loop {
                    self.bump();
                    value = if self.at(TokenKind::Yield) {
                        self.yield_expression()?
                    } else {
                        self.star_expressions()?
                    };
                    if !self.at(TokenKind::Equal) {
                        break;
                    }
                    targets.push(value);
                }
                for target in &targets {
                    if matches!(
                        target.kind,
                        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
                    ) {
                        let range = target.range;
                        return self.fail("assignment to yield expression not possible", range);
                    }
                    if let Some(bad) = invalid_target(target, true) {
                        let range = bad.range;
                        let what = target_description(bad);
                        return self.fail(
                            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                            range,
                        );
                    }
                    self.check_starred(target)?;
                }
                let range = self.range_from(start);
                Ok(Stmt {
                    kind: StmtKind::Assign { targets, value },
                    range,
                })
            }
            TokenKind::Colon => {
                let simple =
                    matches!(first.kind, ExprKind::Name { .. }) && first.range.start == start;
                if !matches!(
                    first.kind,
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                ) {
                    let range = first.range;
                    let message = match first.kind {
                        ExprKind::Tuple { .. } => "only single target (not tuple) can be annotated",
                        ExprKind::List { .. } => "only single target (not list) can be annotated",
                        _ => "illegal target for annotation",
                    };
                    return self.fail(message, range);
                }
                self.bump();
                let annotation = self.expression()?;
                let value = if self.eat(TokenKind::Equal) {
                    Some(if self.at(TokenKind::Yield) {
                        self.yield_expression()?
                    } else {
                        self.star_expressions()?
                    })
                } else {
                    None
                };
                let range = self.range_from(start);
                Ok(Stmt {
                    kind: StmtKind::AnnAssign {
                        target: first,
                        annotation,
                        value,
                        simple,
                    },
                    range,
                })
            }
            kind if kind.is_aug_assign() => {
                let op = aug_operator(kind).unwrap_or(Operator::Add);
                if !matches!(
                    first.kind,
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                ) {
                    let range = first.range;
                    let what = target_description(&first);
                    return self.fail(
                        format!("'{what}' is an illegal expression for augmented assignment"),
                        range,
                    );
                }
                self.bump();
                let value = if self.at(TokenKind::Yield) {
                    self.yield_expression()?
                } else {
                    self.star_expressions()?
                };
                let range = self.range_from(start);
                Ok(Stmt {
                    kind: StmtKind::AugAssign {
                        target: first,
                        op,
                        value,
                    },
                    range,
                })
            }
            _ => {
                if starts_expression(self.kind()) && !self.at(TokenKind::Not) {
                    // `a b`: outside brackets CPython points at the second expression.
                    return self.invalid_syntax();
                }
                let range = self.range_from(start);
                Ok(Stmt {
                    kind: StmtKind::Expr { value: first },
                    range,
                })
            }
        }
    }

    fn check_starred(&mut self, target: &Expr) -> PResult<()> {
        if let ExprKind::Tuple { elts } | ExprKind::List { elts } = &target.kind {
            if elts
                .iter()
                .filter(|e| matches!(e.kind, ExprKind::Starred { .. }))
                .count()
                > 1
            {
                let range = target.range;
                return self.fail("multiple starred expressions in assignment", range);
            }
            for elt in elts {
                self.check_starred(elt)?;
            }
        }
        Ok(())
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?.0;
        while self.at(TokenKind::Dot) {
            self.bump();
            name.push('.');
            name.push_str(&self.expect_name()?.0);
        }
        Ok(name)
    }

    fn import(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(TokenKind::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                range: self.range_from(start),
            });
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import { names })
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            match self.kind() {
                TokenKind::Dot => level += 1,
                TokenKind::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(TokenKind::Import) {
            if level == 0 {
                return self.invalid_syntax();
            }
            None
        } else {
            Some(self.dotted_name()?)
        };
        self.expect(TokenKind::Import)?;
        let mut names = Vec::new();
        if self.at(TokenKind::Star) {
            let token = self.bump();
            names.push(Alias {
                name: "*".to_string(),
                asname: None,
                range: token.range,
            });
            return Ok(StmtKind::ImportFrom {
                module,
                names,
                level,
            });
        }
        let parens = self.eat(TokenKind::Lpar);
        loop {
            let start = self.start();
            let (name, _) = self.expect_name()?;
            let asname = if self.eat(TokenKind::As) {
                Some(self.expect_name()?.0)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                range: self.range_from(start),
            });
            if !self.eat(TokenKind::Comma) {
                break;
            }
            if parens && self.at(TokenKind::Rpar) {
                break;
            }
            if !parens && !self.at(TokenKind::Name) {
                // `from x import a,` without parentheses.
                return Err(self.trailing_comma_not_allowed());
            }
        }
        if parens {
            self.expect(TokenKind::Rpar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    fn trailing_comma_not_allowed(&mut self) -> Abort {
        let range = self.token_caret_range();
        self.error_here(
            SyntaxErrorClass::SyntaxError,
            "trailing comma not allowed without surrounding parentheses",
            range,
        );
        Abort
    }
}

/// The part of an assignment target that cannot be assigned to, if any.
pub(super) fn invalid_target(target: &Expr, allow_starred: bool) -> Option<&Expr> {
    match &target.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value } if allow_starred => invalid_target(value, false),
        ExprKind::Tuple { elts } | ExprKind::List { elts } => {
            elts.iter().find_map(|e| invalid_target(e, allow_starred))
        }
        _ => Some(target),
    }
}

/// CPython's compiler errors that need the whole tree: `return`, `yield`, `break`,
/// `continue` and `nonlocal` in the wrong place. They rank after every syntax error.
pub(super) fn check_context(body: &[Stmt], errors: &mut Vec<SyntaxError>) {
    let mut found = Vec::new();
    walk(body, false, false, true, &mut found);
    for (message, range) in found {
        errors.push(SyntaxError {
            class: SyntaxErrorClass::SyntaxError,
            message: message.to_string(),
            range,
            token_index: usize::MAX,
            reached: u32::MAX,
            unsupported: false,
            lexical: false,
        });
    }
}

fn walk(
    body: &[Stmt],
    in_function: bool,
    in_loop: bool,
    module: bool,
    found: &mut Vec<(&'static str, TextRange)>,
) {
    for stmt in body {
        match &stmt.kind {
            StmtKind::Return { .. } if !in_function => {
                found.push(("'return' outside function", stmt.range))
            }
            StmtKind::Break if !in_loop => found.push(("'break' outside loop", stmt.range)),
            StmtKind::Continue if !in_loop => {
                found.push(("'continue' not properly in loop", stmt.range))
            }
            StmtKind::Nonlocal { .. } if module => found.push((
                "nonlocal declaration not allowed at module level",
                stmt.range,
            )),
            StmtKind::FunctionDef(def) => walk(&def.body, true, false, false, found),
            StmtKind::ClassDef(class) => walk(&class.body, false, false, false, found),
            StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                walk(body, in_function, true, module, found);
                walk(orelse, in_function, in_loop, module, found);
            }
            StmtKind::If { body, orelse, .. } => {
                walk(body, in_function, in_loop, module, found);
                walk(orelse, in_function, in_loop, module, found);
            }
            StmtKind::With { body, .. } => walk(body, in_function, in_loop, module, found),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                walk(body, in_function, in_loop, module, found);
                for handler in handlers {
                    walk(&handler.body, in_function, in_loop, module, found);
                }
                walk(orelse, in_function, in_loop, module, found);
                walk(finalbody, in_function, in_loop, module, found);
            }
            _ => {}
        }
    }
}
