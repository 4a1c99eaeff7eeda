//! `ast.unparse` for the expressions annotations are made of: what CPython 3.11 stores as an
//! annotation under `from __future__ import annotations` (so `Optional["Point"]` reads back as
//! `Optional['Point']`). Other expressions keep their source text.

use super::ast::{Constant, Expr, ExprKind, Operator};

/// The unparsed text, or `None` when the expression is outside the supported subset.
pub fn unparse(e: &Expr) -> Option<String> {
    Some(match &e.kind {
        ExprKind::Name { id } => id.clone(),
        ExprKind::Attribute { value, attr } => format!("{}.{attr}", unparse(value)?),
        ExprKind::Subscript { value, slice } => {
            let inner = match &slice.kind {
                ExprKind::Tuple { elts } if !elts.is_empty() => join(elts)?,
                _ => unparse(slice)?,
            };
            format!("{}[{inner}]", unparse(value)?)
        }
        ExprKind::Constant { value } => match value {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Ellipsis => "...".into(),
            Constant::Int(n) => n.to_string(),
            Constant::BigInt(s) => s.clone(),
            Constant::Str(s) => super::runtime::value::repr_str(s),
            _ => return None,
        },
        ExprKind::BinOp {
            left,
            op: Operator::BitOr,
            right,
        } => format!("{} | {}", unparse(left)?, unparse(right)?),
        ExprKind::List { elts } => format!("[{}]", join(elts)?),
        ExprKind::Tuple { elts } if elts.len() == 1 => format!("({},)", unparse(&elts[0])?),
        ExprKind::Tuple { elts } => format!("({})", join(elts)?),
        _ => return None,
    })
}

fn join(elts: &[Expr]) -> Option<String> {
    let parts: Option<Vec<String>> = elts.iter().map(unparse).collect();
    Some(parts?.join(", "))
}
