//! Expressions: evaluation of every expression kind, names (local, enclosing, global,
//! builtin), comprehensions with their own frames, f-strings, and assignment targets.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::error::suggest;
use super::value::{Dict, FunctionBody, Value};
use super::{Frame, FrameKind, Interp, PyErr};
use crate::python::ast::{BoolOp, Comprehension, Constant, Expr, ExprKind};

/// Nested expressions (within one call) beyond this raise `RecursionError`.
const MAX_EXPR_DEPTH: u32 = 5000;

impl Interp<'_> {
    pub(crate) fn eval(&mut self, frame: &mut Frame, expr: &Expr) -> Result<Value, PyErr> {
        // Each nested expression is a Rust call; bound them so no input can exhaust the stack.
        if self.expr_depth > MAX_EXPR_DEPTH {
            return Err(self
                .new_error(
                    "RecursionError",
                    "maximum recursion depth exceeded during compilation",
                )
                .at(expr.range));
        }
        self.enter_native()?;
        self.expr_depth += 1;
        let res = self.eval_inner(frame, expr);
        self.expr_depth -= 1;
        self.native_depth -= 1;
        res
    }

    fn eval_inner(&mut self, frame: &mut Frame, expr: &Expr) -> Result<Value, PyErr> {
        match &expr.kind {
            ExprKind::Constant { value } => self.constant(value).map_err(|e| e.at(expr.range)),
            ExprKind::Name { id } => self.load_name(frame, id).map_err(|e| e.at(expr.range)),
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(frame, value)?;
                self.get_attr(&obj, attr).map_err(|e| e.at(expr.range))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let callee = self.eval(frame, func)?;
                let mut positional = Vec::with_capacity(args.len());
                for arg in args {
                    if let ExprKind::Starred { value } = &arg.kind {
                        let seq = self.eval(frame, value)?;
                        positional.extend(self.iterate(&seq).map_err(|e| e.at(arg.range))?);
                    } else {
                        let value = self.eval(frame, arg).map_err(|e| match arg.kind {
                            ExprKind::GeneratorExp { .. } => e.at(expr.range),
                            _ => e,
                        })?;
                        positional.push(value);
                    }
                }
                let mut kwargs: Vec<(Rc<str>, Value)> = Vec::with_capacity(keywords.len());
                for keyword in keywords {
                    let value = self.eval(frame, &keyword.value)?;
                    match &keyword.arg {
                        Some(name) => kwargs.push((Rc::from(name.as_str()), value)),
                        None => match &value {
                            Value::Instance(inst) if inst.class.lookup("keys").is_some() => {
                                // A mapping such as `obj.__dict__`: as a dict of its items.
                                let mut d = super::value::Dict::default();
                                super::builtins::dict_update(self, &mut d, &value)
                                    .map_err(|e| e.at(expr.range))?;
                                for (k, v) in d.entries.into_values() {
                                    match k {
                                        Value::Str(ref s) => kwargs.push((Rc::clone(s), v)),
                                        _ => {
                                            return Err(self
                                                .type_error("keywords must be strings")
                                                .at(expr.range))
                                        }
                                    }
                                }
                            }
                            Value::Dict(d) => {
                                for (k, v) in d.borrow().entries.values() {
                                    match k {
                                        Value::Str(s) => kwargs.push((Rc::clone(s), v.clone())),
                                        _ => {
                                            return Err(self
                                                .type_error("keywords must be strings")
                                                .at(expr.range))
                                        }
                                    }
                                }
                            }
                            _ => {
                                let t = self.type_name(&value);
                                return Err(self
                                    .type_error(&format!(
                                        "argument after ** must be a mapping, not {t}"
                                    ))
                                    .at(expr.range));
                            }
                        },
                    }
                }
                self.call(&callee, positional, kwargs)
                    .map_err(|e| e.at(expr.range))
            }
            ExprKind::BinOp { left, op, right } => {
                let l = self.eval(frame, left)?;
                let r = self.eval(frame, right)?;
                self.binary_op(*op, l, r, false).map_err(|e| {
                    let anchors =
                        operator_anchor(&frame.file.text, left.range.end, right.range.start);
                    e.at_anchored(expr.range, anchors)
                })
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(frame, operand)?;
                self.unary_op(*op, v).map_err(|e| e.at(expr.range))
            }
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for value in values {
                    last = self.eval(frame, value)?;
                    let t = self.truthy(&last)?;
                    match op {
                        BoolOp::And if !t => return Ok(last),
                        BoolOp::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut l = self.eval(frame, left)?;
                let last = ops.len().saturating_sub(1);
                for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
                    let r = self.eval(frame, right)?;
                    let rich = match (&l, &r) {
                        (Value::Instance(_), _) | (_, Value::Instance(_)) => self
                            .rich_compare(*op, &l, &r)
                            .map_err(|e| e.at(expr.range))?,
                        _ => None,
                    };
                    if let Some(res) = rich {
                        // `a < b < c` is `a < b and b < c`: a falsy link ends the chain.
                        if i == last || !self.truthy(&res)? {
                            return Ok(res);
                        }
                    } else if !self.compare(*op, &l, &r).map_err(|e| e.at(expr.range))? {
                        return Ok(Value::Bool(false));
                    }
                    l = r;
                }
                Ok(Value::Bool(true))
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(frame, test)?;
                if self.truthy(&t)? {
                    self.eval(frame, body)
                } else {
                    self.eval(frame, orelse)
                }
            }
            ExprKind::NamedExpr { target, value } => {
                let v = self.eval(frame, value)?;
                self.assign(frame, target, v.clone())?;
                Ok(v)
            }
            ExprKind::Tuple { elts } => Ok(Value::tuple(self.eval_elements(frame, elts)?)),
            ExprKind::List { elts } => Ok(Value::list(self.eval_elements(frame, elts)?)),
            ExprKind::Set { elts } => {
                let items = self.eval_elements(frame, elts)?;
                let mut set = Dict::default();
                for item in items {
                    let key = self.hash_key(&item).map_err(|e| e.at(expr.range))?;
                    set.insert(key, item, Value::None);
                }
                Ok(Value::Set(Rc::new(RefCell::new(set))))
            }
            ExprKind::Dict { keys, values } => {
                let mut dict = Dict::default();
                for (key, value) in keys.iter().zip(values) {
                    match key {
                        Some(key) => {
                            let k = self.eval(frame, key)?;
                            let v = self.eval(frame, value)?;
                            let h = self.hash_key(&k).map_err(|e| e.at(key.range))?;
                            dict.insert(h, k, v);
                        }
                        None => {
                            let other = self.eval(frame, value)?;
                            if matches!(&other, Value::Instance(i) if i.class.lookup("keys").is_some())
                            {
                                super::builtins::dict_update(self, &mut dict, &other)
                                    .map_err(|e| e.at(value.range))?;
                                continue;
                            }
                            let Value::Dict(ref other) = other else {
                                let t = self.type_name(&other);
                                return Err(self
                                    .type_error(&format!("'{t}' object is not a mapping"))
                                    .at(value.range));
                            };
                            for (h, (k, v)) in other.borrow().entries.iter() {
                                dict.insert(h.clone(), k.clone(), v.clone());
                            }
                        }
                    }
                }
                Ok(Value::Dict(Rc::new(RefCell::new(dict))))
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(frame, value)?;
                let index = self.eval(frame, slice)?;
                self.get_item(&obj, &index).map_err(|e| {
                    let anchors = subscript_anchor(&frame.file.text, value, slice);
                    e.at_anchored(expr.range, anchors)
                })
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut parts = [Value::None, Value::None, Value::None];
                for (slot, part) in parts.iter_mut().zip([lower, upper, step]) {
                    if let Some(part) = part {
                        *slot = self.eval(frame, part)?;
                    }
                }
                Ok(Value::Slice(Rc::new(parts)))
            }
            ExprKind::Starred { .. } => Err(self
                .new_error("SyntaxError", "can't use starred expression here")
                .at(expr.range)),
            ExprKind::Lambda { args, body } => {
                let func = self.make_function(
                    frame,
                    "<lambda>",
                    args,
                    FunctionBody::Lambda(Rc::new((**body).clone())),
                )?;
                Ok(Value::Function(Rc::new(func)))
            }
            ExprKind::JoinedStr { values } => {
                let mut out = String::new();
                for part in values {
                    match &part.kind {
                        ExprKind::Constant {
                            value: Constant::Str(s),
                        } => out.push_str(s),
                        _ => {
                            let v = self.eval(frame, part)?;
                            out.push_str(v.as_str().unwrap_or_default());
                        }
                    }
                }
                Ok(Value::str(&out))
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let v = self.eval(frame, value)?;
                let v = match *conversion {
                    115 => Value::str(&self.py_str(&v)?),
                    114 => Value::str(&self.repr(&v)?),
                    97 => Value::str(&super::value::ascii_escape(&self.repr(&v)?)),
                    _ => v,
                };
                let spec = match format_spec {
                    Some(spec) => self
                        .eval(frame, spec)?
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                    None => String::new(),
                };
                Ok(Value::str(
                    &self.format_value(&v, &spec).map_err(|e| e.at(expr.range))?,
                ))
            }
            ExprKind::ListComp { elt, generators } => {
                let mut out = Vec::new();
                self.comprehension(
                    frame,
                    "<listcomp>",
                    expr.range,
                    generators,
                    &mut |interp, frame| {
                        out.push(interp.eval(frame, elt)?);
                        Ok(())
                    },
                )?;
                Ok(Value::list(out))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                // Generators are evaluated eagerly: the files the playground runs consume them
                // at once (`any(...)`, `", ".join(...)`).
                let mut out = Vec::new();
                self.comprehension(
                    frame,
                    "<genexpr>",
                    expr.range,
                    generators,
                    &mut |interp, frame| {
                        out.push(interp.eval(frame, elt)?);
                        Ok(())
                    },
                )?;
                Ok(Value::Iterator(Rc::new(RefCell::new(out.into_iter()))))
            }
            ExprKind::SetComp { elt, generators } => {
                let mut set = Dict::default();
                self.comprehension(
                    frame,
                    "<setcomp>",
                    expr.range,
                    generators,
                    &mut |interp, frame| {
                        let v = interp.eval(frame, elt)?;
                        let h = interp.hash_key(&v)?;
                        set.insert(h, v, Value::None);
                        Ok(())
                    },
                )?;
                Ok(Value::Set(Rc::new(RefCell::new(set))))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let mut dict = Dict::default();
                self.comprehension(
                    frame,
                    "<dictcomp>",
                    expr.range,
                    generators,
                    &mut |interp, frame| {
                        let k = interp.eval(frame, key)?;
                        let v = interp.eval(frame, value)?;
                        let h = interp.hash_key(&k)?;
                        dict.insert(h, k, v);
                        Ok(())
                    },
                )?;
                Ok(Value::Dict(Rc::new(RefCell::new(dict))))
            }
            ExprKind::Await { .. } | ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => {
                Err(self
                    .new_error(
                        "NotImplementedError",
                        "'await' and 'yield' are not supported in the playground",
                    )
                    .at(expr.range))
            }
        }
    }

    fn eval_elements(&mut self, frame: &mut Frame, elts: &[Expr]) -> Result<Vec<Value>, PyErr> {
        let mut out = Vec::with_capacity(elts.len());
        for elt in elts {
            if let ExprKind::Starred { value } = &elt.kind {
                let seq = self.eval(frame, value)?;
                out.extend(self.iterate(&seq).map_err(|e| e.at(elt.range))?);
            } else {
                out.push(self.eval(frame, elt)?);
            }
        }
        Ok(out)
    }

    fn constant(&mut self, value: &Constant) -> Result<Value, PyErr> {
        Ok(match value {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Ellipsis => self
                .builtins
                .dict
                .borrow()
                .get("Ellipsis")
                .cloned()
                .unwrap_or(Value::None),
            Constant::Int(n) => Value::Int(*n),
            Constant::BigInt(text) => {
                let (radix, digits) = match text.get(..2) {
                    Some("0x") => (16, &text[2..]),
                    Some("0o") => (8, &text[2..]),
                    Some("0b") => (2, &text[2..]),
                    _ => (10, &text[..]),
                };
                // The parser already refused a decimal literal past CPython's digit limit.
                let limit = std::mem::replace(&mut self.int_max_str_digits, 0);
                let value = self.parse_int_digits(digits, radix, false);
                self.int_max_str_digits = limit;
                value?
            }
            Constant::Float(x) => Value::Float(*x),
            Constant::Complex(_) => {
                return Err(self.new_error(
                    "NotImplementedError",
                    "complex numbers are not supported in the playground",
                ))
            }
            Constant::Str(s) => Value::str(s),
            Constant::Bytes(b) => Value::Bytes(Rc::from(b.as_slice())),
        })
    }

    /// Runs `body` for every combination the comprehension's clauses produce, in a scope of
    /// its own (the loop variables do not leak, as in Python 3).
    fn comprehension(
        &mut self,
        frame: &mut Frame,
        name: &str,
        range: crate::text::TextRange,
        generators: &[Comprehension],
        body: &mut dyn FnMut(&mut Interp<'_>, &mut Frame) -> Result<(), PyErr>,
    ) -> Result<(), PyErr> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        // The first iterable is evaluated in the enclosing scope.
        let iterable = self.eval(frame, &first.iter)?;
        let items = self
            .iterate(&iterable)
            .map_err(|e| e.at(first.iter.range))?;
        let mut info = super::value::ScopeInfo {
            comprehension: true,
            ..Default::default()
        };
        for generator in generators {
            collect_names(&generator.target, &mut info.locals);
        }
        let closure = match &frame.kind {
            FrameKind::Module => Vec::new(),
            FrameKind::Function {
                locals, closure, ..
            } => {
                let mut c = closure.clone();
                c.push(Rc::clone(locals));
                c
            }
            FrameKind::Class { closure, .. } => closure.clone(),
        };
        let mut inner = Frame {
            file: Rc::clone(&frame.file),
            name: name.to_string(),
            globals: Rc::clone(&frame.globals),
            kind: FrameKind::Function {
                locals: Rc::new(RefCell::new(HashMap::new())),
                info: Rc::new(info),
                closure,
            },
            stmt: frame.stmt,
        };
        // A comprehension is a function of its own in CPython 3.11, with its own frame.
        self.comprehension_level(&mut inner, generators, 0, Some(items), body)
            .map_err(|err| {
                if err.fatal {
                    err
                } else {
                    let err = self.leave_frame(&inner, err);
                    // A generator runs lazily inside whatever consumes it, so CPython points
                    // at the consuming call (set by the caller), not at the generator.
                    if name == "<genexpr>" {
                        err
                    } else {
                        err.at(range)
                    }
                }
            })
    }

    fn comprehension_level(
        &mut self,
        frame: &mut Frame,
        generators: &[Comprehension],
        level: usize,
        first_items: Option<Vec<Value>>,
        body: &mut dyn FnMut(&mut Interp<'_>, &mut Frame) -> Result<(), PyErr>,
    ) -> Result<(), PyErr> {
        let Some(generator) = generators.get(level) else {
            return body(self, frame);
        };
        let items = match first_items {
            Some(items) => items,
            None => {
                let iterable = self.eval(frame, &generator.iter)?;
                self.iterate(&iterable)
                    .map_err(|e| e.at(generator.iter.range))?
            }
        };
        'items: for item in items {
            self.step()?;
            self.assign(frame, &generator.target, item)?;
            for cond in &generator.ifs {
                let v = self.eval(frame, cond)?;
                if !self.truthy(&v)? {
                    continue 'items;
                }
            }
            self.comprehension_level(frame, generators, level + 1, None, body)?;
        }
        Ok(())
    }

    // ---- Names -------------------------------------------------------------------------

    pub(crate) fn load_name(&mut self, frame: &Frame, name: &str) -> Result<Value, PyErr> {
        match &frame.kind {
            FrameKind::Function {
                locals,
                info,
                closure,
            } => {
                if info.locals.contains(name) {
                    if let Some(v) = locals.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    return Err(self.new_error(
                        "UnboundLocalError",
                        &format!("cannot access local variable '{name}' where it is not associated with a value"),
                    ));
                }
                if !info.globals.contains(name) {
                    for scope in closure.iter().rev() {
                        if let Some(v) = scope.borrow().get(name) {
                            return Ok(v.clone());
                        }
                    }
                }
            }
            FrameKind::Class { namespace, closure } => {
                if let Some(v) = namespace.borrow().get(name) {
                    return Ok(v.clone());
                }
                for scope in closure.iter().rev() {
                    if let Some(v) = scope.borrow().get(name) {
                        return Ok(v.clone());
                    }
                }
            }
            FrameKind::Module => {}
        }
        if let Some(v) = frame.globals.dict.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.dict.borrow().get(name) {
            return Ok(v.clone());
        }
        Err(self.name_error(frame, name))
    }

    /// `NameError` with CPython's suggestion: locals first, then globals, then builtins.
    fn name_error(&mut self, frame: &Frame, name: &str) -> PyErr {
        let mut candidates: Vec<Vec<String>> = Vec::new();
        match &frame.kind {
            FrameKind::Function { locals, .. } => {
                candidates.push(locals.borrow().keys().map(|k| k.to_string()).collect())
            }
            FrameKind::Class { namespace, .. } => {
                candidates.push(namespace.borrow().keys().map(|k| k.to_string()).collect())
            }
            FrameKind::Module => {}
        }
        candidates.push(
            frame
                .globals
                .dict
                .borrow()
                .keys()
                .map(|k| k.to_string())
                .collect(),
        );
        candidates.push(
            self.builtins
                .dict
                .borrow()
                .keys()
                .map(|k| k.to_string())
                .collect(),
        );
        let suggestion = candidates.iter_mut().find_map(|names| {
            names.sort();
            suggest(name, names.iter().map(String::as_str))
        });
        let mut message = format!("name '{name}' is not defined");
        if let Some(s) = suggestion {
            message.push_str(&format!(". Did you mean: '{s}'?"));
        }
        self.new_error("NameError", &message)
    }

    pub(crate) fn store_name(
        &mut self,
        frame: &mut Frame,
        name: &str,
        value: Value,
    ) -> Result<(), PyErr> {
        match &frame.kind {
            FrameKind::Function {
                locals,
                info,
                closure,
            } => {
                if info.comprehension && !info.locals.contains(name) {
                    // `:=` in a comprehension binds in the scope around it.
                    match closure.last() {
                        Some(scope) => {
                            scope.borrow_mut().insert(Rc::from(name), value);
                        }
                        None => {
                            frame
                                .globals
                                .dict
                                .borrow_mut()
                                .insert(Rc::from(name), value);
                        }
                    }
                    return Ok(());
                }
                if info.globals.contains(name) {
                    frame
                        .globals
                        .dict
                        .borrow_mut()
                        .insert(Rc::from(name), value);
                } else if info.nonlocals.contains(name) {
                    let scope = closure
                        .iter()
                        .rev()
                        .find(|s| s.borrow().contains_key(name))
                        .or(closure.last());
                    match scope {
                        Some(scope) => {
                            scope.borrow_mut().insert(Rc::from(name), value);
                        }
                        None => frame
                            .globals
                            .dict
                            .borrow_mut()
                            .insert(Rc::from(name), value)
                            .map_or((), |_| ()),
                    }
                } else {
                    locals.borrow_mut().insert(Rc::from(name), value);
                }
            }
            FrameKind::Class { namespace, .. } => {
                namespace.borrow_mut().insert(Rc::from(name), value);
            }
            FrameKind::Module => {
                frame
                    .globals
                    .dict
                    .borrow_mut()
                    .insert(Rc::from(name), value);
            }
        }
        Ok(())
    }

    pub(crate) fn assign(
        &mut self,
        frame: &mut Frame,
        target: &Expr,
        value: Value,
    ) -> Result<(), PyErr> {
        match &target.kind {
            ExprKind::Name { id } => self.store_name(frame, id, value),
            ExprKind::Attribute { value: obj, attr } => {
                let obj = self.eval(frame, obj)?;
                self.set_attr(&obj, attr, value)
                    .map_err(|e| e.at(target.range))
            }
            ExprKind::Subscript { value: obj, slice } => {
                let obj_value = self.eval(frame, obj)?;
                let index = self.eval(frame, slice)?;
                self.set_item(&obj_value, index, value).map_err(|e| {
                    let anchors = subscript_anchor(&frame.file.text, obj, slice);
                    e.at_anchored(target.range, anchors)
                })
            }
            ExprKind::Tuple { elts } | ExprKind::List { elts } => {
                let items = match self.iterate(&value) {
                    Ok(items) => items,
                    Err(e)
                        if self.is_instance_of(&e.value, "TypeError")
                            && !matches!(value, Value::Instance(_)) =>
                    {
                        let t = self.type_name(&value);
                        return Err(self
                            .type_error(&format!("cannot unpack non-iterable {t} object"))
                            .at(target.range));
                    }
                    Err(e) => return Err(e.at(target.range)),
                };
                let star = elts
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred { .. }));
                match star {
                    None => {
                        if items.len() != elts.len() {
                            let msg = if items.len() > elts.len() {
                                format!("too many values to unpack (expected {})", elts.len())
                            } else {
                                format!(
                                    "not enough values to unpack (expected {}, got {})",
                                    elts.len(),
                                    items.len()
                                )
                            };
                            return Err(self.new_error("ValueError", &msg).at(target.range));
                        }
                        for (elt, item) in elts.iter().zip(items) {
                            self.assign(frame, elt, item)?;
                        }
                    }
                    Some(at) => {
                        let after = elts.len() - at - 1;
                        if items.len() < elts.len() - 1 {
                            let msg = format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                elts.len() - 1,
                                items.len()
                            );
                            return Err(self.new_error("ValueError", &msg).at(target.range));
                        }
                        let mut items = items;
                        let tail = items.split_off(items.len() - after);
                        let middle = items.split_off(at);
                        for (elt, item) in elts[..at].iter().zip(items) {
                            self.assign(frame, elt, item)?;
                        }
                        if let ExprKind::Starred { value } = &elts[at].kind {
                            self.assign(frame, value, Value::list(middle))?;
                        }
                        for (elt, item) in elts[at + 1..].iter().zip(tail) {
                            self.assign(frame, elt, item)?;
                        }
                    }
                }
                Ok(())
            }
            ExprKind::Starred { value: inner } => self.assign(frame, inner, value),
            _ => Err(self
                .new_error("SyntaxError", "cannot assign to expression")
                .at(target.range)),
        }
    }

    /// Removes a local binding if present (the end of an `except ... as name` block).
    pub(crate) fn unbind(&mut self, frame: &mut Frame, name: &str) {
        match &frame.kind {
            FrameKind::Function { locals, .. } => {
                locals.borrow_mut().remove(name);
            }
            FrameKind::Class { namespace, .. } => {
                namespace.borrow_mut().shift_remove(name);
            }
            FrameKind::Module => {
                frame.globals.dict.borrow_mut().shift_remove(name);
            }
        }
    }

    pub(crate) fn delete(&mut self, frame: &mut Frame, target: &Expr) -> Result<(), PyErr> {
        match &target.kind {
            ExprKind::Name { id } => {
                let removed = match &frame.kind {
                    FrameKind::Function { locals, .. } => {
                        locals.borrow_mut().remove(id.as_str()).is_some()
                    }
                    FrameKind::Class { namespace, .. } => {
                        namespace.borrow_mut().shift_remove(id.as_str()).is_some()
                    }
                    FrameKind::Module => frame
                        .globals
                        .dict
                        .borrow_mut()
                        .shift_remove(id.as_str())
                        .is_some(),
                };
                if removed {
                    Ok(())
                } else {
                    Err(self
                        .new_error("NameError", &format!("name '{id}' is not defined"))
                        .at(target.range))
                }
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(frame, value)?;
                let index = self.eval(frame, slice)?;
                self.del_item(&obj, &index).map_err(|e| e.at(target.range))
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(frame, value)?;
                match &obj {
                    Value::Instance(inst)
                        if inst.dict.borrow_mut().shift_remove(attr.as_str()).is_some() =>
                    {
                        Ok(())
                    }
                    _ => {
                        let t = self.type_name(&obj);
                        Err(self
                            .new_error(
                                "AttributeError",
                                &format!("'{t}' object has no attribute '{attr}'"),
                            )
                            .at(target.range))
                    }
                }
            }
            ExprKind::Tuple { elts } | ExprKind::List { elts } => {
                for elt in elts {
                    self.delete(frame, elt)?;
                }
                Ok(())
            }
            _ => Err(self
                .new_error("SyntaxError", "cannot delete expression")
                .at(target.range)),
        }
    }

    // ---- Operators ---------------------------------------------------------------------
}

