//! `obj.__dict__` and `vars(obj)`: a live view of an instance's attributes, so writing
//! through it sets attributes (`obj.__dict__['x'] = 1` is `obj.x = 1`, the way descriptors
//! and `self.__dict__.update(kw)` store values) and attributes set later show in it.
//!
//! An instance keeps its attributes in its own namespace (a name-keyed map the attribute
//! code reads without building dict keys); the view is an object of a `dict` subclass named
//! `dict` whose methods work on that namespace, so `isinstance(obj.__dict__, dict)` holds
//! and it prints as the dict CPython shows.

use std::rc::Rc;

use super::builtins::{arg, dict_update, method};
use super::value::{Class, Dict, HashKey, Instance, Value};
use super::{Interp, PyErr};

/// The instance a view shows, from the view's payload.
fn target(view: &Value) -> Option<Rc<Instance>> {
    view.payload::<Instance>()
}

/// The view's contents as a plain dict, for the methods that only read.
fn snapshot(view: &Value) -> Value {
    let mut d = Dict::default();
    if let Some(inst) = target(view) {
        for (k, v) in inst.dict.borrow().iter() {
            d.insert(
                HashKey::Str(Rc::clone(k)),
                Value::Str(Rc::clone(k)),
                v.clone(),
            );
        }
    }
    Value::Dict(Rc::new(std::cell::RefCell::new(d)))
}

/// An attribute name from a key: attribute names are strings (CPython allows other keys in
/// `__dict__`, which no attribute lookup can reach; the playground refuses them).
fn name_of(interp: &mut Interp, key: &Value) -> Result<Rc<str>, PyErr> {
    match key {
        Value::Str(s) => Ok(Rc::clone(s)),
        other => {
            let t = interp.type_name(other);
            Err(interp.type_error(&format!(
                "the playground's instance __dict__ keys must be str, not '{t}'"
            )))
        }
    }
}

fn key_error(interp: &mut Interp, key: &Value) -> PyErr {
    let cls = interp.types.exception("KeyError");
    PyErr::new(interp.make_exception(&cls, vec![key.clone()]))
}

impl Interp<'_> {
    /// `obj.__dict__` for an instance: a new view onto its attributes.
    pub(crate) fn instance_dict(&mut self, inst: &Rc<Instance>) -> Value {
        let cls = Rc::clone(&self.types.instance_dict);
        let view = self.new_instance(&cls);
        if let Value::Instance(v) = &view {
            *v.payload.borrow_mut() = Some(Rc::clone(inst) as Rc<dyn std::any::Any>);
        }
        view
    }
}

/// The view's methods. Reading ones answer from a snapshot (a plain dict, so the results
/// are exactly a dict's); writing ones change the instance's namespace.
pub(super) fn install_instance_dict_methods(cls: &Rc<Class>) {
    method(cls, "__getitem__", |interp, args, _| {
        let key = arg(&args, 1);
        let found = match (target(&arg(&args, 0)), &key) {
            (Some(inst), Value::Str(name)) => inst.dict.borrow().get(&**name).cloned(),
            _ => None,
        };
        found.ok_or_else(|| key_error(interp, &key))
    });
    method(cls, "__setitem__", |interp, args, _| {
        let name = name_of(interp, &arg(&args, 1))?;
        if let Some(inst) = target(&arg(&args, 0)) {
            inst.dict.borrow_mut().insert(name, arg(&args, 2));
        }
        Ok(Value::None)
    });
    method(cls, "__delitem__", |interp, args, _| {
        let key = arg(&args, 1);
        let removed = match (target(&arg(&args, 0)), &key) {
            (Some(inst), Value::Str(name)) => inst.dict.borrow_mut().shift_remove(&**name),
            _ => None,
        };
        match removed {
            Some(_) => Ok(Value::None),
            None => Err(key_error(interp, &key)),
        }
    });
    method(cls, "__contains__", |_, args, _| {
        let found = match (target(&arg(&args, 0)), &arg(&args, 1)) {
            (Some(inst), Value::Str(name)) => inst.dict.borrow().contains_key(&**name),
            _ => false,
        };
        Ok(Value::Bool(found))
    });
    method(cls, "__len__", |_, args, _| {
        let n = target(&arg(&args, 0)).map_or(0, |inst| inst.dict.borrow().len());
        Ok(Value::Int(n as i64))
    });
    method(cls, "__iter__", |_, args, _| {
        let keys: Vec<Value> = target(&arg(&args, 0)).map_or_else(Vec::new, |inst| {
            inst.dict
                .borrow()
                .keys()
                .map(|k| Value::Str(Rc::clone(k)))
                .collect()
        });
        Ok(Value::Iterator(Rc::new(std::cell::RefCell::new(
            keys.into_iter(),
        ))))
    });
    method(cls, "__repr__", |interp, args, _| {
        let text = interp.repr(&snapshot(&arg(&args, 0)))?;
        Ok(Value::str(&text))
    });
    method(cls, "__eq__", |interp, args, _| {
        let other = arg(&args, 1);
        let other = match &other {
            Value::Instance(i) if Rc::ptr_eq(&i.class, &interp.types.instance_dict) => {
                snapshot(&other)
            }
            _ => other,
        };
        let equal = interp.eq(&snapshot(&arg(&args, 0)), &other)?;
        Ok(Value::Bool(equal))
    });
    for name in ["keys", "values", "items", "get", "copy", "__or__"] {
        method(cls, name, move |interp, args, kw| {
            let plain = snapshot(&arg(&args, 0));
            let bound = interp.get_attr(&plain, name)?;
            interp.call(&bound, args.get(1..).unwrap_or(&[]).to_vec(), kw)
        });
    }
    method(cls, "update", |interp, args, kw| {
        let mut d = Dict::default();
        if let Some(source) = args.get(1) {
            dict_update(interp, &mut d, source)?;
        }
        let mut pairs = Vec::new();
        for (k, v) in d.entries.into_values() {
            pairs.push((name_of(interp, &k)?, v));
        }
        pairs.extend(kw);
        if let Some(inst) = target(&arg(&args, 0)) {
            inst.dict.borrow_mut().extend(pairs);
        }
        Ok(Value::None)
    });
    method(cls, "setdefault", |interp, args, _| {
        let name = name_of(interp, &arg(&args, 1))?;
        let Some(inst) = target(&arg(&args, 0)) else {
            return Ok(Value::None);
        };
        let mut ns = inst.dict.borrow_mut();
        Ok(ns.entry(name).or_insert_with(|| arg(&args, 2)).clone())
    });
    method(cls, "pop", |interp, args, _| {
        let key = arg(&args, 1);
        let removed = match (target(&arg(&args, 0)), &key) {
            (Some(inst), Value::Str(name)) => inst.dict.borrow_mut().shift_remove(&**name),
            _ => None,
        };
        match (removed, args.get(2)) {
            (Some(v), _) => Ok(v),
            (None, Some(default)) => Ok(default.clone()),
            (None, None) => Err(key_error(interp, &key)),
        }
    });
    method(cls, "clear", |_, args, _| {
        if let Some(inst) = target(&arg(&args, 0)) {
            let old = std::mem::take(&mut *inst.dict.borrow_mut());
            drop(old);
        }
        Ok(Value::None)
    });
}
