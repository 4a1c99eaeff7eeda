//! The syntax tree of the Python subset, shaped like CPython's `ast` module so that a reader
//! who knows `ast.dump` finds the same node names and fields (and `dump.rs` can compare them).
//!
//! Every statement and expression carries the byte range it came from. Missing pieces that
//! the grammar requires are represented (an empty `Name`), never `None`'d away, so later
//! stages work on whatever the parser recovered.

use crate::text::TextRange;

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `def name(args) -> returns: body`, with `decorator_list` above it.
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases, keywords): body`.
    ClassDef(Box<ClassDef>),
    /// `return value`.
    Return {
        value: Option<Expr>,
    },
    /// `del a, b`.
    Delete {
        targets: Vec<Expr>,
    },
    /// `a = b = value`.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: Operator,
        value: Expr,
    },
    /// `target: annotation = value`; `simple` is false for `(a): int` and `a.b: int`.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    /// `for target in iter: body else: orelse` (`is_async` for `async for`).
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    /// `while test: body else: orelse`.
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `if test: body` with `elif`/`else` nested in `orelse`, as CPython does.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `with a as b, c: body` (`is_async` for `async with`).
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `try: body except ...: handlers else: orelse finally: finalbody`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    /// `assert test, msg`.
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b as c, d`.
    Import {
        names: Vec<Alias>,
    },
    /// `from ..module import a as b`; `level` counts the dots.
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    /// `global a, b`.
    Global {
        names: Vec<String>,
    },
    /// `nonlocal a, b`.
    Nonlocal {
        names: Vec<String>,
    },
    /// An expression on its own line (a call, a docstring).
    Expr {
        value: Expr,
    },
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub range: TextRange,
    /// Levels of expressions below and including this one. The parser refuses trees deeper
    /// than it can safely walk, since every later pass recurses.
    pub height: u32,
}

impl Expr {
    pub fn new(kind: ExprKind, range: TextRange) -> Expr {
        let mut below = 0;
        kind.for_each_child(&mut |child| below = below.max(child.height));
        Expr {
            kind,
            range,
            height: below + 1,
        }
    }
}

impl ExprKind {
    /// Calls `f` on each direct sub-expression.
    pub fn for_each_child(&self, f: &mut dyn FnMut(&Expr)) {
        use ExprKind::*;
        match self {
            BoolOp { values, .. } => values.iter().for_each(&mut *f),
            NamedExpr { target, value } => {
                f(target);
                f(value);
            }
            BinOp { left, right, .. } => {
                f(left);
                f(right);
            }
            UnaryOp { operand, .. } => f(operand),
            Lambda { body, .. } => f(body),
            IfExp { test, body, orelse } => {
                f(test);
                f(body);
                f(orelse);
            }
            Dict { keys, values } => {
                keys.iter().flatten().for_each(&mut *f);
                values.iter().for_each(&mut *f);
            }
            Set { elts } | List { elts } | Tuple { elts } => elts.iter().for_each(&mut *f),
            ListComp { elt, generators }
            | SetComp { elt, generators }
            | GeneratorExp { elt, generators } => {
                f(elt);
                for g in generators {
                    f(&g.target);
                    f(&g.iter);
                    g.ifs.iter().for_each(&mut *f);
                }
            }
            DictComp {
                key,
                value,
                generators,
            } => {
                f(key);
                f(value);
                for g in generators {
                    f(&g.target);
                    f(&g.iter);
                    g.ifs.iter().for_each(&mut *f);
                }
            }
            Await { value } | YieldFrom { value } | Starred { value } | Attribute { value, .. } => {
                f(value)
            }
            Yield { value } => {
                if let Some(v) = value {
                    f(v);
                }
            }
            Compare {
                left, comparators, ..
            } => {
                f(left);
                comparators.iter().for_each(&mut *f);
            }
            Call {
                func,
                args,
                keywords,
            } => {
                f(func);
                args.iter().for_each(&mut *f);
                keywords.iter().for_each(|k| f(&k.value));
            }
            FormattedValue {
                value, format_spec, ..
            } => {
                f(value);
                if let Some(spec) = format_spec {
                    f(spec);
                }
            }
            JoinedStr { values } => values.iter().for_each(&mut *f),
            Subscript { value, slice } => {
                f(value);
                f(slice);
            }
            Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    f(part);
                }
            }
            Constant { .. } | Name { .. } => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`.
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    /// `left op right`.
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    /// `not x`, `-x`, `+x`, `~x`.
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `lambda args: body`.
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **rest}`: a `None` key is a `**` unpacking.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    /// `{a, b}`.
    Set {
        elts: Vec<Expr>,
    },
    /// `[elt for ...]`.
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `await value` (parsed, not supported by the evaluator).
    Await {
        value: Box<Expr>,
    },
    /// `yield value` (parsed, not supported by the evaluator).
    Yield {
        value: Option<Box<Expr>>,
    },
    /// `yield from value` (parsed, not supported by the evaluator).
    YieldFrom {
        value: Box<Expr>,
    },
    /// `left < a <= b`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `{value!conversion:format_spec}` inside an f-string; `conversion` is -1 or the
    /// character code of `s`, `r` or `a`, as in CPython.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: literal parts and `FormattedValue`s.
    JoinedStr {
        values: Vec<Expr>,
    },
    Constant {
        value: Constant,
    },
    /// `value.attr`.
    Attribute {
        value: Box<Expr>,
        attr: String,
    },
    /// `value[slice]`.
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
    },
    /// `*value`.
    Starred {
        value: Box<Expr>,
    },
    Name {
        id: String,
    },
    List {
        elts: Vec<Expr>,
    },
    Tuple {
        elts: Vec<Expr>,
    },
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// Integers that fit 64 bits.
    Int(i64),
    /// A larger integer literal, in decimal digits (or, past what `ast` could show in
    /// decimal, its own `0x`/`0o`/`0b` digits).
    BigInt(String),
    Float(f64),
    /// The imaginary part of a literal like `3j`.
    Complex(f64),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// `for target in iter if cond` inside a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub type_: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub range: TextRange,
}

/// The parameters of a `def` or `lambda`, grouped as CPython groups them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per keyword-only argument; `None` where it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub arg: String,
    pub annotation: Option<Expr>,
    pub range: TextRange,
}

/// `name=value` in a call or class header; `arg` is `None` for `**value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
    pub range: TextRange,
}

/// `name as asname` in an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}
