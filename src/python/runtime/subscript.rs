//! Subscripts: indexing and slicing of sequences, dict lookups (with `os.environ`'s frozen
//! frame), item assignment and deletion, and `list[int]`-style generic aliases and unions.

use std::rc::Rc;

use super::operators::range_len;
use super::value::{HashKey, Value};
use super::{Interp, PyErr};
use crate::text::TextRange;

impl Interp<'_> {
    fn index(&mut self, len: usize, index: &Value, what: &str) -> Result<usize, PyErr> {
        let i = match index {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                return Err(
                    self.new_error("IndexError", "cannot fit 'int' into an index-sized integer")
                )
            }
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
            // Bounds past 64 bits clamp like any bound past the sequence's ends.
            Value::BigInt(n) if n.sign() == num_bigint::Sign::Minus => Some(i64::MIN + 1),
            Value::BigInt(_) => Some(i64::MAX),
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
                    Some(Value::Dict(ref members)) => {
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
                        Value::ClassMethod(ref f) => (**f).clone(),
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
            Value::Instance(inst) if inst.class.lookup("__delitem__").is_some() => {
                let method = inst.class.lookup("__delitem__").unwrap_or(Value::None);
                self.call(&method, vec![obj.clone(), index.clone()], Vec::new())?;
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
            Value::Tuple(ref t) => Value::Tuple(Rc::clone(t)),
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
        verbatim: None,
    }
}
