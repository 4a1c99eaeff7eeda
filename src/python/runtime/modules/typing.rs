//! `typing` (generic aliases and unions for annotations) and `enum` (members built at class
//! creation, as `EnumMeta` does).

use std::cell::RefCell;
use std::rc::Rc;

use super::{module, native_class};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::value::{Dict, HashKey, Module, Value};
use crate::python::runtime::{Interp, PyErr};

pub(super) fn typing(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let special =
        |interp: &mut Interp<'_>, name: &str, origin: Option<Value>| -> Result<Value, PyErr> {
            let getitem = match name {
                "Optional" => builtin("__getitem__", "typing", |interp, args, _| {
                    interp.union_type(vec![arg(&args, 1), Value::None])
                }),
                "Union" => builtin("__getitem__", "typing", |interp, args, _| {
                    let members = interp.iterate(&arg(&args, 1))?;
                    interp.union_type(members)
                }),
                _ => {
                    let origin = origin.clone().unwrap_or(Value::None);
                    builtin("__getitem__", "typing", move |interp, args, _| {
                        interp.generic_alias(origin.clone(), arg(&args, 1))
                    })
                }
            };
            let repr_name = format!("typing.{name}");
            let repr = builtin("__repr__", "typing", move |_, _, _| {
                Ok(Value::str(&repr_name))
            });
            let object = Rc::clone(&interp.types.object);
            let cls = native_class(
                interp,
                &format!("_SpecialForm_{name}"),
                "typing",
                vec![object],
                vec![("__getitem__", getitem), ("__repr__", repr)],
            )?;
            Ok(interp.new_instance(&cls))
        };
    let t = &interp.types;
    let builtin_origins = [
        ("List", Value::Class(Rc::clone(&t.list))),
        ("Dict", Value::Class(Rc::clone(&t.dict))),
        ("Set", Value::Class(Rc::clone(&t.set))),
        ("FrozenSet", Value::Class(Rc::clone(&t.set))),
        ("Tuple", Value::Class(Rc::clone(&t.tuple))),
        ("Type", Value::Class(Rc::clone(&t.type_))),
    ];
    let mut items: Vec<(String, Value)> = Vec::new();
    for (name, origin) in builtin_origins {
        items.push((name.into(), special(interp, name, Some(origin))?));
    }
    for name in ["Optional", "Union"] {
        items.push((name.into(), special(interp, name, None)?));
    }
    for name in [
        "Sequence",
        "Mapping",
        "Iterable",
        "Iterator",
        "Callable",
        "ClassVar",
        "Literal",
        "Annotated",
        "Final",
        "MutableMapping",
        "Generator",
    ] {
        let origin = Value::str(name);
        items.push((name.into(), special(interp, name, Some(origin))?));
    }
    let any = native_class(interp, "Any", "typing", vec![object], Vec::new())?;
    items.push(("Any".into(), Value::Class(any)));
    items.push(("TYPE_CHECKING".into(), Value::Bool(false)));
    items.push((
        "cast".into(),
        builtin("cast", "typing", |_, args, _| {
            Ok(args.get(1).cloned().unwrap_or(Value::None))
        }),
    ));
    items.push((
        "TypeVar".into(),
        builtin("TypeVar", "typing", |_, args, _| {
            Ok(args.first().cloned().unwrap_or(Value::None))
        }),
    ));
    items.push((
        "NewType".into(),
        builtin("NewType", "typing", |_, args, _| {
            Ok(args.get(1).cloned().unwrap_or(Value::None))
        }),
    ));
    items.push((
        "get_type_hints".into(),
        builtin("get_type_hints", "typing", |interp, args, _| {
            interp.get_attr(&arg(&args, 0), "__annotations__")
        }),
    ));
    let m = interp.new_module("typing", None);
    for (k, v) in items {
        m.dict.borrow_mut().insert(Rc::from(k.as_str()), v);
    }
    Ok(m)
}

