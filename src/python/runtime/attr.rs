//! Attribute access: descriptors (properties, methods, class and static methods), instance,
//! class and module namespaces, `super()`, and CPython's "Did you mean" suggestions.

use std::cell::RefCell;
use std::rc::Rc;

use super::call::docstring;
use super::error::suggest;
use super::value::{Class, Dict, HashKey, Value};
use super::{Interp, PyErr};

impl Interp<'_> {
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> Result<Value, PyErr> {
        match obj {
            Value::Module(m) => {
                if let Some(v) = m.dict.borrow().get(name) {
                    return Ok(v.clone());
                }
                if m.name == "sys" && name == "modules" {
                    return Ok(Value::Dict(self.sys_modules()));
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
                    "__hash__" if cls.lookup("__hash__").is_none() => {
                        // A class that defines `__eq__` but not `__hash__` gets `__hash__ =
                        // None`, and its subclasses inherit that.
                        let eq_without_hash = cls
                            .lineage()
                            .find(|c| c.dict.borrow().contains_key("__eq__"))
                            .is_some_and(|c| c.module != "builtins");
                        if eq_without_hash {
                            return Ok(Value::None);
                        }
                        let hash = self.builtins.dict.borrow().get("hash").cloned();
                        return Ok(hash.unwrap_or(Value::None));
                    }
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
                    Some(Value::ClassMethod(ref f)) => {
                        Ok(Value::BoundMethod(Rc::new((obj.clone(), (**f).clone()))))
                    }
                    Some(Value::StaticMethod(ref f)) => Ok((**f).clone()),
                    Some(v) => match self.descriptor_method(&v, "__get__") {
                        Some(get) => self.call(&get, vec![v, Value::None, obj.clone()], Vec::new()),
                        None => Ok(v),
                    },
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
                    return Ok(self.instance_dict(inst));
                }
                let class_attr = inst.class.lookup(name);
                if let Some(Value::Property(p)) = &class_attr {
                    let fget = p.fget.clone();
                    return self.call(&fget, vec![obj.clone()], Vec::new());
                }
                // Data descriptors (with `__set__`) win over the instance's own attributes.
                if let Some(attr) = &class_attr {
                    if self.descriptor_method(attr, "__set__").is_some() {
                        if let Some(get) = self.descriptor_method(attr, "__get__") {
                            let owner = Value::Class(Rc::clone(&inst.class));
                            return self.call(
                                &get,
                                vec![attr.clone(), obj.clone(), owner],
                                Vec::new(),
                            );
                        }
                    }
                }
                if let Some(v) = inst.dict.borrow().get(name) {
                    return Ok(v.clone());
                }
                match class_attr {
                    Some(f @ (Value::Function(_) | Value::Builtin(_))) => {
                        Ok(Value::BoundMethod(Rc::new((obj.clone(), f))))
                    }
                    Some(Value::ClassMethod(ref f)) => Ok(Value::BoundMethod(Rc::new((
                        Value::Class(Rc::clone(&inst.class)),
                        (**f).clone(),
                    )))),
                    Some(Value::StaticMethod(ref f)) => Ok((**f).clone()),
                    Some(v) => match self.descriptor_method(&v, "__get__") {
                        Some(get) => {
                            let owner = Value::Class(Rc::clone(&inst.class));
                            self.call(&get, vec![v, obj.clone(), owner], Vec::new())
                        }
                        None => Ok(v),
                    },
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
            Value::Slice(parts) if matches!(name, "start" | "stop" | "step") => {
                let i = match name {
                    "start" => 0,
                    "stop" => 1,
                    _ => 2,
                };
                Ok(parts[i].clone())
            }
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
                    Some(Value::Property(ref p)) => {
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
                if name == "__dict__" {
                    // `obj.__dict__ = mapping` replaces the attributes.
                    let mut d = Dict::default();
                    super::builtins::dict_update(self, &mut d, &value)?;
                    let mut ns = super::value::Namespace::new();
                    for (k, v) in d.entries.into_values() {
                        let Value::Str(ref name) = k else {
                            return Err(self.type_error("attribute name must be string"));
                        };
                        ns.insert(Rc::clone(name), v);
                    }
                    let old = std::mem::replace(&mut *inst.dict.borrow_mut(), ns);
                    drop(old);
                    return Ok(());
                }
                if let Some(attr) = inst.class.lookup(name) {
                    if let Some(set) = self.descriptor_method(&attr, "__set__") {
                        self.call(&set, vec![attr, obj.clone(), value], Vec::new())?;
                        return Ok(());
                    }
                }
                if let Some(Value::Property(ref p)) = inst.class.lookup(name) {
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
                        Value::ClassMethod(ref f) => {
                            let cls_value = match this {
                                Value::Class(_) => this.clone(),
                                other => Value::Class(self.class_of(other)),
                            };
                            Value::BoundMethod(Rc::new((cls_value, (**f).clone())))
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

    /// `__get__`/`__set__` of a descriptor object stored on a class (a user-defined class
    /// instance, the way SQLAlchemy's columns and attributes work).
    fn descriptor_method(&self, attr: &Value, name: &str) -> Option<Value> {
        match attr {
            Value::Instance(inst) => inst.class.lookup(name),
            _ => None,
        }
    }
}
