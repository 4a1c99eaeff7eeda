//! Expressions: names (local, enclosing, global, builtin), operators with Python's numeric
//! rules, comparisons, comprehensions, f-strings, and assignment targets.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::error::suggest;
use super::value::{repr_bytes, repr_str, Dict, FunctionBody, HashKey, Value};
use super::{Frame, FrameKind, Interp, PyErr};
use crate::python::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Operator, UnaryOp,
};

/// The largest string or list (in bytes or items) one operation may build.
const MAX_OBJECT_SIZE: usize = 64 * 1024 * 1024;

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
                        positional.push(self.eval(frame, arg)?);
                    }
                }
                let mut kwargs: Vec<(Rc<str>, Value)> = Vec::with_capacity(keywords.len());
                for keyword in keywords {
                    let value = self.eval(frame, &keyword.value)?;
                    match &keyword.arg {
                        Some(name) => kwargs.push((Rc::from(name.as_str()), value)),
                        None => match &value {
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
                for (op, right) in ops.iter().zip(comparators) {
                    let r = self.eval(frame, right)?;
                    if !self.compare(*op, &l, &r).map_err(|e| e.at(expr.range))? {
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
                            let Value::Dict(other) = other else {
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
                    let text = &frame.file.text;
                    let open = text[value.range.end as usize..]
                        .find('[')
                        .map(|i| value.range.end + i as u32);
                    let close = text[slice.range.end as usize..]
                        .find(']')
                        .map(|i| slice.range.end + i as u32 + 1);
                    let anchors = open
                        .zip(close)
                        .map(|(a, b)| crate::text::TextRange::new(a, b));
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
            Constant::BigInt(_) => {
                return Err(self.new_error(
                    "OverflowError",
                    "integers beyond 64 bits are not supported in the playground",
                ))
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
        let mut info = super::value::ScopeInfo::default();
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
                    self.leave_frame(&inner, err).at(range)
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
                    let text = &frame.file.text;
                    let open = text[obj.range.end as usize..]
                        .find('[')
                        .map(|i| obj.range.end + i as u32);
                    let close = text[slice.range.end as usize..]
                        .find(']')
                        .map(|i| slice.range.end + i as u32 + 1);
                    let anchors = open
                        .zip(close)
                        .map(|(a, b)| crate::text::TextRange::new(a, b));
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

    pub(crate) fn truthy(&mut self, value: &Value) -> Result<bool, PyErr> {
        Ok(match value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            Value::Float(x) => *x != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
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

    fn unary_op(&mut self, op: UnaryOp, value: Value) -> Result<Value, PyErr> {
        Ok(match (op, &value) {
            (UnaryOp::Not, _) => Value::Bool(!self.truthy(&value)?),
            (UnaryOp::USub, Value::Int(n)) => {
                Value::Int(n.checked_neg().ok_or_else(|| self.overflow())?)
            }
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

    fn overflow(&mut self) -> PyErr {
        self.new_error(
            "OverflowError",
            "integer result beyond 64 bits is not supported in the playground",
        )
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
        let as_float = |v: &Value| match v {
            Value::Int(n) => Some(*n as f64),
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Float(x) => Some(*x),
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
                    return Ok(Value::Float(a as f64 / b as f64));
                }
                Pow => {
                    if b < 0 {
                        return Ok(Value::Float((a as f64).powf(b as f64)));
                    }
                    u32::try_from(b).ok().and_then(|b| a.checked_pow(b))
                }
                LShift => u32::try_from(b)
                    .ok()
                    .and_then(|b| a.checked_shl(b))
                    .filter(|v| v >> b.min(63) == a),
                RShift => Some(a >> b.clamp(0, 63)),
                BitAnd => Some(a & b),
                BitOr => Some(a | b),
                BitXor => Some(a ^ b),
                MatMult => None,
            };
            if op != MatMult {
                return match res {
                    Some(n)
                        if matches!(op, BitAnd | BitOr | BitXor)
                            && matches!((&l, &r), (Value::Bool(_), Value::Bool(_))) =>
                    {
                        Ok(Value::Bool(n != 0))
                    }
                    Some(n) => Ok(Value::Int(n)),
                    None => Err(self.overflow()),
                };
            }
        }
        if let (Some(a), Some(b)) = (as_float(&l), as_float(&r)) {
            if matches!((&l, &r), (Value::Float(_), _) | (_, Value::Float(_))) {
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
            (Mult, Value::Tuple(a), Value::Int(n)) => {
                self.check_size(a.len().saturating_mul((*n).max(0) as usize))?;
                let mut out = Vec::new();
                for _ in 0..(*n).max(0) {
                    out.extend(a.iter().cloned());
                }
                return Ok(Value::tuple(out));
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
            (BitOr | BitAnd | Sub | BitXor, Value::Set(a), Value::Set(b)) => {
                let a = a.borrow();
                let b = b.borrow();
                let mut out = Dict::default();
                match op {
                    BitOr => {
                        for (h, (k, _)) in a.entries.iter().chain(b.entries.iter()) {
                            out.insert(h.clone(), k.clone(), Value::None);
                        }
                    }
                    BitAnd => {
                        for (h, (k, _)) in
                            a.entries.iter().filter(|(h, _)| b.entries.contains_key(*h))
                        {
                            out.insert(h.clone(), k.clone(), Value::None);
                        }
                    }
                    BitXor => {
                        for (h, (k, _)) in a
                            .entries
                            .iter()
                            .filter(|(h, _)| !b.entries.contains_key(*h))
                        {
                            out.insert(h.clone(), k.clone(), Value::None);
                        }
                        for (h, (k, _)) in b
                            .entries
                            .iter()
                            .filter(|(h, _)| !a.entries.contains_key(*h))
                        {
                            out.insert(h.clone(), k.clone(), Value::None);
                        }
                    }
                    _ => {
                        for (h, (k, _)) in a
                            .entries
                            .iter()
                            .filter(|(h, _)| !b.entries.contains_key(*h))
                        {
                            out.insert(h.clone(), k.clone(), Value::None);
                        }
                    }
                }
                return Ok(Value::Set(Rc::new(RefCell::new(out))));
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

    pub(crate) fn compare(&mut self, op: CmpOp, l: &Value, r: &Value) -> Result<bool, PyErr> {
        match op {
            CmpOp::Eq => self.eq(l, r),
            CmpOp::NotEq => Ok(!self.eq(l, r)?),
            CmpOp::Is => Ok(l.is(r)),
            CmpOp::IsNot => Ok(!l.is(r)),
            CmpOp::In => self.contains(r, l),
            CmpOp::NotIn => Ok(!self.contains(r, l)?),
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
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
        let num = |v: &Value| match v {
            Value::Int(n) => Some(*n as f64),
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Float(x) => Some(*x),
            _ => None,
        };
        if let (Value::Int(a), Value::Int(b)) = (l, r) {
            return Ok(a.cmp(b));
        }
        if let (Some(a), Some(b)) = (num(l), num(r)) {
            return Ok(a.partial_cmp(&b).unwrap_or(Ordering::Equal));
        }
        match (l, r) {
            (Value::Str(a), Value::Str(b)) => return Ok(a.cmp(b)),
            (Value::Bytes(a), Value::Bytes(b)) => return Ok(a.cmp(b)),
            (Value::Tuple(_), Value::Tuple(_)) | (Value::List(_), Value::List(_)) => {
                let a = self.iterate(l)?;
                let b = self.iterate(r)?;
                for (x, y) in a.iter().zip(b.iter()) {
                    if !self.eq(x, y)? {
                        return self.order(x, y, op);
                    }
                }
                return Ok(a.len().cmp(&b.len()));
            }
            _ => {}
        }
        let dunder = match op {
            CmpOp::Lt => "__lt__",
            CmpOp::LtE => "__le__",
            CmpOp::Gt => "__gt__",
            _ => "__ge__",
        };
        if let Value::Instance(inst) = l {
            if let Some(method) = inst.class.lookup(dunder) {
                let res = self.call(&method, vec![l.clone(), r.clone()], Vec::new())?;
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
        }
        let reflected = match op {
            CmpOp::Lt => "__gt__",
            CmpOp::LtE => "__ge__",
            CmpOp::Gt => "__lt__",
            _ => "__le__",
        };
        if let Value::Instance(inst) = r {
            if let Some(method) = inst.class.lookup(reflected) {
                let res = self.call(&method, vec![r.clone(), l.clone()], Vec::new())?;
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

    pub(crate) fn eq(&mut self, l: &Value, r: &Value) -> Result<bool, PyErr> {
        if matches!(l, Value::Instance(_)) != matches!(r, Value::Instance(_)) {
            if let Some(p) = self.primitive(l) {
                return self.eq(&p, r);
            }
            if let Some(p) = self.primitive(r) {
                return self.eq(l, &p);
            }
        }
        let num = |v: &Value| match v {
            Value::Int(n) => Some(*n as f64),
            Value::Bool(b) => Some(*b as i64 as f64),
            Value::Float(x) => Some(*x),
            _ => None,
        };
        Ok(match (l, r) {
            (Value::Int(a), Value::Int(b)) => a == b,
            _ if num(l).is_some() && num(r).is_some() => num(l) == num(r),
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
                    if !self.eq(x, y)? {
                        return Ok(false);
                    }
                }
                true
            }
            (Value::Dict(a), Value::Dict(b)) => {
                let a = a.borrow().clone();
                let b = b.borrow().clone();
                if a.len() != b.len() {
                    return Ok(false);
                }
                for (h, (_, v)) in a.entries.iter() {
                    match b.get(h) {
                        Some(w) => {
                            if !self.eq(v, w)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (Value::Set(a), Value::Set(b)) => {
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
            Value::Dict(d) | Value::Set(d) => {
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
                    if self.eq(&candidate, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// The items of an iterable, collected (the evaluator has no lazy generators).
    pub(crate) fn iterate(&mut self, value: &Value) -> Result<Vec<Value>, PyErr> {
        Ok(match value {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s.chars().map(|c| Value::str(&c.to_string())).collect(),
            Value::Bytes(b) => b.iter().map(|&c| Value::Int(c as i64)).collect(),
            Value::Dict(d) | Value::Set(d) => d
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
                    return self.iterate(&it);
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
                return self.iterate(&members);
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
        Ok(match value {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(n) => HashKey::Int(*n),
            Value::Float(x) if x.fract() == 0.0 && x.abs() < 9.2e18 => HashKey::Int(*x as i64),
            Value::Float(x) => HashKey::Float(x.to_bits()),
            Value::Str(s) => HashKey::Str(Rc::clone(s)),
            Value::Bytes(b) => HashKey::Bytes(Rc::clone(b)),
            Value::Tuple(items) => {
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    keys.push(self.hash_key(item)?);
                }
                HashKey::Tuple(keys)
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
                HashKey::Identity(value.identity().unwrap_or(0))
            }
            other => HashKey::Identity(other.identity().unwrap_or(0)),
        })
    }

    // ---- Text --------------------------------------------------------------------------

    pub(crate) fn repr(&mut self, value: &Value) -> Result<String, PyErr> {
        self.step()?;
        Ok(match value {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(n) => n.to_string(),
            Value::Float(x) => crate::python::dump::float_repr(*x),
            Value::Str(s) => repr_str(s),
            Value::Bytes(b) => repr_bytes(b),
            Value::Tuple(items) => {
                let parts: Result<Vec<String>, PyErr> =
                    items.iter().map(|v| self.repr(v)).collect();
                let parts = parts?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::List(items) => {
                let items = items.borrow().clone();
                let parts: Result<Vec<String>, PyErr> =
                    items.iter().map(|v| self.repr(v)).collect();
                format!("[{}]", parts?.join(", "))
            }
            Value::Dict(d) => {
                let entries: Vec<(Value, Value)> = d.borrow().entries.values().cloned().collect();
                let mut parts = Vec::new();
                for (k, v) in entries {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(d) => {
                let keys: Vec<Value> = d
                    .borrow()
                    .entries
                    .values()
                    .map(|(k, _)| k.clone())
                    .collect();
                if keys.is_empty() {
                    return Ok("set()".into());
                }
                let parts: Result<Vec<String>, PyErr> = keys.iter().map(|v| self.repr(v)).collect();
                format!("{{{}}}", parts?.join(", "))
            }
            Value::Range(start, stop, step) => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Value::Slice(parts) => {
                let parts = parts.clone();
                format!(
                    "slice({}, {}, {})",
                    self.repr(&parts[0])?,
                    self.repr(&parts[1])?,
                    self.repr(&parts[2])?
                )
            }
            Value::Function(f) => format!(
                "<function {} at 0x{:012x}>",
                f.qualname,
                Rc::as_ptr(f) as usize
            ),
            Value::Builtin(b) => format!("<built-in function {}>", b.name),
            Value::BoundMethod(m) => {
                let name = match &m.1 {
                    Value::Function(f) => f.qualname.clone(),
                    Value::Builtin(b) => b.name.clone(),
                    _ => "?".into(),
                };
                let obj = self.repr(&m.0)?;
                format!("<bound method {name} of {obj}>")
            }
            Value::Class(cls) => {
                if cls.module == "builtins" {
                    format!("<class '{}'>", cls.name)
                } else if let Some(custom) = cls
                    .dict
                    .borrow()
                    .get("__class_repr__")
                    .and_then(|v| v.as_str().map(String::from))
                {
                    custom
                } else {
                    format!("<class '{}.{}'>", cls.module, cls.name)
                }
            }
            Value::Module(m) => match &m.file {
                Some(file) => format!("<module '{}' from '{}'>", m.name, file),
                None => format!("<module '{}' (built-in)>", m.name),
            },
            Value::Instance(inst) => {
                if let Some(method) = inst.class.lookup("__repr__") {
                    let r = self.call(&method, vec![value.clone()], Vec::new())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => {
                            let t = self.type_name(&other);
                            Err(self
                                .type_error(&format!("__repr__ returned non-string (type {t})")))
                        }
                    };
                }
                format!(
                    "<{}.{} object at 0x{:012x}>",
                    inst.class.module,
                    inst.class.name,
                    Rc::as_ptr(inst) as usize
                )
            }
            Value::Iterator(_) => "<iterator object>".into(),
            Value::Property(_) => "<property object>".into(),
            Value::StaticMethod(_) => "<staticmethod object>".into(),
            Value::ClassMethod(_) => "<classmethod object>".into(),
        })
    }

    pub(crate) fn py_str(&mut self, value: &Value) -> Result<String, PyErr> {
        if let (Some(p), Value::Instance(inst)) = (self.primitive(value), value) {
            // IntEnum and StrEnum print as their value since 3.11.
            if inst
                .class
                .lookup("__str__")
                .is_none_or(|m| matches!(m, Value::Builtin(ref b) if b.owner != "Enum"))
            {
                return self.py_str(&p);
            }
        }
        match value {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(inst) => {
                if let Some(method) = inst.class.lookup("__str__") {
                    let r = self.call(&method, vec![value.clone()], Vec::new())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => {
                            let t = self.type_name(&other);
                            Err(self.type_error(&format!("__str__ returned non-string (type {t})")))
                        }
                    };
                }
                if inst
                    .class
                    .is_subclass(&self.types.exception("BaseException"))
                {
                    let args = inst
                        .dict
                        .borrow()
                        .get("args")
                        .cloned()
                        .unwrap_or(Value::tuple(Vec::new()));
                    if let Value::Tuple(args) = &args {
                        return match args.len() {
                            0 => Ok(String::new()),
                            1 if inst.class.is_subclass(&self.types.exception("KeyError")) => {
                                self.repr(&args[0])
                            }
                            1 => self.py_str(&args[0]),
                            _ => self.repr(&Value::Tuple(Rc::clone(args))),
                        };
                    }
                }
                self.repr(value)
            }
            _ => self.repr(value),
        }
    }

    /// `format(value, spec)`: the format-spec mini-language for str, int and float, and
    /// `__format__` for objects.
    pub(crate) fn format_value(&mut self, value: &Value, spec: &str) -> Result<String, PyErr> {
        if let Value::Instance(inst) = value {
            if let Some(method) = inst.class.lookup("__format__") {
                let r = self.call(&method, vec![value.clone(), Value::str(spec)], Vec::new())?;
                return Ok(r.as_str().unwrap_or_default().to_string());
            }
        }
        if spec.is_empty() {
            return self.py_str(value);
        }
        let spec_parsed = match FormatSpec::parse(spec) {
            Some(s) => s,
            None => {
                return Err(self.new_error(
                    "ValueError",
                    &format!(
                        "Invalid format specifier '{spec}' for object of type '{}'",
                        self.type_name(value)
                    ),
                ))
            }
        };
        let body = match (value, spec_parsed.kind) {
            (Value::Int(_) | Value::Bool(_), Some('f' | 'F' | 'e' | 'E' | '%' | 'g' | 'G'))
            | (Value::Float(_), _) => {
                let x = match value {
                    Value::Int(n) => *n as f64,
                    Value::Bool(b) => *b as i64 as f64,
                    Value::Float(x) => *x,
                    _ => 0.0,
                };
                let precision = spec_parsed.precision.unwrap_or(6);
                let mut text = match spec_parsed.kind {
                    Some('f' | 'F') => format!("{:.*}", precision, x),
                    Some('e' | 'E') => exponent_format(x, precision),
                    Some('%') => format!("{:.*}%", precision, x * 100.0),
                    Some('g' | 'G') => general_format(x, spec_parsed.precision.unwrap_or(6)),
                    _ => match spec_parsed.precision {
                        Some(p) => general_format(x, p),
                        None => crate::python::dump::float_repr(x),
                    },
                };
                if spec_parsed.grouping {
                    text = group_thousands(&text).replace(',', &spec_parsed.separator.to_string());
                }
                if spec_parsed.sign == Some('+') && x >= 0.0 {
                    text.insert(0, '+');
                }
                text
            }
            (Value::Int(n), kind) => {
                let n = *n;
                let mut text = match kind {
                    Some('x') => format!("{:x}", n),
                    Some('X') => format!("{:X}", n),
                    Some('o') => format!("{:o}", n),
                    Some('b') => format!("{:b}", n),
                    Some('c') => char::from_u32(n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    _ => n.to_string(),
                };
                if spec_parsed.alternate {
                    let prefix = match kind {
                        Some('x') => "0x",
                        Some('X') => "0X",
                        Some('o') => "0o",
                        Some('b') => "0b",
                        _ => "",
                    };
                    text.insert_str(0, prefix);
                }
                if spec_parsed.grouping {
                    text = group_thousands(&text).replace(',', &spec_parsed.separator.to_string());
                }
                if spec_parsed.sign == Some('+') && n >= 0 {
                    text.insert(0, '+');
                }
                text
            }
            (Value::Bool(b), _) => if *b { "True" } else { "False" }.to_string(),
            _ => {
                let mut text = self.py_str(value)?;
                if let Some(p) = spec_parsed.precision {
                    text = text.chars().take(p).collect();
                }
                text
            }
        };
        let numeric = matches!(value, Value::Int(_) | Value::Float(_) | Value::Bool(_));
        Ok(spec_parsed.pad(&body, numeric))
    }

    /// `"%s and %d" % values`, printf-style formatting.
    fn percent_format(&mut self, fmt: &str, args: &Value) -> Result<Value, PyErr> {
        let mut values: Vec<Value> = match args {
            Value::Tuple(items) => items.to_vec(),
            other => vec![other.clone()],
        };
        values.reverse();
        let mut out = String::new();
        let mut chars = fmt.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            if let Some('(') = chars.peek() {
                chars.next();
                let key: String = chars.by_ref().take_while(|c| *c != ')').collect();
                let value = self.get_item(args, &Value::str(&key))?;
                values = vec![value];
            }
            let mut spec = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_digit() || c == '.' || c == '-' || c == '+' || c == ' ' || c == '0' {
                    spec.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            let Some(conv) = chars.next() else {
                return Err(self.new_error("ValueError", "incomplete format"));
            };
            if conv == '%' {
                out.push('%');
                continue;
            }
            let Some(value) = values.pop() else {
                return Err(self.type_error("not enough arguments for format string"));
            };
            let precision: Option<usize> = spec.split_once('.').and_then(|(_, p)| p.parse().ok());
            let flags: String = spec
                .chars()
                .take_while(|c| matches!(c, '-' | '+' | ' ' | '0' | '#'))
                .collect();
            let width: usize = spec[flags.len()..]
                .split('.')
                .next()
                .and_then(|w| w.parse().ok())
                .unwrap_or(0)
                .min(100_000);
            let number = |v: &Value| match v {
                Value::Int(n) => Some(*n as f64),
                Value::Bool(b) => Some(*b as i64 as f64),
                Value::Float(x) => Some(*x),
                _ => None,
            };
            let int_of = |v: &Value| match v {
                Value::Int(n) => Some(*n),
                Value::Bool(b) => Some(*b as i64),
                Value::Float(x) => Some(x.trunc() as i64),
                _ => None,
            };
            let numeric = matches!(
                conv,
                'd' | 'i' | 'x' | 'X' | 'o' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G'
            );
            let mut text = match conv {
                's' => self.py_str(&value)?,
                'r' => self.repr(&value)?,
                'a' => super::value::ascii_escape(&self.repr(&value)?),
                'c' => match &value {
                    Value::Int(n) => char::from_u32(*n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    Value::Str(s) => s.to_string(),
                    _ => return Err(self.type_error("%c requires int or char")),
                },
                'd' | 'i' | 'x' | 'X' | 'o' => match int_of(&value) {
                    Some(n) => {
                        let digits = match conv {
                            'x' => format!("{:x}", n.unsigned_abs()),
                            'X' => format!("{:X}", n.unsigned_abs()),
                            'o' => format!("{:o}", n.unsigned_abs()),
                            _ => n.unsigned_abs().to_string(),
                        };
                        format!("{}{digits}", if n < 0 { "-" } else { "" })
                    }
                    None => {
                        let t = self.type_name(&value);
                        let what = if matches!(conv, 'd' | 'i') {
                            "a real number"
                        } else {
                            "an integer"
                        };
                        return Err(self
                            .type_error(&format!("%{conv} format: {what} is required, not {t}")));
                    }
                },
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => match number(&value) {
                    Some(x) => match conv {
                        'f' | 'F' => format!("{:.*}", precision.unwrap_or(6), x),
                        'e' | 'E' => exponent_format(x, precision.unwrap_or(6)),
                        _ => general_format(x, precision.unwrap_or(6)),
                    },
                    None => {
                        let t = self.type_name(&value);
                        return Err(self.type_error(&format!("must be real number, not {t}")));
                    }
                },
                other => {
                    return Err(self.new_error(
                        "ValueError",
                        &format!(
                            "unsupported format character '{other}' (0x{:x})",
                            other as u32
                        ),
                    ))
                }
            };
            if let (Some(p), 's' | 'r' | 'a') = (precision, conv) {
                text = text.chars().take(p).collect();
            }
            if numeric && flags.contains('+') && !text.starts_with('-') {
                text.insert(0, '+');
            }
            let len = text.chars().count();
            if len < width {
                let pad = width - len;
                if flags.contains('-') {
                    text.push_str(&" ".repeat(pad));
                } else if flags.contains('0') && numeric {
                    let sign = if text.starts_with(['-', '+']) {
                        text.remove(0).to_string()
                    } else {
                        String::new()
                    };
                    text = format!("{sign}{}{text}", "0".repeat(pad));
                } else {
                    text = format!("{}{text}", " ".repeat(pad));
                }
            }
            out.push_str(&text);
        }
        if !values.is_empty() && matches!(args, Value::Tuple(_)) {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(Value::str(&out))
    }
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

/// `format(x, '.Ne')`: mantissa with N decimals and a two-digit exponent.
fn exponent_format(x: f64, precision: usize) -> String {
    let s = format!("{:.*e}", precision, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `format(x, '.Ng')`: fixed or exponent notation by the exponent, trailing zeros removed.
fn general_format(x: f64, precision: usize) -> String {
    let p = precision.max(1);
    if x == 0.0 || !x.is_finite() {
        return if x.is_nan() {
            "nan".into()
        } else if x.is_infinite() {
            if x > 0.0 {
                "inf".into()
            } else {
                "-inf".into()
            }
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.*e}", p - 1, x);
    let exp: i32 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let strip = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if exp < -4 || exp >= p as i32 {
        let (m, _) = sci.split_once('e').unwrap_or((&sci, ""));
        format!(
            "{}e{}{:02}",
            strip(m.to_string()),
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    } else {
        strip(format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x))
    }
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// Widths and precisions beyond this are clamped, so a spec cannot allocate without bound.
const MAX_FORMAT_WIDTH: usize = 100_000;

/// `[[fill]align][sign][#][0][width][,][.precision][type]`.
struct FormatSpec {
    fill: char,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: bool,
    separator: char,
    precision: Option<usize>,
    kind: Option<char>,
}

impl FormatSpec {
    fn parse(spec: &str) -> Option<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut res = FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            alternate: false,
            zero: false,
            width: 0,
            grouping: false,
            separator: ',',
            precision: None,
            kind: None,
        };
        if chars.len() >= 2 && matches!(chars[1], '<' | '>' | '^' | '=') {
            res.fill = chars[0];
            res.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && matches!(chars[0], '<' | '>' | '^' | '=') {
            res.align = Some(chars[0]);
            i = 1;
        }
        if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
            res.sign = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            res.alternate = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '0' {
            res.zero = true;
            i += 1;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        res.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0)
            .min(MAX_FORMAT_WIDTH);
        if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
            res.grouping = true;
            res.separator = chars[i];
            i += 1;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            res.precision = Some(
                chars[start..i]
                    .iter()
                    .collect::<String>()
                    .parse::<usize>()
                    .ok()?
                    .min(MAX_FORMAT_WIDTH),
            );
        }
        if i < chars.len() {
            res.kind = Some(chars[i]);
            i += 1;
        }
        (i == chars.len()).then_some(res)
    }

    fn pad(&self, body: &str, numeric: bool) -> String {
        let len = body.chars().count();
        if len >= self.width {
            return body.to_string();
        }
        let n = self.width - len;
        let (fill, align) = if self.zero && self.align.is_none() {
            ('0', '=')
        } else {
            (
                self.fill,
                self.align.unwrap_or(if numeric { '>' } else { '<' }),
            )
        };
        let pad = |k: usize| fill.to_string().repeat(k);
        match align {
            '<' => format!("{body}{}", pad(n)),
            '^' => format!("{}{body}{}", pad(n / 2), pad(n - n / 2)),
            '=' => {
                let (sign, rest) = match body.chars().next() {
                    Some(c @ ('-' | '+')) => (c.to_string(), &body[1..]),
                    _ => (String::new(), body),
                };
                format!("{sign}{}{rest}", pad(n))
            }
            _ => format!("{}{body}", pad(n)),
        }
    }
}
