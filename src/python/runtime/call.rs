//! Calls (argument binding with CPython's error texts), instance creation, attribute access
//! with descriptors, and subscripts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use super::error::suggest;
use super::operators::range_len;
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
            Some(Value::Builtin(b)) => {
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
        Value::Instance(Rc::new(Instance {
            class: Rc::clone(cls),
            dict: RefCell::new(IndexMap::new()),
            payload: RefCell::new(None),
        }))
    }

    /// The class of a value: `type(value)`.
    pub fn class_of(&self, value: &Value) -> Rc<Class> {
        let t = &self.types;
        Rc::clone(match value {
            Value::None => &t.none_type,
            Value::Bool(_) => &t.bool,
            Value::Int(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Str(_) => &t.str,
            Value::Bytes(_) => &t.bytes,
            Value::Tuple(_) => &t.tuple,
            Value::List(_) => &t.list,
            Value::Dict(_) => &t.dict,
            Value::Set(_) => &t.set,
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

    pub fn get_attr(&mut self, obj: &Value, name: &str) -> Result<Value, PyErr> {
        match obj {
            Value::Module(m) => {
                if let Some(v) = m.dict.borrow().get(name) {
                    return Ok(v.clone());
                }
                if m.name == "sys" && name == "modules" {
                    let mut d = Dict::default();
                    for (k, v) in &self.modules {
                        d.insert(
                            HashKey::Str(Rc::from(k.as_str())),
                            Value::str(k),
                            Value::Module(Rc::clone(v)),
                        );
                    }
                    return Ok(Value::Dict(Rc::new(RefCell::new(d))));
                }
                // A submodule imported since.
                let sub_name = format!("{}.{name}", m.name);
                if let Some(sub) = self.modules.get(&sub_name).cloned() {
                    if self.loading.contains(&sub_name) {
                        return Err(self.new_error(
                            "AttributeError",
                            &format!(
                                "cannot access submodule '{name}' of module '{}' (most likely due to a circular import)",
                                m.name
                            ),
                        ));
                    }
                    return Ok(Value::Module(sub));
                }
                if name == "__dict__" {
                    return Ok(self.namespace_dict(&m.dict.borrow()));
                }
                let mut names: Vec<String> =
                    m.dict.borrow().keys().map(|k| k.to_string()).collect();
                names.sort();
                let mut msg = format!("module '{}' has no attribute '{name}'", m.name);
                if let Some(s) = suggest(name, names.iter().map(String::as_str)) {
                    msg.push_str(&format!(". Did you mean: '{s}'?"));
                }
                Err(self.new_error("AttributeError", &msg))
            }
            Value::Class(cls) => {
                match name {
                    "__name__" => return Ok(Value::str(&cls.name)),
                    "__module__" if cls.dict.borrow().get("__module__").is_none() => {
                        return Ok(Value::str(&cls.module))
                    }
                    "__mro__" => {
                        return Ok(Value::tuple(
                            cls.lineage().map(|c| Value::Class(Rc::clone(c))).collect(),
                        ))
                    }
                    "__bases__" => {
                        return Ok(Value::tuple(
                            cls.bases
                                .iter()
                                .map(|c| Value::Class(Rc::clone(c)))
                                .collect(),
                        ))
                    }
                    "__qualname__" if cls.dict.borrow().get("__qualname__").is_none() => {
                        return Ok(Value::str(&cls.name))
                    }
                    "__doc__" if cls.lookup("__doc__").is_none() => return Ok(Value::None),
                    "mro" => {
                        let mro = Value::list(
                            cls.lineage().map(|c| Value::Class(Rc::clone(c))).collect(),
                        );
                        return Ok(super::builtins::builtin(
                            "mro",
                            &cls.name,
                            move |_, _, _| Ok(mro.clone()),
                        ));
                    }
                    "__dict__" => return Ok(self.namespace_dict(&cls.dict.borrow())),
                    _ => {}
                }
                match cls.lookup(name) {
                    Some(Value::ClassMethod(f)) => {
                        Ok(Value::BoundMethod(Rc::new((obj.clone(), (*f).clone()))))
                    }
                    Some(Value::StaticMethod(f)) => Ok((*f).clone()),
                    Some(v) => Ok(v),
                    None => {
                        let mut names: Vec<String> = cls
                            .lineage()
                            .flat_map(|c| {
                                c.dict
                                    .borrow()
                                    .keys()
                                    .map(|k| k.to_string())
                                    .collect::<Vec<_>>()
                            })
                            .collect();
                        names.sort();
                        names.dedup();
                        let mut msg =
                            format!("type object '{}' has no attribute '{name}'", cls.name);
                        if let Some(s) = suggest(name, names.iter().map(String::as_str)) {
                            msg.push_str(&format!(". Did you mean: '{s}'?"));
                        }
                        Err(self.new_error("AttributeError", &msg))
                    }
                }
            }
            Value::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Value::Class(Rc::clone(&inst.class)));
                }
                if Rc::ptr_eq(&inst.class, &self.types.super_) {
                    let target = inst
                        .payload
                        .borrow()
                        .clone()
                        .and_then(|p| p.downcast::<(Rc<Class>, Value)>().ok());
                    if let Some(target) = target {
                        return self.super_getattr(&target.0, &target.1, name);
                    }
                }
                if name == "__dict__" {
                    return Ok(self.namespace_dict(&inst.dict.borrow()));
                }
                let class_attr = inst.class.lookup(name);
                if let Some(Value::Property(p)) = &class_attr {
                    let fget = p.fget.clone();
                    return self.call(&fget, vec![obj.clone()], Vec::new());
                }
                if let Some(v) = inst.dict.borrow().get(name) {
                    return Ok(v.clone());
                }
                match class_attr {
                    Some(f @ (Value::Function(_) | Value::Builtin(_))) => {
                        Ok(Value::BoundMethod(Rc::new((obj.clone(), f))))
                    }
                    Some(Value::ClassMethod(f)) => Ok(Value::BoundMethod(Rc::new((
                        Value::Class(Rc::clone(&inst.class)),
                        (*f).clone(),
                    )))),
                    Some(Value::StaticMethod(f)) => Ok((*f).clone()),
                    Some(v) => Ok(v),
                    None => {
                        if let Some(getattr) = inst.class.lookup("__getattr__") {
                            return self.call(
                                &getattr,
                                vec![obj.clone(), Value::str(name)],
                                Vec::new(),
                            );
                        }
                        let mut names: Vec<String> =
                            inst.dict.borrow().keys().map(|k| k.to_string()).collect();
                        names.extend(inst.class.lineage().flat_map(|c| {
                            c.dict
                                .borrow()
                                .keys()
                                .map(|k| k.to_string())
                                .collect::<Vec<_>>()
                        }));
                        names.sort();
                        names.dedup();
                        let mut msg =
                            format!("'{}' object has no attribute '{name}'", inst.class.name);
                        if let Some(s) = suggest(name, names.iter().map(String::as_str)) {
                            msg.push_str(&format!(". Did you mean: '{s}'?"));
                        }
                        Err(self.new_error("AttributeError", &msg))
                    }
                }
            }
            Value::Function(f) => match name {
                _ if f.dict.borrow().contains_key(name) => {
                    Ok(f.dict.borrow().get(name).cloned().unwrap_or(Value::None))
                }
                "__defaults__" if f.defaults.is_empty() => Ok(Value::None),
                "__defaults__" => Ok(Value::tuple(f.defaults.clone())),
                "__doc__" => Ok(match &f.body {
                    super::value::FunctionBody::Block(body) => docstring(body),
                    super::value::FunctionBody::Lambda(_) => Value::None,
                }),
                "__name__" => Ok(Value::str(&f.name)),
                "__qualname__" => Ok(Value::str(&f.qualname)),
                _ => match f.dict.borrow().get(name) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.new_error(
                        "AttributeError",
                        &format!("'function' object has no attribute '{name}'"),
                    )),
                },
            },
            Value::BoundMethod(m) if name.starts_with("__") && name != "__class__" => {
                let func = m.1.clone();
                match name {
                    "__self__" => Ok(m.0.clone()),
                    "__func__" => Ok(func),
                    _ => self.get_attr(&func, name),
                }
            }
            _ => {
                let cls = self.class_of(obj);
                match cls.lookup(name) {
                    Some(f @ (Value::Builtin(_) | Value::Function(_))) => {
                        Ok(Value::BoundMethod(Rc::new((obj.clone(), f))))
                    }
                    Some(Value::Property(p)) => {
                        let fget = p.fget.clone();
                        self.call(&fget, vec![obj.clone()], Vec::new())
                    }
                    Some(v) => Ok(v),
                    None => {
                        if name == "__name__" {
                            if let Value::Builtin(b) = obj {
                                return Ok(Value::str(&b.name));
                            }
                        }
                        let mut names: Vec<String> = cls
                            .lineage()
                            .flat_map(|c| {
                                c.dict
                                    .borrow()
                                    .keys()
                                    .map(|k| k.to_string())
                                    .collect::<Vec<_>>()
                            })
                            .collect();
                        names.sort();
                        names.dedup();
                        let mut msg = format!("'{}' object has no attribute '{name}'", cls.name);
                        if let Some(s) = suggest(name, names.iter().map(String::as_str)) {
                            msg.push_str(&format!(". Did you mean: '{s}'?"));
                        }
                        Err(self.new_error("AttributeError", &msg))
                    }
                }
            }
        }
    }

    fn namespace_dict(&self, ns: &super::value::Namespace) -> Value {
        let mut d = Dict::default();
        for (k, v) in ns {
            d.insert(
                HashKey::Str(Rc::clone(k)),
                Value::Str(Rc::clone(k)),
                v.clone(),
            );
        }
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    pub fn set_attr(&mut self, obj: &Value, name: &str, value: Value) -> Result<(), PyErr> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Property(p)) = inst.class.lookup(name) {
                    return match &p.fset {
                        Some(fset) => {
                            let fset = fset.clone();
                            self.call(&fset, vec![obj.clone(), value], Vec::new())
                                .map(|_| ())
                        }
                        None => Err(self.new_error(
                            "AttributeError",
                            &format!(
                                "property '{name}' of '{}' object has no setter",
                                inst.class.name
                            ),
                        )),
                    };
                }
                if let Some(setattr) = inst.class.lookup("__setattr__") {
                    if !matches!(setattr, Value::Builtin(_)) {
                        return self
                            .call(
                                &setattr,
                                vec![obj.clone(), Value::str(name), value],
                                Vec::new(),
                            )
                            .map(|_| ());
                    }
                }
                inst.dict.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            Value::Class(cls) => {
                cls.dict.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            Value::Function(f) => {
                f.dict.borrow_mut().insert(Rc::from(name), value);
                Ok(())
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.new_error(
                    "AttributeError",
                    &format!("'{t}' object has no attribute '{name}'"),
                ))
            }
        }
    }

    fn index(&mut self, len: usize, index: &Value, what: &str) -> Result<usize, PyErr> {
        let i = match index {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            other => {
                let t = self.type_name(other);
                return Err(self.type_error(&format!(
                    "{what} indices must be integers or slices, not {t}"
                )));
            }
        };
        let len_i = len as i64;
        let resolved = if i < 0 { i + len_i } else { i };
        if resolved < 0 || resolved >= len_i {
            return Err(self.new_error("IndexError", &format!("{what} index out of range")));
        }
        Ok(resolved as usize)
    }

    pub(crate) fn slice_indices(
        &mut self,
        len: usize,
        parts: &[Value; 3],
    ) -> Result<Vec<usize>, PyErr> {
        let get = |v: &Value| match v {
            Value::Int(n) => Some(*n),
            _ => None,
        };
        let step = get(&parts[2]).unwrap_or(1);
        if step == 0 {
            return Err(self.new_error("ValueError", "slice step cannot be zero"));
        }
        let len = len as i64;
        let clamp = |v: i64, lo: i64, hi: i64| v.clamp(lo, hi);
        let norm = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
            None => default,
            Some(v) if v < 0 => clamp(v + len, lo, hi),
            Some(v) => clamp(v, lo, hi),
        };
        let (start, stop) = if step > 0 {
            (
                norm(get(&parts[0]), 0, 0, len),
                norm(get(&parts[1]), len, 0, len),
            )
        } else {
            (
                norm(get(&parts[0]), len - 1, -1, len - 1),
                norm(get(&parts[1]), -1, -1, len - 1),
            )
        };
        let n = range_len(start, stop, step);
        Ok((0..n).map(|i| (start + i * step) as usize).collect())
    }

    pub fn get_item(&mut self, obj: &Value, index: &Value) -> Result<Value, PyErr> {
        match (obj, index) {
            (Value::List(l), Value::Slice(parts)) => {
                let items = l.borrow().clone();
                let idx = self.slice_indices(items.len(), parts)?;
                Ok(Value::list(
                    idx.into_iter().map(|i| items[i].clone()).collect(),
                ))
            }
            (Value::Tuple(t), Value::Slice(parts)) => {
                let idx = self.slice_indices(t.len(), parts)?;
                Ok(Value::tuple(
                    idx.into_iter().map(|i| t[i].clone()).collect(),
                ))
            }
            (Value::Str(s), Value::Slice(parts)) => {
                let chars: Vec<char> = s.chars().collect();
                let idx = self.slice_indices(chars.len(), parts)?;
                Ok(Value::str(
                    &idx.into_iter().map(|i| chars[i]).collect::<String>(),
                ))
            }
            (Value::List(l), _) => {
                let len = l.borrow().len();
                let i = self.index(len, index, "list")?;
                Ok(l.borrow()[i].clone())
            }
            (Value::Tuple(t), _) => {
                let i = self.index(t.len(), index, "tuple")?;
                Ok(t[i].clone())
            }
            (Value::Str(s), _) => {
                let chars: Vec<char> = s.chars().collect();
                let i = self.index(chars.len(), index, "string")?;
                Ok(Value::str(&chars[i].to_string()))
            }
            (Value::Range(start, stop, step), Value::Int(_)) => {
                let len = range_len(*start, *stop, *step) as usize;
                let i = self.index(len, index, "range object")?;
                Ok(Value::Int(start + i as i64 * step))
            }
            (Value::Dict(d), _) => {
                let key = self.hash_key(index)?;
                let found = d.borrow().get(&key).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => {
                        let cls = self.types.exception("KeyError");
                        let mut err = PyErr::new(self.make_exception(&cls, vec![index.clone()]));
                        if Rc::ptr_eq(d, &self.environ) {
                            // os.environ is Python code in CPython; its lookup shows as a
                            // frame of the frozen `os` module.
                            err.traceback.push(frozen_os_getitem());
                        }
                        Err(err)
                    }
                }
            }
            (Value::Class(cls), Value::Str(name)) if cls.lookup("__members__").is_some() => {
                // `Status["ACTIVE"]`: an enum member by name.
                match cls.lookup("__members__") {
                    Some(Value::Dict(members)) => {
                        let found = members
                            .borrow()
                            .get(&HashKey::Str(Rc::clone(name)))
                            .cloned();
                        match found {
                            Some(member) => Ok(member),
                            None => {
                                let cls = self.types.exception("KeyError");
                                Err(PyErr::new(self.make_exception(&cls, vec![index.clone()])))
                            }
                        }
                    }
                    _ => Err(self.type_error("enum has no members")),
                }
            }
            (Value::Class(cls), _) => match cls.lookup("__class_getitem__") {
                Some(hook) => {
                    let hook = match hook {
                        Value::ClassMethod(f) => (*f).clone(),
                        other => other,
                    };
                    self.call(&hook, vec![obj.clone(), index.clone()], Vec::new())
                }
                None if cls.module == "builtins" => self.generic_alias(obj.clone(), index.clone()),
                None => Err(self.type_error(&format!("type '{}' is not subscriptable", cls.name))),
            },
            (Value::Instance(inst), _) if inst.class.lookup("__getitem__").is_some() => {
                let method = inst.class.lookup("__getitem__").unwrap_or(Value::None);
                self.call(&method, vec![obj.clone(), index.clone()], Vec::new())
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.type_error(&format!("'{t}' object is not subscriptable")))
            }
        }
    }

    pub fn set_item(&mut self, obj: &Value, index: Value, value: Value) -> Result<(), PyErr> {
        match obj {
            Value::List(l) if matches!(index, Value::Slice(_)) => {
                let Value::Slice(parts) = &index else {
                    return Ok(());
                };
                let len = l.borrow().len();
                let positions = self.slice_indices(len, parts)?;
                let items = self.iterate(&value)?;
                let step_one = matches!(parts[2], Value::None | Value::Int(1));
                if step_one {
                    let start = positions
                        .first()
                        .copied()
                        .unwrap_or_else(|| match &parts[0] {
                            Value::Int(n) if *n < 0 => (len as i64 + n).max(0) as usize,
                            Value::Int(n) => (*n as usize).min(len),
                            _ => 0,
                        });
                    let end = start + positions.len();
                    l.borrow_mut().splice(start..end, items);
                } else {
                    if items.len() != positions.len() {
                        return Err(self.new_error(
                            "ValueError",
                            &format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                positions.len()
                            ),
                        ));
                    }
                    let mut list = l.borrow_mut();
                    for (i, item) in positions.into_iter().zip(items) {
                        list[i] = item;
                    }
                }
                Ok(())
            }
            Value::List(l) => {
                let len = l.borrow().len();
                let i = self.index(len, &index, "list assignment")?;
                l.borrow_mut()[i] = value;
                Ok(())
            }
            Value::Dict(d) => {
                if Rc::ptr_eq(d, &self.environ) {
                    for v in [&index, &value] {
                        if !matches!(v, Value::Str(_)) {
                            let t = self.type_name(v);
                            return Err(self.type_error(&format!("str expected, not {t}")));
                        }
                    }
                }
                let key = self.hash_key(&index)?;
                d.borrow_mut().insert(key, index, value);
                Ok(())
            }
            Value::Instance(inst) if inst.class.lookup("__setitem__").is_some() => {
                let method = inst.class.lookup("__setitem__").unwrap_or(Value::None);
                self.call(&method, vec![obj.clone(), index, value], Vec::new())
                    .map(|_| ())
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.type_error(&format!("'{t}' object does not support item assignment")))
            }
        }
    }

    pub fn del_item(&mut self, obj: &Value, index: &Value) -> Result<(), PyErr> {
        match obj {
            Value::List(l) if matches!(index, Value::Slice(_)) => {
                let Value::Slice(parts) = index else {
                    return Ok(());
                };
                let len = l.borrow().len();
                let mut positions = self.slice_indices(len, parts)?;
                positions.sort_unstable();
                let mut list = l.borrow_mut();
                for i in positions.into_iter().rev() {
                    list.remove(i);
                }
                Ok(())
            }
            Value::List(l) => {
                let len = l.borrow().len();
                let i = self.index(len, index, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.hash_key(index)?;
                if d.borrow_mut().entries.shift_remove(&key).is_none() {
                    let cls = self.types.exception("KeyError");
                    return Err(PyErr::new(self.make_exception(&cls, vec![index.clone()])));
                }
                Ok(())
            }
            _ => {
                let t = self.type_name(obj);
                Err(self.type_error(&format!("'{t}' object doesn't support item deletion")))
            }
        }
    }

    /// `list[int]`, `dict[str, int]`: a `types.GenericAlias`.
    pub fn generic_alias(&mut self, origin: Value, args: Value) -> Result<Value, PyErr> {
        let cls = Rc::clone(&self.types.generic_alias);
        let alias = self.new_instance(&cls);
        let args = match args {
            Value::Tuple(t) => Value::Tuple(t),
            other => Value::tuple(vec![other]),
        };
        self.set_attr(&alias, "__origin__", origin)?;
        self.set_attr(&alias, "__args__", args)?;
        Ok(alias)
    }

    /// `X | Y` between types: `typing.Union` / `types.UnionType`.
    pub fn union_type(&mut self, members: Vec<Value>) -> Result<Value, PyErr> {
        let mut flat = Vec::new();
        for member in members {
            let member = if member.is_none() {
                Value::Class(Rc::clone(&self.types.none_type))
            } else {
                member
            };
            match &member {
                Value::Instance(inst) if Rc::ptr_eq(&inst.class, &self.types.union) => {
                    if let Some(Value::Tuple(args)) = inst.dict.borrow().get("__args__") {
                        flat.extend(args.iter().cloned());
                    }
                }
                _ => flat.push(member),
            }
        }
        let cls = Rc::clone(&self.types.union);
        let union = self.new_instance(&cls);
        self.set_attr(&union, "__args__", Value::tuple(flat))?;
        Ok(union)
    }

    pub fn is_type_like(&self, value: &Value) -> bool {
        match value {
            Value::Class(_) | Value::None => true,
            Value::Instance(inst) => {
                Rc::ptr_eq(&inst.class, &self.types.union)
                    || Rc::ptr_eq(&inst.class, &self.types.generic_alias)
            }
            _ => false,
        }
    }

    /// Zero-argument `super()`: the running method's class and first argument.
    pub fn super_object(&mut self) -> Result<Value, PyErr> {
        let Some((func, Some(this))) = self.calls.last().cloned() else {
            return Err(self.new_error("RuntimeError", "super(): no arguments"));
        };
        let Some(owner) = func.owner.borrow().as_ref().and_then(|w| w.upgrade()) else {
            return Err(self.new_error("RuntimeError", "super(): __class__ cell not found"));
        };
        let cls = Rc::clone(&self.types.super_);
        let obj = self.new_instance(&cls);
        if let Value::Instance(inst) = &obj {
            *inst.payload.borrow_mut() = Some(Rc::new((owner, this)));
        }
        Ok(obj)
    }

    /// Attribute lookup on a `super()` object: the MRO after the owner class.
    pub fn super_getattr(
        &mut self,
        owner: &Rc<Class>,
        this: &Value,
        name: &str,
    ) -> Result<Value, PyErr> {
        let start_cls = match this {
            Value::Class(c) => Rc::clone(c),
            other => self.class_of(other),
        };
        let mut after = false;
        for cls in start_cls.lineage() {
            if after {
                if let Some(v) = cls.dict.borrow().get(name).cloned() {
                    return Ok(match v {
                        Value::Function(_) | Value::Builtin(_)
                            if !matches!(this, Value::Class(_)) || name == "__init_subclass__" =>
                        {
                            Value::BoundMethod(Rc::new((this.clone(), v)))
                        }
                        Value::ClassMethod(f) => {
                            let cls_value = match this {
                                Value::Class(_) => this.clone(),
                                other => Value::Class(self.class_of(other)),
                            };
                            Value::BoundMethod(Rc::new((cls_value, (*f).clone())))
                        }
                        other => other,
                    });
                }
            }
            if Rc::ptr_eq(cls, owner) {
                after = true;
            }
        }
        if name == "__init__" {
            // object.__init__ accepts nothing and does nothing.
            return Ok(Value::Builtin(Rc::new(super::value::Builtin {
                name: "__init__".into(),
                owner: "object".into(),
                func: Box::new(|_, _, _| Ok(Value::None)),
            })));
        }
        if name == "__init_subclass__" {
            return Ok(Value::Builtin(Rc::new(super::value::Builtin {
                name: "__init_subclass__".into(),
                owner: "object".into(),
                func: Box::new(|_, _, _| Ok(Value::None)),
            })));
        }
        Err(self.new_error(
            "AttributeError",
            &format!("'super' object has no attribute '{name}'"),
        ))
    }
}

/// `File "<frozen os>", line 679, in __getitem__`, the frame CPython 3.11 shows for a
/// missing `os.environ` key.
fn frozen_os_getitem() -> super::error::TracebackEntry {
    let text: Rc<str> = Rc::from("\n".repeat(678));
    let file = super::value::SourceFile {
        path: "<frozen os>".to_string(),
        index: crate::text::LineIndex::new(&text),
        text,
    };
    super::error::TracebackEntry {
        file: Rc::new(file),
        name: "__getitem__".to_string(),
        range: TextRange::empty(678),
        anchors: None,
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
