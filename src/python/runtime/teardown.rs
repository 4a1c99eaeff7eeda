//! Interpreter shutdown: breaking the reference cycles Python code makes, so a finished
//! session gives its memory back.
//!
//! Values are reference counted without a cycle collector, and ordinary code is full of
//! cycles: a module's dict holds its functions, whose globals are that module; a class holds
//! methods whose `super()` cell points back at it; a recursive local function sits in its own
//! closure. CPython clears module dicts at shutdown for the same reason. When a session ends
//! nothing may run Python again, so every namespace reachable from the session is emptied:
//! after that the plain reference counts free everything.
//!
//! The walk starts from the session's roots and from every module and instance the session
//! made that is still alive (a module that failed to import, a revision file, a `Table` and
//! its `MetaData` made inside `upgrade()` and pointing at each other). A list or dict that
//! holds itself inside a function, with no instance or module in the loop, is still kept.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::{Rc, Weak};

use super::value::{Instance, Module, Namespace, Scope, Value};
use super::Interp;

/// Weak handles on what the session made, pruned of the dead as they pile up so that a loop
/// making a million short-lived objects keeps only the live ones' handles.
#[derive(Default)]
pub struct Tracked {
    modules: Vec<Weak<Module>>,
    instances: Vec<Weak<Instance>>,
    prune_at: usize,
}

impl Tracked {
    pub fn module(&mut self, module: &Rc<Module>) {
        self.modules.push(Rc::downgrade(module));
    }

    pub fn instance(&mut self, instance: &Rc<Instance>) {
        if self.instances.len() >= self.prune_at {
            self.instances.retain(|w| w.strong_count() > 0);
            self.prune_at = (self.instances.len() * 2).max(1024);
        }
        self.instances.push(Rc::downgrade(instance));
    }

    fn live(&self) -> impl Iterator<Item = Value> + '_ {
        let modules = self
            .modules
            .iter()
            .filter_map(Weak::upgrade)
            .map(Value::Module);
        let instances = self
            .instances
            .iter()
            .filter_map(Weak::upgrade)
            .map(Value::Instance);
        modules.chain(instances)
    }
}

impl Drop for Interp<'_> {
    fn drop(&mut self) {
        let mut roots: Vec<Value> = self.modules.values().cloned().map(Value::Module).collect();
        roots.push(Value::Module(Rc::clone(&self.builtins)));
        roots.push(Value::List(Rc::clone(&self.sys_path)));
        roots.push(Value::Dict(Rc::clone(&self.environ)));
        roots.extend(self.sys_modules.iter().cloned().map(Value::Dict));
        roots.extend(
            self.calls
                .iter()
                .map(|(f, _)| Value::Function(Rc::clone(f))),
        );
        roots.extend(self.frames.iter().cloned().map(Value::Module));
        roots.extend(self.tracked.live());
        break_cycles(roots);
    }
}

/// Every mutable place reachable from the roots, found first and emptied after, so that no
/// value is freed while the walk still looks at it.
#[derive(Default)]
struct Places {
    namespaces: Vec<Rc<RefCell<Namespace>>>,
    class_dicts: Vec<Rc<super::value::Class>>,
    function_dicts: Vec<Rc<super::value::Function>>,
    instances: Vec<Rc<Instance>>,
    scopes: Vec<Scope>,
    lists: Vec<Rc<RefCell<Vec<Value>>>>,
    dicts: Vec<Rc<RefCell<super::value::Dict>>>,
}

fn address<T: ?Sized>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const u8 as usize
}

fn identity(value: &Value) -> Option<usize> {
    Some(match value {
        // A module is known by its dict: `frames` and `sys.modules` hold the same one.
        Value::Module(m) => address(&m.dict),
        Value::Class(c) => address(c),
        Value::Function(f) => address(f),
        Value::Instance(i) => address(i),
        Value::List(l) => address(l),
        Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => address(d),
        Value::Tuple(t) => address(t),
        Value::BoundMethod(p) => address(p),
        Value::StaticMethod(f) | Value::ClassMethod(f) => address(f),
        Value::Property(p) => address(p),
        _ => return None,
    })
}

fn break_cycles(roots: Vec<Value>) {
    // A shared object is known by its address; scalars need no visit.
    let mut seen: HashSet<usize> = HashSet::new();
    let mut places = Places::default();
    let mut work = roots;
    while let Some(value) = work.pop() {
        if let Some(id) = identity(&value) {
            if !seen.insert(id) {
                continue;
            }
        }
        match &value {
            Value::Module(m) => {
                work.extend(m.dict.borrow().values().cloned());
                places.namespaces.push(Rc::clone(&m.dict));
            }
            Value::Class(c) => {
                work.extend(c.dict.borrow().values().cloned());
                work.extend(c.bases.iter().cloned().map(Value::Class));
                places.class_dicts.push(Rc::clone(c));
            }
            Value::Function(f) => {
                work.extend(f.dict.borrow().values().cloned());
                work.extend(f.defaults.iter().cloned());
                work.extend(f.kw_defaults.iter().flatten().cloned());
                work.push(Value::Module(Rc::clone(&f.globals)));
                for scope in &f.closure {
                    if seen.insert(address(scope)) {
                        work.extend(scope.borrow().values().cloned());
                        places.scopes.push(Rc::clone(scope));
                    }
                }
                places.function_dicts.push(Rc::clone(f));
            }
            Value::Instance(i) => {
                work.push(Value::Class(Rc::clone(&i.class)));
                work.extend(i.dict.borrow().values().cloned());
                places.instances.push(Rc::clone(i));
            }
            Value::List(l) => {
                work.extend(l.borrow().iter().cloned());
                places.lists.push(Rc::clone(l));
            }
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => {
                let entries = d.borrow();
                work.extend(
                    entries
                        .entries
                        .values()
                        .flat_map(|(k, v)| [k.clone(), v.clone()]),
                );
                places.dicts.push(Rc::clone(d));
            }
            Value::Tuple(items) => work.extend(items.iter().cloned()),
            Value::BoundMethod(pair) => work.extend([pair.0.clone(), pair.1.clone()]),
            Value::StaticMethod(f) | Value::ClassMethod(f) => work.push((**f).clone()),
            Value::Property(p) => {
                work.push(p.fget.clone());
                work.extend(p.fset.clone());
            }
            _ => {}
        }
    }
    // Taken out before dropping, so a value's own drop never meets a borrowed namespace.
    let mut garbage: Vec<Value> = Vec::new();
    for ns in &places.namespaces {
        garbage.extend(std::mem::take(&mut *ns.borrow_mut()).into_values());
    }
    for c in &places.class_dicts {
        garbage.extend(std::mem::take(&mut *c.dict.borrow_mut()).into_values());
    }
    for f in &places.function_dicts {
        garbage.extend(std::mem::take(&mut *f.dict.borrow_mut()).into_values());
    }
    for i in &places.instances {
        garbage.extend(std::mem::take(&mut *i.dict.borrow_mut()).into_values());
    }
    for s in &places.scopes {
        garbage.extend(std::mem::take(&mut *s.borrow_mut()).into_values());
    }
    for l in &places.lists {
        garbage.append(&mut l.borrow_mut());
    }
    for d in &places.dicts {
        let entries = std::mem::take(&mut d.borrow_mut().entries);
        garbage.extend(entries.into_values().flat_map(|(k, v)| [k, v]));
    }
    drop(places);
    drop(garbage);
}
