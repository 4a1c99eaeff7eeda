//! Operators and the protocols behind them: truth, arithmetic with Python's numeric rules,
//! comparisons and ordering, equality, membership, iteration and hashing.

use std::cell::RefCell;
use std::rc::Rc;

use super::bigint::{self, big_of, int_value};
use super::value::{Dict, FrozenKeys, HashKey, Value};
use super::{Interp, PyErr};
use crate::python::ast::{CmpOp, Operator, UnaryOp};

/// The largest string or list (in bytes or items) one operation may build.
const MAX_OBJECT_SIZE: usize = 64 * 1024 * 1024;

impl Interp<'_> {
    pub(crate) fn truthy(&mut self, value: &Value) -> Result<bool, PyErr> {
        Ok(match value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            // Never zero: zero fits 64 bits.
            Value::BigInt(_) => true,
            Value::Float(x) => *x != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => !d.borrow().is_empty(),
            Value::Range(start, stop, step) => range_len(*start, *stop, *step) > 0,
            Value::Instance(inst) => {
                if let Some(method) = inst.class.lookup("__bool__") {
                    let r = self.call(&method, vec![value.clone()], Vec::new())?;
                    return self.truthy(&r);
                }
                if let Some(method) = inst.class.lookup("__len__") {
                    let r = self.call(&method, vec![value.clone()], Vec::new())?;
                    return Ok(!matches!(r, Value::Int(0)));
                }
                true
            }
            _ => true,
        })
    }

    pub(crate) fn unary_op(&mut self, op: UnaryOp, value: Value) -> Result<Value, PyErr> {
        Ok(match (op, &value) {
            (UnaryOp::Not, _) => Value::Bool(!self.truthy(&value)?),
            (UnaryOp::USub, Value::Int(n)) => match n.checked_neg() {
                Some(n) => Value::Int(n),
                None => int_value(-bigint::BigInt::from(*n)),
            },
            (UnaryOp::USub, Value::BigInt(n)) => int_value(-&**n),
            (UnaryOp::UAdd, Value::BigInt(_)) => value,
            (UnaryOp::Invert, Value::BigInt(n)) => int_value(!&**n),
            (UnaryOp::USub, Value::Bool(b)) => Value::Int(-(*b as i64)),
            (UnaryOp::USub, Value::Float(x)) => Value::Float(-x),
            (UnaryOp::UAdd, Value::Int(_) | Value::Float(_)) => value,
            (UnaryOp::UAdd, Value::Bool(b)) => Value::Int(*b as i64),
            (UnaryOp::Invert, Value::Int(n)) => Value::Int(!n),
            (UnaryOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
            _ => {
                let dunder = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                if let Value::Instance(inst) = &value {
                    if let Some(method) = inst.class.lookup(dunder) {
                        return self.call(&method, vec![value.clone()], Vec::new());
                    }
                }
                let symbol = match op {
                    UnaryOp::USub => "-",
                    UnaryOp::UAdd => "+",
                    _ => "~",
                };
                let t = self.type_name(&value);
                return Err(self.type_error(&format!("bad operand type for unary {symbol}: '{t}'")));
            }
        })
    }

    /// Refuses to build a string or list larger than the playground's memory budget.
    pub(crate) fn check_size(&mut self, n: usize) -> Result<(), PyErr> {
        if n > MAX_OBJECT_SIZE {
            return Err(self.new_error("MemoryError", ""));
        }
        Ok(())
    }

    pub(crate) fn binary_op(
        &mut self,
        op: Operator,
        l: Value,
        r: Value,
        inplace: bool,
    ) -> Result<Value, PyErr> {
        use Operator::*;
        let l = self.primitive(&l).unwrap_or(l);
        let r = self.primitive(&r).unwrap_or(r);
        let as_int = |v: &Value| match v {
            Value::Int(n) => Some(*n),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        };
        if let (Some(a), Some(b)) = (as_int(&l), as_int(&r)) {
            let res = match op {
                Add => a.checked_add(b),
                Sub => a.checked_sub(b),
                Mult => a.checked_mul(b),
                FloorDiv | Mod if b == 0 => {
                    let msg = if op == Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    };
                    return Err(self.new_error("ZeroDivisionError", msg));
                }
                FloorDiv => a.checked_div(b).map(|q| {
                    if (a % b != 0) && ((a < 0) != (b < 0)) {
                        q - 1
                    } else {
                        q
                    }
                }),
                Mod => a.checked_rem(b).map(|r| {
                    if r != 0 && ((r < 0) != (b < 0)) {
                        r + b
                    } else {
                        r
                    }
                }),
                Div => {
                    if b == 0 {
                        return Err(self.new_error("ZeroDivisionError", "division by zero"));
                    }
                    // Ints past 2**53 are not exact as floats: divide them exactly.
                    if a.unsigned_abs() <= 1 << 53 && b.unsigned_abs() <= 1 << 53 {
                        return Ok(Value::Float(a as f64 / b as f64));
                    }
                    None
                }
                Pow if b < 0 => None,
                Pow => u32::try_from(b).ok().and_then(|b| a.checked_pow(b)),
                LShift | RShift if b < 0 => {
                    return Err(self.new_error("ValueError", "negative shift count"))
                }
                LShift => u32::try_from(b)
                    .ok()
                    .and_then(|b| a.checked_shl(b))
                    .filter(|v| v >> b.min(63) == a),
                RShift => Some(a >> b.min(63)),
                BitAnd => Some(a & b),
                BitOr => Some(a | b),
                BitXor => Some(a ^ b),
                MatMult => return self.binop_type_error(op, &l, &r, inplace),
            };
            return match res {
                Some(n)
                    if matches!(op, BitAnd | BitOr | BitXor)
                        && matches!((&l, &r), (Value::Bool(_), Value::Bool(_))) =>
                {
                    Ok(Value::Bool(n != 0))
                }
                Some(n) => Ok(Value::Int(n)),
                // Beyond 64 bits (or a case the big path words): the unbounded int.
                None => self.big_binop(op, &a.into(), &b.into()),
            };
        }
        let is_big = |v: &Value| matches!(v, Value::BigInt(_));
        if is_big(&l) || is_big(&r) {
            if let (Some(a), Some(b)) = (big_of(&l), big_of(&r)) {
                if op != MatMult {
                    return self.big_binop(op, &a, &b);
                }
            }
        }
        // Arithmetic with a float converts the int, as CPython does (an int beyond the
        // largest float is an OverflowError, not inf).
        let as_float = |interp: &mut Self, v: &Value| -> Result<Option<f64>, PyErr> {
            Ok(match v {
                Value::Int(n) => Some(*n as f64),
                Value::Bool(b) => Some(*b as i64 as f64),
                Value::Float(x) => Some(*x),
                Value::BigInt(n) => Some(interp.int_to_f64(n)?),
                _ => None,
            })
        };
        if matches!((&l, &r), (Value::Float(_), _) | (_, Value::Float(_))) {
            if let (Some(a), Some(b)) = (as_float(self, &l)?, as_float(self, &r)?) {
                let res = match op {
                    Add => a + b,
                    Sub => a - b,
                    Mult => a * b,
                    Div | FloorDiv | Mod if b == 0.0 => {
                        let msg = match op {
                            Div => "float division by zero",
                            Mod => "float modulo",
                            _ => "float floor division by zero",
                        };
                        return Err(self.new_error("ZeroDivisionError", msg));
                    }
                    Div => a / b,
                    FloorDiv => (a / b).floor(),
                    Mod => a - b * (a / b).floor(),
                    Pow if a == 0.0 && b < 0.0 => {
                        return Err(self.new_error(
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power",
                        ))
                    }
                    Pow => a.powf(b),
                    _ => return self.binop_type_error(op, &l, &r, inplace),
                };
                return Ok(Value::Float(res));
            }
        }
        match (op, &l, &r) {
            (Add, Value::Str(a), Value::Str(b)) => return Ok(Value::str(&format!("{a}{b}"))),
            (Add, Value::Bytes(a), Value::Bytes(b)) => {
                return Ok(Value::Bytes([&a[..], &b[..]].concat().into()))
            }
            (Add, Value::Tuple(a), Value::Tuple(b)) => {
                return Ok(Value::tuple(a.iter().chain(b.iter()).cloned().collect()))
            }
            (Add, Value::List(a), Value::List(b)) => {
                if inplace {
                    let items: Vec<Value> = b.borrow().clone();
                    a.borrow_mut().extend(items);
                    return Ok(l.clone());
                }
                let mut items = a.borrow().clone();
                items.extend(b.borrow().iter().cloned());
                return Ok(Value::list(items));
            }
            (Mult, Value::Str(s), Value::Int(n)) | (Mult, Value::Int(n), Value::Str(s)) => {
                let count = (*n).max(0) as usize;
                self.check_size(s.len().saturating_mul(count))?;
                return Ok(Value::str(&s.repeat(count)));
            }
            (Mult, Value::List(a), Value::Int(n)) | (Mult, Value::Int(n), Value::List(a)) => {
                self.check_size(a.borrow().len().saturating_mul((*n).max(0) as usize))?;
                let items = a.borrow();
                let mut out = Vec::new();
                for _ in 0..(*n).max(0) {
                    out.extend(items.iter().cloned());
                }
                return Ok(Value::list(out));
            }
            (Mult, Value::Bytes(b), Value::Int(n)) | (Mult, Value::Int(n), Value::Bytes(b)) => {
                let count = (*n).max(0) as usize;
                self.check_size(b.len().saturating_mul(count))?;
                return Ok(Value::Bytes(b.repeat(count).into()));
            }
            (Mult, Value::Tuple(a), Value::Int(n)) | (Mult, Value::Int(n), Value::Tuple(a)) => {
                self.check_size(a.len().saturating_mul((*n).max(0) as usize))?;
                let mut out = Vec::new();
                for _ in 0..(*n).max(0) {
                    out.extend(a.iter().cloned());
                }
                return Ok(Value::tuple(out));
            }
            (
                Mult,
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
                Value::BigInt(_),
            )
            | (
                Mult,
                Value::BigInt(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_),
            ) => {
                // A count past 64 bits (of either sign) does not fit a size, as in CPython.
                return Err(self.new_error(
                    "OverflowError",
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            (Mod, Value::Str(fmt), _) => return self.percent_format(fmt, &r),
            (BitOr, Value::Dict(a), Value::Dict(b)) => {
                let mut d = a.borrow().clone();
                for (h, (k, v)) in b.borrow().entries.iter() {
                    d.insert(h.clone(), k.clone(), v.clone());
                }
                if inplace {
                    *a.borrow_mut() = d;
                    return Ok(l.clone());
                }
                return Ok(Value::Dict(Rc::new(RefCell::new(d))));
            }
            (BitOr | BitAnd | Sub | BitXor, Value::Set(a) | Value::FrozenSet(a), r_set)
                if r_set.set_items().is_some() =>
            {
                let b = r_set.set_items().map(Rc::clone).unwrap_or_default();
                let out = {
                    let a = a.borrow();
                    let b = b.borrow();
                    let mut out = Dict::default();
                    // The items of `from` that are (or are not) in `other`, in `from`'s order.
                    let mut keep = |from: &Dict, other: &Dict, inside: bool| {
                        for (h, (k, _)) in from.entries.iter() {
                            if other.entries.contains_key(h) == inside {
                                out.insert(h.clone(), k.clone(), Value::None);
                            }
                        }
                    };
                    match op {
                        BitOr => {
                            keep(&a, &Dict::default(), false);
                            keep(&b, &Dict::default(), false);
                        }
                        BitAnd => keep(&a, &b, true),
                        BitXor => {
                            keep(&a, &b, false);
                            keep(&b, &a, false);
                        }
                        _ => keep(&a, &b, false),
                    }
                    out
                };
                // `s |= t` updates the set itself (aliases see it); a frozenset rebinds.
                if inplace && matches!(l, Value::Set(_)) {
                    *a.borrow_mut() = out;
                    return Ok(l.clone());
                }
                return Ok(l.set_like(out));
            }
            _ => {}
        }
        let (dunder, rdunder) = dunders(op);
        if let Value::Instance(inst) = &l {
            if let Some(method) = inst.class.lookup(dunder) {
                let res = self.call(&method, vec![l.clone(), r.clone()], Vec::new())?;
                if !self.is_not_implemented(&res) {
                    return Ok(res);
                }
            }
        }
        if let Value::Class(cls) = &l {
            // `str | None` and `Mapped[int] | None` in annotations.
            if op == BitOr {
                let _ = cls;
                return self.union_type(vec![l.clone(), r.clone()]);
            }
        }
        if op == BitOr
            && (l.is_none() || matches!(l, Value::Instance(_)))
            && matches!(r, Value::Class(_) | Value::None)
            && self.is_type_like(&l)
        {
            return self.union_type(vec![l.clone(), r.clone()]);
        }
        if let Value::Instance(inst) = &r {
            if let Some(method) = inst.class.lookup(rdunder) {
                let res = self.call(&method, vec![r.clone(), l.clone()], Vec::new())?;
                if !self.is_not_implemented(&res) {
                    return Ok(res);
                }
            }
        }
        self.binop_type_error(op, &l, &r, inplace)
    }

    fn binop_type_error(
        &mut self,
        op: Operator,
        l: &Value,
        r: &Value,
        inplace: bool,
    ) -> Result<Value, PyErr> {
        let lt = self.type_name(l);
        let rt = self.type_name(r);
        let msg = match (op, l) {
            (Operator::Add, Value::Str(_)) => {
                format!("can only concatenate str (not \"{rt}\") to str")
            }
            (Operator::Add, Value::List(_)) => {
                format!("can only concatenate list (not \"{rt}\") to list")
            }
            _ => format!(
                "unsupported operand type(s) for {}{}: '{lt}' and '{rt}'",
                symbol(op),
                if inplace { "=" } else { "" }
            ),
        };
        Err(self.type_error(&msg))
    }

    /// A comparison an instance defines itself (`__eq__`, `__lt__`, ...), with the value it
    /// returns kept as is: SQLAlchemy's `column == 5` is an expression, not a bool. `None`
    /// when neither operand defines one (beyond `object`'s) or both return NotImplemented.
    pub(crate) fn rich_compare(
        &mut self,
        op: CmpOp,
        l: &Value,
        r: &Value,
    ) -> Result<Option<Value>, PyErr> {
        let (name, reflected) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => return Ok(None),
        };
        for (this, other, name) in [(l, r, name), (r, l, reflected)] {
            let Value::Instance(inst) = this else {
                continue;
            };
            let method = inst
                .class
                .lineage()
                .take_while(|c| !Rc::ptr_eq(c, &self.types.object))
                .find_map(|c| c.dict.borrow().get(name).cloned());
            let Some(method) = method else {
                continue;
            };
            let res = self.call(&method, vec![this.clone(), other.clone()], Vec::new())?;
            if !self.is_not_implemented(&res) {
                return Ok(Some(res));
            }
        }
        Ok(None)
    }

    pub(crate) fn compare(&mut self, op: CmpOp, l: &Value, r: &Value) -> Result<bool, PyErr> {
        match op {
            CmpOp::Eq => self.eq(l, r),
            CmpOp::NotEq => Ok(!self.eq(l, r)?),
            CmpOp::Is => Ok(l.is(r)),
            CmpOp::IsNot => Ok(!l.is(r)),
            CmpOp::In => self.contains(r, l),
            CmpOp::NotIn => Ok(!self.contains(r, l)?),
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                // Every ordering with a NaN is false.
                if matches!(bigint::num_cmp(l, r), Some(None)) {
                    return Ok(false);
                }
                let ord = self.order(l, r, op)?;
                Ok(match op {
                    CmpOp::Lt => ord == std::cmp::Ordering::Less,
                    CmpOp::LtE => ord != std::cmp::Ordering::Greater,
                    CmpOp::Gt => ord == std::cmp::Ordering::Greater,
                    _ => ord != std::cmp::Ordering::Less,
                })
            }
        }
    }

    /// Ordering for `<` and friends (and `sorted`), with Python's TypeError for unorderable
    /// operands.
    pub(crate) fn order(
        &mut self,
        l: &Value,
        r: &Value,
        op: CmpOp,
    ) -> Result<std::cmp::Ordering, PyErr> {
        self.guarded(" in comparison", |interp| interp.order_inner(l, r, op))
    }

    fn order_inner(
        &mut self,
        l: &Value,
        r: &Value,
        op: CmpOp,
    ) -> Result<std::cmp::Ordering, PyErr> {
        use std::cmp::Ordering;
        if matches!(l, Value::Instance(_)) || matches!(r, Value::Instance(_)) {
            let a = self.primitive(l);
            let b = self.primitive(r);
            if a.is_some() || b.is_some() {
                let a = a.unwrap_or_else(|| l.clone());
                let b = b.unwrap_or_else(|| r.clone());
                if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
                    return self.order(&a, &b, op);
                }
            }
        }
        if let Some(ord) = bigint::num_cmp(l, r) {
            // `compare` answers NaN's comparisons itself; sorting treats NaN as equal.
            return Ok(ord.unwrap_or(Ordering::Equal));
        }
        match (l, r) {
            (Value::Set(a) | Value::FrozenSet(a), Value::Set(b) | Value::FrozenSet(b)) => {
                // Sets order by inclusion.
                let (a, b) = (a.borrow(), b.borrow());
                let a_in_b = a.entries.keys().all(|k| b.entries.contains_key(k));
                let b_in_a = b.entries.keys().all(|k| a.entries.contains_key(k));
                return Ok(match (op, a_in_b, b_in_a) {
                    (CmpOp::LtE, true, _) | (CmpOp::Lt, true, false) => Ordering::Less,
                    (CmpOp::GtE, _, true) | (CmpOp::Gt, false, true) => Ordering::Greater,
                    (CmpOp::Lt | CmpOp::LtE, ..) => Ordering::Greater,
                    _ => Ordering::Less,
                });
            }
            (Value::Str(a), Value::Str(b)) => return Ok(a.cmp(b)),
            (Value::Bytes(a), Value::Bytes(b)) => return Ok(a.cmp(b)),
            (Value::Tuple(_), Value::Tuple(_)) | (Value::List(_), Value::List(_)) => {
                let a = self.iterate(l)?;
                let b = self.iterate(r)?;
                for (x, y) in a.iter().zip(b.iter()) {
                    if !self.eq_item(x, y)? {
                        return self.order(x, y, op);
                    }
                }
                return Ok(a.len().cmp(&b.len()));
            }
            _ => {}
        }
        // `l.__lt__(r)`, then the reflected `r.__gt__(l)`, as Python tries them.
        let (dunder, reflected) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        for (this, other, name) in [(l, r, dunder), (r, l, reflected)] {
            let Value::Instance(inst) = this else {
                continue;
            };
            let Some(method) = inst.class.lookup(name) else {
                continue;
            };
            let res = self.call(&method, vec![this.clone(), other.clone()], Vec::new())?;
            if !self.is_not_implemented(&res) {
                let t = self.truthy(&res)?;
                return Ok(match (op, t) {
                    (CmpOp::Lt | CmpOp::LtE, true) | (CmpOp::Gt | CmpOp::GtE, false) => {
                        Ordering::Less
                    }
                    _ => Ordering::Greater,
                });
            }
        }
        let symbol = match op {
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            _ => ">=",
        };
        let lt = self.type_name(l);
        let rt = self.type_name(r);
        Err(self.type_error(&format!(
            "'{symbol}' not supported between instances of '{lt}' and '{rt}'"
        )))
    }

    /// Equality as containers test it (CPython's `PyObject_RichCompareBool`): the same object
    /// is equal to itself without asking `__eq__`, so `x in [x]` holds and a self-referential
    /// or deeply nested item is not compared.
    pub(crate) fn eq_item(&mut self, l: &Value, r: &Value) -> Result<bool, PyErr> {
        if l.is(r) {
            return Ok(true);
        }
        self.eq(l, r)
    }

    pub(crate) fn eq(&mut self, l: &Value, r: &Value) -> Result<bool, PyErr> {
        self.guarded(" in comparison", |interp| interp.eq_inner(l, r))
    }

    fn eq_inner(&mut self, l: &Value, r: &Value) -> Result<bool, PyErr> {
        if matches!(l, Value::Instance(_)) != matches!(r, Value::Instance(_)) {
            if let Some(p) = self.primitive(l) {
                return self.eq(&p, r);
            }
            if let Some(p) = self.primitive(r) {
                return self.eq(l, &p);
            }
        }
        if let Some(ord) = bigint::num_cmp(l, r) {
            return Ok(ord == Some(std::cmp::Ordering::Equal));
        }
        Ok(match (l, r) {
            (Value::None, Value::None) => true,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Bytes(a), Value::Bytes(b)) => a == b,
            (Value::Tuple(_), Value::Tuple(_)) | (Value::List(_), Value::List(_)) => {
                let a = self.iterate(l)?;
                let b = self.iterate(r)?;
                if a.len() != b.len() {
                    return Ok(false);
                }
                for (x, y) in a.iter().zip(b.iter()) {
                    if !self.eq_item(x, y)? {
                        return Ok(false);
                    }
                }
                true
            }
            (Value::Dict(a), Value::Dict(b)) => {
                self.charge(a.borrow().len())?;
                let a = a.borrow().clone();
                let b = b.borrow().clone();
                if a.len() != b.len() {
                    return Ok(false);
                }
                for (h, (_, v)) in a.entries.iter() {
                    match b.get(h) {
                        Some(w) => {
                            if !self.eq_item(v, w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (Value::Set(a) | Value::FrozenSet(a), Value::Set(b) | Value::FrozenSet(b)) => {
                self.charge(a.borrow().len())?;
                let a = a.borrow();
                let b = b.borrow();
                a.len() == b.len() && a.entries.keys().all(|k| b.entries.contains_key(k))
            }
            (Value::Range(a, b, c), Value::Range(d, e, f)) => (a, b, c) == (d, e, f),
            (Value::Instance(inst), _) | (_, Value::Instance(inst))
                if inst.class.lookup("__eq__").is_some() =>
            {
                let (this, other) = if matches!(l, Value::Instance(i) if Rc::ptr_eq(i, inst)) {
                    (l, r)
                } else {
                    (r, l)
                };
                let method = inst.class.lookup("__eq__").unwrap_or(Value::None);
                let res = self.call(&method, vec![this.clone(), other.clone()], Vec::new())?;
                if self.is_not_implemented(&res) {
                    l.is(r)
                } else {
                    self.truthy(&res)?
                }
            }
            _ => l.is(r),
        })
    }

    pub(crate) fn contains(&mut self, container: &Value, item: &Value) -> Result<bool, PyErr> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                _ => {
                    let t = self.type_name(item);
                    Err(self.type_error(&format!(
                        "'in <string>' requires string as left operand, not {t}"
                    )))
                }
            },
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => {
                let key = self.hash_key(item)?;
                Ok(d.borrow().entries.contains_key(&key))
            }
            Value::Instance(inst) if inst.class.lookup("__contains__").is_some() => {
                let method = inst.class.lookup("__contains__").unwrap_or(Value::None);
                let res = self.call(&method, vec![container.clone(), item.clone()], Vec::new())?;
                self.truthy(&res)
            }
            _ => {
                for candidate in self.iterate(container)? {
                    if self.eq_item(&candidate, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// The items of an iterable, collected (the evaluator has no lazy generators).
    pub(crate) fn iterate(&mut self, value: &Value) -> Result<Vec<Value>, PyErr> {
        let items = self.collect_items(value)?;
        self.charge(items.len())?;
        Ok(items)
    }

    fn collect_items(&mut self, value: &Value) -> Result<Vec<Value>, PyErr> {
        Ok(match value {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s.chars().map(|c| Value::str(&c.to_string())).collect(),
            Value::Bytes(b) => b.iter().map(|&c| Value::Int(c as i64)).collect(),
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => d
                .borrow()
                .entries
                .values()
                .map(|(k, _)| k.clone())
                .collect(),
            Value::Range(start, stop, step) => {
                let n = range_len(*start, *stop, *step);
                if n > self.step_limit as i64 {
                    self.steps = self.step_limit;
                    self.step()?;
                }
                (0..n)
                    .map(|i| Value::Int(start.wrapping_add(i.wrapping_mul(*step))))
                    .collect()
            }
            Value::Iterator(it) => it.borrow_mut().by_ref().collect(),
            Value::Instance(inst) => {
                if let Some(method) = inst.class.lookup("__iter__") {
                    let it = self.call(&method, vec![value.clone()], Vec::new())?;
                    if matches!(&it, Value::Instance(i) if Rc::ptr_eq(i, inst)) {
                        let next = inst.class.lookup("__next__").unwrap_or(Value::None);
                        let mut out = Vec::new();
                        loop {
                            self.step()?;
                            match self.call(&next, vec![value.clone()], Vec::new()) {
                                Ok(v) => out.push(v),
                                Err(e) if self.is_instance_of(&e.value, "StopIteration") => break,
                                Err(e) => return Err(e),
                            }
                        }
                        return Ok(out);
                    }
                    return self.collect_items(&it);
                }
                if let Some(method) = inst.class.lookup("__getitem__") {
                    let mut out = Vec::new();
                    for i in 0.. {
                        self.step()?;
                        match self.call(&method, vec![value.clone(), Value::Int(i)], Vec::new()) {
                            Ok(v) => out.push(v),
                            Err(e) if self.is_instance_of(&e.value, "IndexError") => break,
                            Err(e) => return Err(e),
                        }
                    }
                    return Ok(out);
                }
                let t = self.type_name(value);
                return Err(self.type_error(&format!("'{t}' object is not iterable")));
            }
            Value::Class(cls) if cls.lookup("_member_list_").is_some() => {
                // Iterating an Enum class yields its members, aliases excluded.
                let members = cls.lookup("_member_list_").unwrap_or(Value::None);
                return self.collect_items(&members);
            }
            _ => {
                let t = self.type_name(value);
                return Err(self.type_error(&format!("'{t}' object is not iterable")));
            }
        })
    }

    /// The `int`/`str`/`float` an instance of a subclass stands for (an `IntEnum` or
    /// `StrEnum` member), which operators and built-ins use as Python's C types do.
    pub(crate) fn primitive(&self, value: &Value) -> Option<Value> {
        let Value::Instance(inst) = value else {
            return None;
        };
        let t = &self.types;
        if !(inst.class.is_subclass(&t.int)
            || inst.class.is_subclass(&t.str)
            || inst.class.is_subclass(&t.float))
        {
            return None;
        }
        inst.dict.borrow().get("_value_").cloned().filter(|v| {
            matches!(
                v,
                Value::Int(_) | Value::Str(_) | Value::Float(_) | Value::Bool(_)
            )
        })
    }

    pub(crate) fn is_instance_of(&self, value: &Value, class: &str) -> bool {
        match value {
            Value::Instance(inst) => inst.class.is_subclass(&self.types.exception(class)),
            _ => false,
        }
    }

    pub(crate) fn is_not_implemented(&self, value: &Value) -> bool {
        matches!(value, Value::Instance(i) if Rc::ptr_eq(&i.class, &self.types.not_implemented_type))
    }

    /// The dict key for a value, or Python's `TypeError: unhashable type`.
    pub(crate) fn hash_key(&mut self, value: &Value) -> Result<HashKey, PyErr> {
        match value {
            Value::Tuple(_) => self.guarded("", |interp| interp.hash_key_inner(value)),
            _ => self.hash_key_inner(value),
        }
    }

    fn hash_key_inner(&mut self, value: &Value) -> Result<HashKey, PyErr> {
        Ok(match value {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(n) => HashKey::Int(*n),
            Value::BigInt(n) => HashKey::BigInt(Rc::clone(n)),
            Value::Float(x) if x.fract() == 0.0 && x.abs() < 9.2e18 => HashKey::Int(*x as i64),
            // A whole float beyond 64 bits is the key of the int it equals exactly.
            Value::Float(x) if x.is_finite() && x.fract() == 0.0 => match self.float_to_int(*x)? {
                Value::BigInt(ref n) => HashKey::BigInt(Rc::clone(n)),
                Value::Int(n) => HashKey::Int(n),
                _ => HashKey::Float(x.to_bits()),
            },
            Value::Float(x) => HashKey::Float(x.to_bits()),
            Value::Str(s) => HashKey::Str(Rc::clone(s)),
            Value::Bytes(b) => HashKey::Bytes(Rc::clone(b)),
            Value::Tuple(items) => {
                // Keys are built whole on every lookup, so nested tuples cost their size.
                self.charge(items.len())?;
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    keys.push(self.hash_key(item)?);
                }
                HashKey::Tuple(keys)
            }
            Value::FrozenSet(items) => {
                let items: Vec<HashKey> = items.borrow().entries.keys().cloned().collect();
                self.charge(items.len())?;
                HashKey::FrozenSet(FrozenKeys(items))
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                let t = self.type_name(value);
                return Err(self.type_error(&format!("unhashable type: '{t}'")));
            }
            Value::Instance(inst) => {
                if let Some(key) = inst
                    .payload
                    .borrow()
                    .as_ref()
                    .and_then(|p| p.downcast_ref::<HashKey>())
                {
                    return Ok(key.clone());
                }
                // A user `__hash__` decides; defining `__eq__` without it makes instances
                // unhashable, as in Python.
                match inst.class.lookup("__hash__") {
                    Some(method @ Value::Function(_)) => {
                        match self.call(&method, vec![value.clone()], Vec::new())? {
                            Value::Int(n) => HashKey::Int(n),
                            Value::BigInt(ref n) => HashKey::Int(bigint::hash_big(n)),
                            _ => {
                                return Err(
                                    self.type_error("__hash__ method should return an integer")
                                )
                            }
                        }
                    }
                    _ if matches!(inst.class.lookup("__eq__"), Some(Value::Function(_))) => {
                        let t = inst.class.name.clone();
                        return Err(self.type_error(&format!("unhashable type: '{t}'")));
                    }
                    _ => HashKey::Identity(value.identity().unwrap_or(0)),
                }
            }
            other => HashKey::Identity(other.identity().unwrap_or(0)),
        })
    }

    // ---- Text --------------------------------------------------------------------------
}

pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && start < stop {
        (stop - start + step - 1) / step
    } else if step < 0 && start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

fn dunders(op: Operator) -> (&'static str, &'static str) {
    use Operator::*;
    match op {
        Add => ("__add__", "__radd__"),
        Sub => ("__sub__", "__rsub__"),
        Mult => ("__mul__", "__rmul__"),
        MatMult => ("__matmul__", "__rmatmul__"),
        Div => ("__truediv__", "__rtruediv__"),
        Mod => ("__mod__", "__rmod__"),
        Pow => ("__pow__", "__rpow__"),
        LShift => ("__lshift__", "__rlshift__"),
        RShift => ("__rshift__", "__rrshift__"),
        BitOr => ("__or__", "__ror__"),
        BitXor => ("__xor__", "__rxor__"),
        BitAnd => ("__and__", "__rand__"),
        FloorDiv => ("__floordiv__", "__rfloordiv__"),
    }
}

fn symbol(op: Operator) -> &'static str {
    use Operator::*;
    match op {
        Add => "+",
        Sub => "-",
        Mult => "*",
        MatMult => "@",
        Div => "/",
        Mod => "%",
        Pow => "** or pow()",
        LShift => "<<",
        RShift => ">>",
        BitOr => "|",
        BitXor => "^",
        BitAnd => "&",
        FloorDiv => "//",
    }
}
