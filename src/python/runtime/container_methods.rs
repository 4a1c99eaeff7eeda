//! Methods of `list`, `dict`, `set` and `frozenset` (`list.append`, `dict.get`, `set.add` ...),
//! each with CPython's error texts, and sorting as CPython's timsort compares.

use std::cell::RefCell;
use std::rc::Rc;

use super::builtins::{arg, builtin, dict_update, method};
use super::call::Kwargs;
use super::value::{Class, Dict, HashKey, Value};
use super::{Interp, PyErr};

fn this_list(args: &[Value]) -> Rc<RefCell<Vec<Value>>> {
    match args.first() {
        Some(Value::List(l)) => Rc::clone(l),
        _ => Rc::new(RefCell::new(Vec::new())),
    }
}

pub(super) fn install_list_methods(cls: &Rc<Class>) {
    method(cls, "append", |_, args, _| {
        this_list(&args).borrow_mut().push(arg(&args, 1));
        Ok(Value::None)
    });
    method(cls, "extend", |interp, args, _| {
        let items = interp.iterate(&arg(&args, 1))?;
        this_list(&args).borrow_mut().extend(items);
        Ok(Value::None)
    });
    method(cls, "insert", |_, args, _| {
        let list = this_list(&args);
        let len = list.borrow().len() as i64;
        let i = match args.get(1) {
            Some(Value::Int(i)) if *i < 0 => (i + len).max(0),
            Some(Value::Int(i)) => (*i).min(len),
            _ => len,
        };
        list.borrow_mut().insert(i as usize, arg(&args, 2));
        Ok(Value::None)
    });
    method(cls, "pop", |interp, args, _| {
        let list = this_list(&args);
        let len = list.borrow().len() as i64;
        if len == 0 {
            return Err(interp.new_error("IndexError", "pop from empty list"));
        }
        let i = match args.get(1) {
            Some(Value::Int(i)) if *i < 0 => i + len,
            Some(Value::Int(i)) => *i,
            _ => len - 1,
        };
        if i < 0 || i >= len {
            return Err(interp.new_error("IndexError", "pop index out of range"));
        }
        let item = list.borrow_mut().remove(i as usize);
        Ok(item)
    });
    method(cls, "remove", |interp, args, _| {
        let list = this_list(&args);
        let items = list.borrow().clone();
        for (i, item) in items.iter().enumerate() {
            if interp.eq_item(item, &arg(&args, 1))? {
                list.borrow_mut().remove(i);
                return Ok(Value::None);
            }
        }
        Err(interp.new_error("ValueError", "list.remove(x): x not in list"))
    });
    method(cls, "index", |interp, args, _| {
        let items = this_list(&args).borrow().clone();
        for (i, item) in items.iter().enumerate() {
            if interp.eq_item(item, &arg(&args, 1))? {
                return Ok(Value::Int(i as i64));
            }
        }
        let r = interp.repr(&arg(&args, 1))?;
        Err(interp.new_error("ValueError", &format!("{r} is not in list")))
    });
    method(cls, "count", |interp, args, _| {
        let items = this_list(&args).borrow().clone();
        let mut n = 0;
        for item in &items {
            if interp.eq_item(item, &arg(&args, 1))? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    method(cls, "reverse", |_, args, _| {
        this_list(&args).borrow_mut().reverse();
        Ok(Value::None)
    });
    method(cls, "copy", |_, args, _| {
        Ok(Value::list(this_list(&args).borrow().clone()))
    });
    method(cls, "clear", |_, args, _| {
        this_list(&args).borrow_mut().clear();
        Ok(Value::None)
    });
    method(cls, "sort", |interp, args, kw| {
        let list = this_list(&args);
        let items = list.borrow().clone();
        let sorted = sort_values(interp, items, &kw)?;
        *list.borrow_mut() = sorted;
        Ok(Value::None)
    });
}

/// `sorted()` and `list.sort()`: a stable merge sort that can call back into Python for
/// `key=` and comparisons.
pub fn sort_values(
    interp: &mut Interp<'_>,
    items: Vec<Value>,
    kw: &Kwargs,
) -> Result<Vec<Value>, PyErr> {
    let key = kw
        .iter()
        .find(|(k, _)| &**k == "key")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_none());
    let reverse = match kw.iter().find(|(k, _)| &**k == "reverse") {
        Some((_, v)) => interp.truthy(&v.clone())?,
        None => false,
    };
    let mut keyed = Vec::with_capacity(items.len());
    for item in items {
        let k = match &key {
            Some(f) => interp.call(f, vec![item.clone()], Vec::new())?,
            None => item.clone(),
        };
        keyed.push((k, item));
    }
    // CPython's timsort sorts short lists with a run count and binary insertion; doing the
    // same makes the comparisons, and so any TypeError, the ones CPython makes.
    let sorted = if keyed.len() < 64 {
        binary_insertion_sort(interp, keyed, reverse)?
    } else {
        merge_sort(interp, keyed, reverse)?
    };
    Ok(sorted.into_iter().map(|(_, v)| v).collect())
}

/// `a < b` under `reverse`, as list.sort compares (reversing swaps the operands' roles).
fn less(interp: &mut Interp<'_>, a: &Value, b: &Value, reverse: bool) -> Result<bool, PyErr> {
    let (x, y) = if reverse { (b, a) } else { (a, b) };
    Ok(interp.order(x, y, crate::python::ast::CmpOp::Lt)? == std::cmp::Ordering::Less)
}

/// timsort on fewer than 64 items: the initial run (reversed if strictly descending), then
/// binary insertion of the rest.
fn binary_insertion_sort(
    interp: &mut Interp<'_>,
    mut items: Vec<(Value, Value)>,
    reverse: bool,
) -> Result<Vec<(Value, Value)>, PyErr> {
    let n = items.len();
    if n < 2 {
        return Ok(items);
    }
    let mut run = 2;
    if less(interp, &items[1].0, &items[0].0, reverse)? {
        while run < n && less(interp, &items[run].0, &items[run - 1].0, reverse)? {
            run += 1;
        }
        items[..run].reverse();
    } else {
        while run < n && !less(interp, &items[run].0, &items[run - 1].0, reverse)? {
            run += 1;
        }
    }
    for start in run..n {
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + (r - l) / 2;
            if less(interp, &items[start].0, &items[p].0, reverse)? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        let pivot = items.remove(start);
        items.insert(l, pivot);
    }
    Ok(items)
}

fn merge_sort(
    interp: &mut Interp<'_>,
    mut items: Vec<(Value, Value)>,
    reverse: bool,
) -> Result<Vec<(Value, Value)>, PyErr> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let right = items.split_off(items.len() / 2);
    let left = merge_sort(interp, items, reverse)?;
    let right = merge_sort(interp, right, reverse)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        let ord = interp.order(&b.0, &a.0, crate::python::ast::CmpOp::Lt)?;
        let take_right = if reverse {
            ord == std::cmp::Ordering::Greater
        } else {
            ord == std::cmp::Ordering::Less
        };
        if take_right {
            out.extend(r.next());
        } else {
            out.extend(l.next());
        }
    }
    out.extend(l);
    out.extend(r);
    Ok(out)
}

