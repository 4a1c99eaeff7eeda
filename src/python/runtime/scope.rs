//! Which names a function binds: Python decides local-versus-global for a whole body before
//! running it, which is what makes `UnboundLocalError` possible.

use crate::python::ast::{Arguments, Expr, ExprKind, Stmt, StmtKind};
use crate::python::runtime::value::ScopeInfo;

pub fn analyze(params: &Arguments, body: &[Stmt]) -> ScopeInfo {
    let mut info = ScopeInfo::default();
    for arg in params
        .posonlyargs
        .iter()
        .chain(&params.args)
        .chain(&params.kwonlyargs)
        .chain(params.vararg.as_ref())
        .chain(params.kwarg.as_ref())
    {
        info.locals.insert(arg.arg.clone());
    }
    for stmt in body {
        visit_stmt(stmt, &mut info);
    }
    for name in info.globals.iter().chain(&info.nonlocals) {
        info.locals.remove(name);
    }
    info
}

/// The names a lambda binds: just its parameters.
pub fn analyze_lambda(params: &Arguments) -> ScopeInfo {
    analyze(params, &[])
}

fn bind_target(target: &Expr, info: &mut ScopeInfo) {
    match &target.kind {
        ExprKind::Name { id } => {
            info.locals.insert(id.clone());
        }
        ExprKind::Tuple { elts } | ExprKind::List { elts } => {
            for elt in elts {
                bind_target(elt, info);
            }
        }
        ExprKind::Starred { value } => bind_target(value, info),
        _ => {}
    }
}

fn visit_stmt(stmt: &Stmt, info: &mut ScopeInfo) {
    match &stmt.kind {
        StmtKind::FunctionDef(def) => {
            info.locals.insert(def.name.clone());
        }
        StmtKind::ClassDef(class) => {
            info.locals.insert(class.name.clone());
        }
        StmtKind::Assign { targets, value } => {
            for target in targets {
                bind_target(target, info);
            }
            visit_expr(value, info);
        }
        StmtKind::AugAssign { target, value, .. } => {
            bind_target(target, info);
            visit_expr(value, info);
        }
        StmtKind::AnnAssign { target, value, .. } => {
            bind_target(target, info);
            if let Some(value) = value {
                visit_expr(value, info);
            }
        }
        StmtKind::Delete { targets } => {
            for target in targets {
                bind_target(target, info);
            }
        }
        StmtKind::For {
            target,
            body,
            orelse,
            ..
        } => {
            bind_target(target, info);
            visit_block(body, info);
            visit_block(orelse, info);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            visit_expr(test, info);
            visit_block(body, info);
            visit_block(orelse, info);
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                visit_expr(&item.context_expr, info);
                if let Some(vars) = &item.optional_vars {
                    bind_target(vars, info);
                }
            }
            visit_block(body, info);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            visit_block(body, info);
            for handler in handlers {
                if let Some(name) = &handler.name {
                    info.locals.insert(name.clone());
                }
                visit_block(&handler.body, info);
            }
            visit_block(orelse, info);
            visit_block(finalbody, info);
        }
        StmtKind::Import { names } => {
            for alias in names {
                let bound = alias.asname.clone().unwrap_or_else(|| {
                    alias.name.split('.').next().unwrap_or_default().to_string()
                });
                info.locals.insert(bound);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for alias in names {
                if alias.name != "*" {
                    info.locals
                        .insert(alias.asname.clone().unwrap_or_else(|| alias.name.clone()));
                }
            }
        }
        StmtKind::Global { names } => info.globals.extend(names.iter().cloned()),
        StmtKind::Nonlocal { names } => info.nonlocals.extend(names.iter().cloned()),
        StmtKind::Expr { value } | StmtKind::Return { value: Some(value) } => {
            visit_expr(value, info)
        }
        _ => {}
    }
}

fn visit_block(body: &[Stmt], info: &mut ScopeInfo) {
    for stmt in body {
        visit_stmt(stmt, info);
    }
}

/// Walrus targets bind in the enclosing function, wherever they appear in an expression
/// (comprehensions included, lambdas excluded: those are functions of their own).
fn visit_expr(expr: &Expr, info: &mut ScopeInfo) {
    match &expr.kind {
        ExprKind::NamedExpr { target, .. } => bind_target(target, info),
        ExprKind::Lambda { .. } => return,
        _ => {}
    }
    expr.kind
        .for_each_child(&mut |child| visit_expr(child, info));
}