/// The operator between two operands, as CPython finds it: the first character that is
/// not whitespace or a closing parenthesis, two characters for `//`, `**` and the like.
fn operator_anchor(text: &str, left_end: u32, right_start: u32) -> Option<crate::text::TextRange> {
    let between = text.get(left_end as usize..right_start as usize)?;
    let (i, _) = between
        .char_indices()
        .find(|(_, c)| !c.is_whitespace() && *c != ')')?;
    let mut len = 1;
    if between[i + 1..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '['))
        && i + 1 < between.len()
    {
        len = 2;
    }
    let start = left_end + i as u32;
    Some(crate::text::TextRange::new(start, start + len))
}

/// The `[...]` of a subscript, which CPython's traceback marks with `^` under `~`.
fn subscript_anchor(text: &str, value: &Expr, slice: &Expr) -> Option<crate::text::TextRange> {
    let open = text.get(value.range.end as usize..)?.find('[')? as u32 + value.range.end;
    let close = text.get(slice.range.end as usize..)?.find(']')? as u32 + slice.range.end + 1;
    Some(crate::text::TextRange::new(open, close))
}

fn collect_names(target: &Expr, names: &mut std::collections::HashSet<String>) {
    match &target.kind {
        ExprKind::Name { id } => {
            names.insert(id.clone());
        }
        ExprKind::Tuple { elts } | ExprKind::List { elts } => {
            elts.iter().for_each(|e| collect_names(e, names))
        }
        ExprKind::Starred { value } => collect_names(value, names),
        _ => {}
    }
}