fn this_dict(args: &[Value]) -> Rc<RefCell<Dict>> {
    match args.first() {
        Some(Value::Dict(d)) | Some(Value::Set(d)) | Some(Value::FrozenSet(d)) => Rc::clone(d),
        _ => Rc::new(RefCell::new(Dict::default())),
    }
}

pub(super) fn install_dict_methods(cls: &Rc<Class>) {
    method(cls, "get", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        Ok(this_dict(&args)
            .borrow()
            .get(&key)
            .cloned()
            .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
    });
    method(cls, "keys", |_, args, _| {
        Ok(Value::list(
            this_dict(&args)
                .borrow()
                .entries
                .values()
                .map(|(k, _)| k.clone())
                .collect(),
        ))
    });
    method(cls, "values", |_, args, _| {
        Ok(Value::list(
            this_dict(&args)
                .borrow()
                .entries
                .values()
                .map(|(_, v)| v.clone())
                .collect(),
        ))
    });
    method(cls, "items", |_, args, _| {
        Ok(Value::list(
            this_dict(&args)
                .borrow()
                .entries
                .values()
                .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
                .collect(),
        ))
    });
    method(cls, "pop", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        let removed = this_dict(&args).borrow_mut().entries.shift_remove(&key);
        match (removed, args.get(2)) {
            (Some((_, v)), _) => Ok(v),
            (None, Some(default)) => Ok(default.clone()),
            (None, None) => {
                let cls = interp.types.exception("KeyError");
                Err(PyErr::new(interp.make_exception(&cls, vec![arg(&args, 1)])))
            }
        }
    });
    method(cls, "setdefault", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        let dict = this_dict(&args);
        let existing = dict.borrow().get(&key).cloned();
        Ok(match existing {
            Some(v) => v,
            None => {
                let default = args.get(2).cloned().unwrap_or(Value::None);
                dict.borrow_mut()
                    .insert(key, arg(&args, 1), default.clone());
                default
            }
        })
    });
    method(cls, "update", |interp, args, kw| {
        let dict = this_dict(&args);
        let mut copy = dict.borrow().clone();
        if let Some(source) = args.get(1) {
            dict_update(interp, &mut copy, source)?;
        }
        for (k, v) in kw {
            copy.insert(HashKey::Str(Rc::clone(&k)), Value::Str(k), v);
        }
        *dict.borrow_mut() = copy;
        Ok(Value::None)
    });
    method(cls, "copy", |_, args, _| {
        Ok(Value::Dict(Rc::new(RefCell::new(
            this_dict(&args).borrow().clone(),
        ))))
    });
    cls.dict.borrow_mut().insert(
        Rc::from("fromkeys"),
        Value::StaticMethod(Rc::new(builtin("fromkeys", "dict", |interp, args, _| {
            let mut d = Dict::default();
            for k in interp.iterate(&arg(&args, 0))? {
                let h = interp.hash_key(&k)?;
                d.insert(h, k, arg(&args, 1));
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        }))),
    );
    method(cls, "popitem", |interp, args, _| {
        let last = this_dict(&args).borrow_mut().entries.pop();
        match last {
            Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
            None => Err(interp.new_error("KeyError", "'popitem(): dictionary is empty'")),
        }
    });
    method(cls, "clear", |_, args, _| {
        this_dict(&args).borrow_mut().entries.clear();
        Ok(Value::None)
    });
}

