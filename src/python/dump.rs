//! The canonical dump of a tree, the same text tools/pyast/record.py writes for CPython's
//! `ast`: the contract of the parser conformance test (see that script for the format).

use std::fmt::Write;

use crate::python::ast::*;
use crate::text::{LineIndex, TextRange};

/// One line per top-level statement.
pub fn dump_module(module: &Module, source: &str) -> String {
    let mut d = Dumper {
        index: LineIndex::new(source),
        out: String::new(),
        in_fstring: false,
    };
    for stmt in &module.body {
        d.stmt(stmt);
        d.out.push('\n');
    }
    d.out
}

struct Dumper {
    index: LineIndex,
    out: String,
    in_fstring: bool,
}

impl Dumper {
    fn node(&mut self, name: &str, range: Option<TextRange>) {
        self.out.push_str(name);
        if let (Some(range), false) = (range, self.in_fstring) {
            let (l1, c1) = self.index.line_col(range.start);
            let (l2, c2) = self.index.line_col(range.end);
            let _ = write!(self.out, "@{l1}:{c1}-{l2}:{c2}");
        }
        self.out.push('(');
    }

    fn field(&mut self, name: &str, first: bool) {
        if !first {
            self.out.push_str(", ");
        }
        self.out.push_str(name);
        self.out.push('=');
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            each(self, item);
        }
        self.out.push(']');
    }

    fn opt_expr(&mut self, value: Option<&Expr>) {
        match value {
            Some(value) => self.expr(value),
            None => self.out.push_str("None"),
        }
    }

    fn opt_str(&mut self, value: Option<&str>) {
        match value {
            Some(value) => self.out.push_str(&json_string(value)),
            None => self.out.push_str("None"),
        }
    }

    fn str(&mut self, value: &str) {
        self.out.push_str(&json_string(value));
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.list(body, |d, s| d.stmt(s));
    }

    fn exprs(&mut self, values: &[Expr]) {
        self.list(values, |d, e| d.expr(e));
    }

    fn stmt(&mut self, stmt: &Stmt) {
        let r = Some(stmt.range);
        match &stmt.kind {
            StmtKind::FunctionDef(def) => {
                self.node(
                    if def.is_async {
                        "AsyncFunctionDef"
                    } else {
                        "FunctionDef"
                    },
                    r,
                );
                self.field("name", true);
                self.str(&def.name);
                self.field("args", false);
                self.arguments(&def.args);
                self.field("body", false);
                self.stmts(&def.body);
                self.field("decorator_list", false);
                self.exprs(&def.decorator_list);
                self.field("returns", false);
                self.opt_expr(def.returns.as_ref());
            }
            StmtKind::ClassDef(class) => {
                self.node("ClassDef", r);
                self.field("name", true);
                self.str(&class.name);
                self.field("bases", false);
                self.exprs(&class.bases);
                self.field("keywords", false);
                self.list(&class.keywords, |d, k| d.keyword(k));
                self.field("body", false);
                self.stmts(&class.body);
                self.field("decorator_list", false);
                self.exprs(&class.decorator_list);
            }
            StmtKind::Return { value } => {
                self.node("Return", r);
                self.field("value", true);
                self.opt_expr(value.as_ref());
            }
            StmtKind::Delete { targets } => {
                self.node("Delete", r);
                self.field("targets", true);
                self.exprs(targets);
            }
            StmtKind::Assign { targets, value } => {
                self.node("Assign", r);
                self.field("targets", true);
                self.exprs(targets);
                self.field("value", false);
                self.expr(value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.node("AugAssign", r);
                self.field("target", true);
                self.expr(target);
                self.field("op", false);
                self.out.push_str(operator_name(*op));
                self.out.push_str("()");
                self.field("value", false);
                self.expr(value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.node("AnnAssign", r);
                self.field("target", true);
                self.expr(target);
                self.field("annotation", false);
                self.expr(annotation);
                self.field("value", false);
                self.opt_expr(value.as_ref());
                self.field("simple", false);
                self.out.push_str(if *simple { "1" } else { "0" });
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.node(if *is_async { "AsyncFor" } else { "For" }, r);
                self.field("target", true);
                self.expr(target);
                self.field("iter", false);
                self.expr(iter);
                self.field("body", false);
                self.stmts(body);
                self.field("orelse", false);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.node(
                    if matches!(stmt.kind, StmtKind::While { .. }) {
                        "While"
                    } else {
                        "If"
                    },
                    r,
                );
                self.field("test", true);
                self.expr(test);
                self.field("body", false);
                self.stmts(body);
                self.field("orelse", false);
                self.stmts(orelse);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                self.node(if *is_async { "AsyncWith" } else { "With" }, r);
                self.field("items", true);
                self.list(items, |d, item| {
                    d.node("withitem", None);
                    d.field("context_expr", true);
                    d.expr(&item.context_expr);
                    d.field("optional_vars", false);
                    d.opt_expr(item.optional_vars.as_ref());
                    d.out.push(')');
                });
                self.field("body", false);
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                self.node("Raise", r);
                self.field("exc", true);
                self.opt_expr(exc.as_ref());
                self.field("cause", false);
                self.opt_expr(cause.as_ref());
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.node("Try", r);
                self.field("body", true);
                self.stmts(body);
                self.field("handlers", false);
                self.list(handlers, |d, h| {
                    d.node("ExceptHandler", None);
                    d.field("type", true);
                    d.opt_expr(h.type_.as_ref());
                    d.field("name", false);
                    d.opt_str(h.name.as_deref());
                    d.field("body", false);
                    d.stmts(&h.body);
                    d.out.push(')');
                });
                self.field("orelse", false);
                self.stmts(orelse);
                self.field("finalbody", false);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.node("Assert", r);
                self.field("test", true);
                self.expr(test);
                self.field("msg", false);
                self.opt_expr(msg.as_ref());
            }
            StmtKind::Import { names } => {
                self.node("Import", r);
                self.field("names", true);
                self.aliases(names);
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.node("ImportFrom", r);
                self.field("module", true);
                self.opt_str(module.as_deref());
                self.field("names", false);
                self.aliases(names);
                self.field("level", false);
                let _ = write!(self.out, "{level}");
            }
            StmtKind::Global { names } | StmtKind::Nonlocal { names } => {
                self.node(
                    if matches!(stmt.kind, StmtKind::Global { .. }) {
                        "Global"
                    } else {
                        "Nonlocal"
                    },
                    r,
                );
                self.field("names", true);
                self.list(names, |d, n| d.str(n));
            }
            StmtKind::Expr { value } => {
                self.node("Expr", r);
                self.field("value", true);
                self.expr(value);
            }
            StmtKind::Pass => self.node("Pass", r),
            StmtKind::Break => self.node("Break", r),
            StmtKind::Continue => self.node("Continue", r),
        }
        self.out.push(')');
    }

    fn aliases(&mut self, names: &[Alias]) {
        self.list(names, |d, a| {
            d.node("alias", None);
            d.field("name", true);
            d.str(&a.name);
            d.field("asname", false);
            d.opt_str(a.asname.as_deref());
            d.out.push(')');
        });
    }

    fn keyword(&mut self, k: &Keyword) {
        self.node("keyword", None);
        self.field("arg", true);
        self.opt_str(k.arg.as_deref());
        self.field("value", false);
        self.expr(&k.value);
        self.out.push(')');
    }

    fn arg(&mut self, a: &Arg) {
        self.node("arg", None);
        self.field("arg", true);
        self.str(&a.arg);
        self.field("annotation", false);
        self.opt_expr(a.annotation.as_ref());
        self.out.push(')');
    }

    fn opt_arg(&mut self, a: Option<&Arg>) {
        match a {
            Some(a) => self.arg(a),
            None => self.out.push_str("None"),
        }
    }

    fn arguments(&mut self, args: &Arguments) {
        self.node("arguments", None);
        self.field("posonlyargs", true);
        self.list(&args.posonlyargs, |d, a| d.arg(a));
        self.field("args", false);
        self.list(&args.args, |d, a| d.arg(a));
        self.field("vararg", false);
        self.opt_arg(args.vararg.as_ref());
        self.field("kwonlyargs", false);
        self.list(&args.kwonlyargs, |d, a| d.arg(a));
        self.field("kw_defaults", false);
        self.list(&args.kw_defaults, |d, e| d.opt_expr(e.as_ref()));
        self.field("kwarg", false);
        self.opt_arg(args.kwarg.as_ref());
        self.field("defaults", false);
        self.exprs(&args.defaults);
        self.out.push(')');
    }

    fn comprehensions(&mut self, generators: &[Comprehension]) {
        self.list(generators, |d, c| {
            d.node("comprehension", None);
            d.field("target", true);
            d.expr(&c.target);
            d.field("iter", false);
            d.expr(&c.iter);
            d.field("ifs", false);
            d.exprs(&c.ifs);
            d.field("is_async", false);
            d.out.push_str(if c.is_async { "1" } else { "0" });
            d.out.push(')');
        });
    }

    fn expr(&mut self, e: &Expr) {
        let r = Some(e.range);
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                self.node("BoolOp", r);
                self.field("op", true);
                self.out.push_str(match op {
                    BoolOp::And => "And()",
                    BoolOp::Or => "Or()",
                });
                self.field("values", false);
                self.exprs(values);
            }
            ExprKind::NamedExpr { target, value } => {
                self.node("NamedExpr", r);
                self.field("target", true);
                self.expr(target);
                self.field("value", false);
                self.expr(value);
            }
            ExprKind::BinOp { left, op, right } => {
                self.node("BinOp", r);
                self.field("left", true);
                self.expr(left);
                self.field("op", false);
                self.out.push_str(operator_name(*op));
                self.out.push_str("()");
                self.field("right", false);
                self.expr(right);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.node("UnaryOp", r);
                self.field("op", true);
                self.out.push_str(match op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                });
                self.field("operand", false);
                self.expr(operand);
            }
            ExprKind::Lambda { args, body } => {
                self.node("Lambda", r);
                self.field("args", true);
                self.arguments(args);
                self.field("body", false);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.node("IfExp", r);
                self.field("test", true);
                self.expr(test);
                self.field("body", false);
                self.expr(body);
                self.field("orelse", false);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                self.node("Dict", r);
                self.field("keys", true);
                self.list(keys, |d, k| d.opt_expr(k.as_ref()));
                self.field("values", false);
                self.exprs(values);
            }
            ExprKind::Set { elts } => {
                self.node("Set", r);
                self.field("elts", true);
                self.exprs(elts);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match e.kind {
                    ExprKind::ListComp { .. } => "ListComp",
                    ExprKind::SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                self.node(name, r);
                self.field("elt", true);
                self.expr(elt);
                self.field("generators", false);
                self.comprehensions(generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.node("DictComp", r);
                self.field("key", true);
                self.expr(key);
                self.field("value", false);
                self.expr(value);
                self.field("generators", false);
                self.comprehensions(generators);
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => {
                self.node(
                    if matches!(e.kind, ExprKind::Await { .. }) {
                        "Await"
                    } else {
                        "YieldFrom"
                    },
                    r,
                );
                self.field("value", true);
                self.expr(value);
            }
            ExprKind::Yield { value } => {
                self.node("Yield", r);
                self.field("value", true);
                self.opt_expr(value.as_deref());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.node("Compare", r);
                self.field("left", true);
                self.expr(left);
                self.field("ops", false);
                self.list(ops, |d, op| {
                    d.out.push_str(match op {
                        CmpOp::Eq => "Eq()",
                        CmpOp::NotEq => "NotEq()",
                        CmpOp::Lt => "Lt()",
                        CmpOp::LtE => "LtE()",
                        CmpOp::Gt => "Gt()",
                        CmpOp::GtE => "GtE()",
                        CmpOp::Is => "Is()",
                        CmpOp::IsNot => "IsNot()",
                        CmpOp::In => "In()",
                        CmpOp::NotIn => "NotIn()",
                    })
                });
                self.field("comparators", false);
                self.exprs(comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.node("Call", r);
                self.field("func", true);
                self.expr(func);
                self.field("args", false);
                self.exprs(args);
                self.field("keywords", false);
                self.list(keywords, |d, k| d.keyword(k));
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.node("FormattedValue", r);
                self.field("value", true);
                self.expr(value);
                self.field("conversion", false);
                let _ = write!(self.out, "{conversion}");
                self.field("format_spec", false);
                self.opt_expr(format_spec.as_deref());
            }
            ExprKind::JoinedStr { values } => {
                self.node("JoinedStr", r);
                let outer = self.in_fstring;
                self.in_fstring = true;
                self.field("values", true);
                self.exprs(values);
                self.in_fstring = outer;
            }
            ExprKind::Constant { value } => {
                self.node("Constant", r);
                self.field("value", true);
                self.out.push_str(&constant_text(value));
            }
            ExprKind::Attribute { value, attr } => {
                self.node("Attribute", r);
                self.field("value", true);
                self.expr(value);
                self.field("attr", false);
                self.str(attr);
            }
            ExprKind::Subscript { value, slice } => {
                self.node("Subscript", r);
                self.field("value", true);
                self.expr(value);
                self.field("slice", false);
                self.expr(slice);
            }
            ExprKind::Starred { value } => {
                self.node("Starred", r);
                self.field("value", true);
                self.expr(value);
            }
            ExprKind::Name { id } => {
                self.node("Name", r);
                self.field("id", true);
                self.str(id);
            }
            ExprKind::List { elts } | ExprKind::Tuple { elts } => {
                self.node(
                    if matches!(e.kind, ExprKind::List { .. }) {
                        "List"
                    } else {
                        "Tuple"
                    },
                    r,
                );
                self.field("elts", true);
                self.exprs(elts);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.node("Slice", r);
                self.field("lower", true);
                self.opt_expr(lower.as_deref());
                self.field("upper", false);
                self.opt_expr(upper.as_deref());
                self.field("step", false);
                self.opt_expr(step.as_deref());
            }
        }
        self.out.push(')');
    }
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn constant_text(value: &Constant) -> String {
    match value {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Int(n) => n.to_string(),
        Constant::BigInt(digits) => digits.clone(),
        Constant::Float(x) => float_repr(*x),
        Constant::Complex(x) => format!("{}j", float_repr(*x).trim_end_matches(".0")),
        Constant::Str(s) => json_string(s),
        Constant::Bytes(b) => {
            let latin1: String = b.iter().map(|&c| c as char).collect();
            format!("b{}", json_string(&latin1))
        }
    }
}

/// Python's `repr(float)`: the shortest round-tripping digits, in fixed notation when the
/// decimal exponent is in -4..16, else `d.ddde+XX`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = format!("{:e}", x);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let decpt = exp + 1;
    let sign = if negative { "-" } else { "" };
    if (-3..=16).contains(&decpt) {
        let body = if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(decpt as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        };
        return format!("{sign}{body}");
    }
    let mantissa = if digits.len() > 1 {
        format!("{}.{}", &digits[..1], &digits[1..])
    } else {
        digits
    };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}{mantissa}e{exp_sign}{:02}", exp.abs())
}

/// `json.dumps(s)` with its default `ensure_ascii=True`.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{:04x}", unit);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
