//! Calls: argument binding with CPython's error texts, instance creation (`__new__`,
//! `__init__`), and the class of a value.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use super::value::{Class, Dict, Function, FunctionBody, HashKey, Instance, Value};
use super::{Flow, Frame, FrameKind, Interp, PyErr};
use crate::text::TextRange;

pub type Kwargs = Vec<(Rc<str>, Value)>;

impl Interp<'_> {
    pub fn call(
        &mut self,
        callee: &Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> Result<Value, PyErr> {
        self.step()?;
        self.enter_native()?;
        let res = self.call_inner(callee, args, kwargs);
        self.native_depth -= 1;
        res
    }

    fn call_inner(
        &mut self,
        callee: &Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> Result<Value, PyErr> {
        match callee {
            Value::Function(f) => self.call_function(f, args, kwargs, None),
            Value::Builtin(b) => (b.func)(self, args, kwargs),
            Value::BoundMethod(m) => {
                let (this, func) = (&m.0, &m.1);
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(this.clone());
                full.extend(args);
                match func {
                    Value::Function(f) => self.call_function(f, full, kwargs, Some(this.clone())),
                    other => self.call(other, full, kwargs),
                }
            }
            Value::Class(cls) => self.instantiate(cls, args, kwargs),
            Value::Instance(inst) => match inst.class.lookup("__call__") {
                Some(method) => {
                    let mut full = vec![callee.clone()];
                    full.extend(args);
                    self.call(&method, full, kwargs)
                }
                None => {
                    let t = self.type_name(callee);
                    Err(self.type_error(&format!("'{t}' object is not callable")))
                }
            },
            Value::StaticMethod(inner) | Value::ClassMethod(inner) => {
                self.call(&inner.clone(), args, kwargs)
            }
            _ => {
                let t = self.type_name(callee);
                Err(self.type_error(&format!("'{t}' object is not callable")))
            }
        }
    }

    fn call_function(
        &mut self,
        f: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Kwargs,
        this: Option<Value>,
    ) -> Result<Value, PyErr> {
        if self.depth + 1 >= self.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        let locals = self.bind_arguments(f, args, kwargs)?;
        let mut frame = Frame {
            file: Rc::clone(&f.file),
            name: f.name.clone(),
            globals: Rc::clone(&f.globals),
            kind: FrameKind::Function {
                locals: Rc::new(RefCell::new(locals)),
                info: Rc::clone(&f.scope),
                closure: f.closure.clone(),
            },
            stmt: TextRange::default(),
        };
        let first = this.or_else(|| match &frame.kind {
            FrameKind::Function { locals, .. } => f
                .params
                .posonlyargs
                .iter()
                .chain(&f.params.args)
                .next()
                .and_then(|a| locals.borrow().get(a.arg.as_str()).cloned()),
            _ => None,
        });
        self.depth += 1;
        self.calls.push((Rc::clone(f), first));
        self.frames.push(Rc::clone(&f.globals));
        let res = match &f.body {
            FunctionBody::Block(body) => self.exec_block(&mut frame, body).map(|flow| match flow {
                Flow::Return(v) => v,
                _ => Value::None,
            }),
            FunctionBody::Lambda(body) => {
                frame.stmt = body.range;
                self.eval(&mut frame, body)
            }
        };
        self.calls.pop();
        self.frames.pop();
        self.depth -= 1;
        res.map_err(|err| {
            if err.fatal {
                err
            } else {
                self.leave_frame(&frame, err)
            }
        })
    }

    /// Binds call arguments to parameters, with CPython 3.11's messages for every mismatch.
    fn bind_arguments(
        &mut self,
        f: &Function,
        mut args: Vec<Value>,
        kwargs: Kwargs,
    ) -> Result<HashMap<Rc<str>, Value>, PyErr> {
        let p = &f.params;
        let name = &f.qualname;
        let positional: Vec<&str> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .map(|a| a.arg.as_str())
            .collect();
        let mut locals: HashMap<Rc<str>, Value> = HashMap::new();
        let n_positional = positional.len();
        let extra = if args.len() > n_positional {
            args.split_off(n_positional)
        } else {
            Vec::new()
        };
        let given = args.len() + extra.len();
        for (param, value) in positional.iter().zip(args) {
            locals.insert(Rc::from(*param), value);
        }
        match &p.vararg {
            Some(vararg) => {
                locals.insert(Rc::from(vararg.arg.as_str()), Value::tuple(extra));
            }
            None if !extra.is_empty() => {
                let n_defaults = p.defaults.len();
                let takes = if n_defaults > 0 {
                    format!(
                        "from {} to {} positional arguments",
                        n_positional - n_defaults,
                        n_positional
                    )
                } else if n_positional == 1 {
                    "1 positional argument".to_string()
                } else {
                    format!("{n_positional} positional arguments")
                };
                let were = if given == 1 { "was" } else { "were" };
                return Err(
                    self.type_error(&format!("{name}() takes {takes} but {given} {were} given"))
                );
            }
            None => {}
        }
        let mut extra_kwargs = Dict::default();
        for (key, value) in kwargs {
            let is_param = p.args.iter().chain(&p.kwonlyargs).any(|a| *a.arg == *key);
            if is_param {
                if locals.contains_key(&key) {
                    return Err(self.type_error(&format!(
                        "{name}() got multiple values for argument '{key}'"
                    )));
                }
                locals.insert(key, value);
            } else if p.kwarg.is_some() {
                extra_kwargs.insert(HashKey::Str(Rc::clone(&key)), Value::Str(key), value);
            } else if p.posonlyargs.iter().any(|a| *a.arg == *key) {
                return Err(self.type_error(&format!(
                    "{name}() got some positional-only arguments passed as keyword arguments: '{key}'"
                )));
            } else {
                return Err(self.type_error(&format!(
                    "{name}() got an unexpected keyword argument '{key}'"
                )));
            }
        }
        if let Some(kwarg) = &p.kwarg {
            locals.insert(
                Rc::from(kwarg.arg.as_str()),
                Value::Dict(Rc::new(RefCell::new(extra_kwargs))),
            );
        }
        let first_default = n_positional - p.defaults.len();
        let mut missing = Vec::new();
        for (i, param) in positional.iter().enumerate() {
            if locals.contains_key(*param) {
                continue;
            }
            if i >= first_default {
                locals.insert(Rc::from(*param), f.defaults[i - first_default].clone());
            } else {
                missing.push(*param);
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(&missing_message(name, "positional", &missing)));
        }
        let mut missing = Vec::new();
        for (param, default) in p.kwonlyargs.iter().zip(&f.kw_defaults) {
            if locals.contains_key(param.arg.as_str()) {
                continue;
            }
            match default {
                Some(d) => {
                    locals.insert(Rc::from(param.arg.as_str()), d.clone());
                }
                None => missing.push(param.arg.as_str()),
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(&missing_message(name, "keyword-only", &missing)));
        }
        Ok(locals)
    }

    fn instantiate(
        &mut self,
        cls: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> Result<Value, PyErr> {
        let new = cls.lookup("__new__");
        // object.__init__ rejects arguments only when __new__ is object's own.
        let custom_new = cls
            .lineage()
            .take_while(|c| !Rc::ptr_eq(c, &self.types.object))
            .any(|c| c.dict.borrow().contains_key("__new__"));
        let obj = match new {
            Some(Value::Builtin(ref b)) => {
                let mut full = vec![Value::Class(Rc::clone(cls))];
                full.extend(args.iter().cloned());
                let obj = (b.func)(self, full, kwargs.clone())?;
                // Built-in constructors (`int(...)`, `str(...)`) are complete on their own.
                match &obj {
                    Value::Instance(inst)
                        if Rc::ptr_eq(&inst.class, cls) || inst.class.is_subclass(cls) =>
                    {
                        obj
                    }
                    _ => return Ok(obj),
                }
            }
            Some(other @ (Value::Function(_) | Value::StaticMethod(_))) => {
                let mut full = vec![Value::Class(Rc::clone(cls))];
                full.extend(args.iter().cloned());
                let obj = self.call(&other, full, kwargs.clone())?;
                match &obj {
                    Value::Instance(inst) if inst.class.is_subclass(cls) => obj,
                    _ => return Ok(obj),
                }
            }
            _ => self.new_instance(cls),
        };
        match cls.lookup("__init__") {
            Some(init @ (Value::Function(_) | Value::Builtin(_))) => {
                let mut full = vec![obj.clone()];
                full.extend(args);
                let res = match &init {
                    Value::Function(f) => self.call_function(f, full, kwargs, Some(obj.clone()))?,
                    other => self.call(other, full, kwargs)?,
                };
                if !res.is_none() {
                    let t = self.type_name(&res);
                    return Err(
                        self.type_error(&format!("__init__() should return None, not '{t}'"))
                    );
                }
            }
            _ => {
                if !custom_new && (!args.is_empty() || !kwargs.is_empty()) {
                    return Err(self.type_error(&format!("{}() takes no arguments", cls.name)));
                }
            }
        }
        Ok(obj)
    }

    pub fn new_instance(&mut self, cls: &Rc<Class>) -> Value {
        let inst = Rc::new(Instance {
            class: Rc::clone(cls),
            dict: RefCell::new(IndexMap::new()),
            payload: RefCell::new(None),
        });
        self.tracked.instance(&inst);
        Value::Instance(inst)
    }

    /// The class of a value: `type(value)`.
    pub fn class_of(&self, value: &Value) -> Rc<Class> {
        let t = &self.types;
        Rc::clone(match value {
            Value::None => &t.none_type,
            Value::Bool(_) => &t.bool,
            Value::Int(_) | Value::BigInt(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Str(_) => &t.str,
            Value::Bytes(_) => &t.bytes,
            Value::Tuple(_) => &t.tuple,
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Set(_) => &t.set,
            Value::FrozenSet(_) => &t.frozenset,
            Value::Range(..) => &t.range,
            Value::Slice(_) => &t.slice,
            Value::Function(_) => &t.function,
            Value::Builtin(_) => &t.builtin_function,
            Value::BoundMethod(_) => &t.method,
            Value::Class(_) => &t.type_,
            Value::Instance(inst) => return Rc::clone(&inst.class),
            Value::Module(_) => &t.module,
            Value::Iterator(_) => &t.iterator,
            Value::Property(_) => &t.property,
            Value::StaticMethod(_) => &t.staticmethod,
            Value::ClassMethod(_) => &t.classmethod,
        })
    }

    pub fn type_name(&self, value: &Value) -> String {
        self.class_of(value).name.clone()
    }
}

/// The docstring of a body: its first statement when that is a string literal.
pub fn docstring(body: &[crate::python::ast::Stmt]) -> Value {
    use crate::python::ast::{Constant, ExprKind, StmtKind};
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr { value }) => match &value.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
            } => Value::str(s),
            _ => Value::None,
        },
        _ => Value::None,
    }
}

fn missing_message(name: &str, kind: &str, missing: &[&str]) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let s = if missing.len() == 1 { "" } else { "s" };
    format!(
        "{name}() missing {} required {kind} argument{s}: {list}",
        missing.len()
    )
}