pub(super) fn install_set_methods(cls: &Rc<Class>) {
    method(cls, "add", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        this_dict(&args)
            .borrow_mut()
            .insert(key, arg(&args, 1), Value::None);
        Ok(Value::None)
    });
    method(cls, "update", |interp, args, _| {
        let set = this_dict(&args);
        for item in interp.iterate(&arg(&args, 1))? {
            let key = interp.hash_key(&item)?;
            set.borrow_mut().insert(key, item, Value::None);
        }
        Ok(Value::None)
    });
    method(cls, "discard", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        this_dict(&args).borrow_mut().entries.shift_remove(&key);
        Ok(Value::None)
    });
    method(cls, "remove", |interp, args, _| {
        let key = interp.hash_key(&arg(&args, 1))?;
        if this_dict(&args)
            .borrow_mut()
            .entries
            .shift_remove(&key)
            .is_none()
        {
            let cls = interp.types.exception("KeyError");
            return Err(PyErr::new(interp.make_exception(&cls, vec![arg(&args, 1)])));
        }
        Ok(Value::None)
    });
    method(cls, "copy", |_, args, _| {
        Ok(Value::Set(Rc::new(RefCell::new(
            this_dict(&args).borrow().clone(),
        ))))
    });
    install_set_queries(cls);
}

pub(super) fn install_frozenset_methods(cls: &Rc<Class>) {
    // An immutable value copies to itself, as CPython's `frozenset.copy` does.
    method(cls, "copy", |_, args, _| Ok(arg(&args, 0)));
    install_set_queries(cls);
}

/// The methods `set` and `frozenset` share: none of them mutates the receiver.
fn install_set_queries(cls: &Rc<Class>) {
    method(cls, "issuperset", |interp, args, _| {
        let other = arg(&args, 1);
        for item in interp.iterate(&other)? {
            if !interp.contains(&arg(&args, 0), &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    method(cls, "isdisjoint", |interp, args, _| {
        for item in interp.iterate(&arg(&args, 1))? {
            if interp.contains(&arg(&args, 0), &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    for (name, op) in [
        ("union", crate::python::ast::Operator::BitOr),
        ("intersection", crate::python::ast::Operator::BitAnd),
        ("difference", crate::python::ast::Operator::Sub),
        ("symmetric_difference", crate::python::ast::Operator::BitXor),
    ] {
        method(cls, name, move |interp, args, _| {
            let mut acc = arg(&args, 0);
            for other in args.get(1..).unwrap_or(&[]) {
                let items = interp.iterate(other)?;
                let mut set = Dict::default();
                for item in items {
                    let h = interp.hash_key(&item)?;
                    set.insert(h, item, Value::None);
                }
                acc = interp.binary_op(op, acc, Value::Set(Rc::new(RefCell::new(set))), false)?;
            }
            Ok(acc)
        });
    }
    method(cls, "issubset", |interp, args, _| {
        let mine = this_dict(&args);
        for item in interp.iterate(&Value::FrozenSet(Rc::clone(&mine)))? {
            if !interp.contains(&arg(&args, 1), &item)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
}