/// `enum.Enum`: class creation turns plain class attributes into members (instances of the
/// class with `name` and `value`), as `EnumMeta` does.
pub(super) fn enum_module(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let init_subclass = builtin("__init_subclass__", "Enum", |interp, args, _| {
        let Value::Class(cls) = &arg(&args, 0) else {
            return Ok(Value::None);
        };
        let entries: Vec<(Rc<str>, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|(k, v)| {
                !k.starts_with('_')
                    && !matches!(
                        v,
                        Value::Function(_)
                            | Value::Property(_)
                            | Value::ClassMethod(_)
                            | Value::StaticMethod(_)
                    )
            })
            .map(|(k, v)| (Rc::clone(k), v.clone()))
            .collect();
        let mut members = Dict::default();
        let mut canonical: Vec<(Value, Value)> = Vec::new();
        let mut auto_next = 1;
        let is_str = cls.is_subclass(&interp.types.str);
        for (name, value) in entries {
            let value = match &value {
                Value::Instance(inst) if inst.class.name == "auto" && is_str => {
                    Value::str(&name.to_lowercase())
                }
                Value::Instance(inst) if inst.class.name == "auto" => {
                    let v = Value::Int(auto_next);
                    auto_next += 1;
                    v
                }
                Value::Int(n) => {
                    auto_next = n + 1;
                    value.clone()
                }
                _ => value.clone(),
            };
            // A second name for an existing value is an alias of that member.
            let mut alias = None;
            for (v, m) in &canonical {
                if interp.eq(v, &value)? {
                    alias = Some(m.clone());
                    break;
                }
            }
            let member = match alias {
                Some(existing) => existing,
                None => {
                    let member = interp.new_instance(cls);
                    interp.set_attr(&member, "name", Value::Str(Rc::clone(&name)))?;
                    interp.set_attr(&member, "value", value.clone())?;
                    interp.set_attr(&member, "_value_", value.clone())?;
                    if let Value::Instance(inst) = &member {
                        let key = interp.hash_key(&value).unwrap_or(HashKey::Identity(0));
                        *inst.payload.borrow_mut() = Some(Rc::new(key));
                    }
                    canonical.push((value.clone(), member.clone()));
                    member
                }
            };
            cls.dict
                .borrow_mut()
                .insert(Rc::clone(&name), member.clone());
            members.insert(HashKey::Str(Rc::clone(&name)), Value::Str(name), member);
        }
        cls.dict.borrow_mut().insert(
            Rc::from("_member_list_"),
            Value::list(canonical.into_iter().map(|(_, m)| m).collect()),
        );
        cls.dict.borrow_mut().insert(
            Rc::from("__members__"),
            Value::Dict(Rc::new(RefCell::new(members))),
        );
        Ok(Value::None)
    });
    let repr = builtin("__repr__", "Enum", |interp, args, _| {
        let cls = interp.class_of(&arg(&args, 0));
        let name = interp.get_attr(&arg(&args, 0), "name")?;
        let value = interp.get_attr(&arg(&args, 0), "value")?;
        let value = interp.repr(&value)?;
        Ok(Value::str(&format!(
            "<{}.{}: {value}>",
            cls.name,
            name.as_str().unwrap_or_default()
        )))
    });
    let str_ = builtin("__str__", "Enum", |interp, args, _| {
        let cls = interp.class_of(&arg(&args, 0));
        let name = interp.get_attr(&arg(&args, 0), "name")?;
        Ok(Value::str(&format!(
            "{}.{}",
            cls.name,
            name.as_str().unwrap_or_default()
        )))
    });
    let enum_cls = native_class(
        interp,
        "Enum",
        "enum",
        vec![object],
        vec![
            ("__init_subclass__", init_subclass),
            ("__repr__", repr),
            ("__str__", str_),
            (
                "__new__",
                builtin("__new__", "Enum", |interp, args, _| {
                    let cls = arg(&args, 0);
                    let wanted = arg(&args, 1);
                    if let Value::Class(c) = &cls {
                        if let Some(Value::Dict(ref members)) = c.lookup("__members__") {
                            let members: Vec<Value> = members
                                .borrow()
                                .entries
                                .values()
                                .map(|(_, v)| v.clone())
                                .collect();
                            for member in members {
                                let value = interp.get_attr(&member, "value")?;
                                if interp.eq(&value, &wanted)? || member.is(&wanted) {
                                    return Ok(member);
                                }
                            }
                            let shown = interp.repr(&wanted)?;
                            return Err(interp.new_error(
                                "ValueError",
                                &format!("{shown} is not a valid {}", c.name),
                            ));
                        }
                    }
                    Err(interp.type_error("Enum() takes a value"))
                }),
            ),
        ],
    )?;
    // IntEnum and StrEnum look members up like Enum, not like int() or str().
    let enum_new = enum_cls
        .dict
        .borrow()
        .get("__new__")
        .cloned()
        .unwrap_or(Value::None);
    let value_str = builtin("__str__", "IntEnum", |interp, args, _| {
        let value = interp.get_attr(&arg(&args, 0), "_value_")?;
        Ok(Value::str(&interp.py_str(&value)?))
    });
    let int_enum = native_class(
        interp,
        "IntEnum",
        "enum",
        vec![Rc::clone(&interp.types.int), Rc::clone(&enum_cls)],
        vec![
            ("__new__", enum_new.clone()),
            ("__str__", value_str.clone()),
        ],
    )?;
    let str_enum = native_class(
        interp,
        "StrEnum",
        "enum",
        vec![Rc::clone(&interp.types.str), Rc::clone(&enum_cls)],
        vec![("__new__", enum_new), ("__str__", value_str)],
    )?;
    let object = Rc::clone(&interp.types.object);
    let auto = native_class(interp, "auto", "enum", vec![object], Vec::new())?;
    Ok(module(
        interp,
        "enum",
        vec![
            ("Enum", Value::Class(enum_cls)),
            ("IntEnum", Value::Class(int_enum)),
            ("StrEnum", Value::Class(str_enum)),
            ("auto", Value::Class(auto)),
        ],
    ))
}
