//! SQLAlchemy's type classes (`Integer`, `String(50)`, `sa.VARCHAR(length=100)`, `Enum(...)`):
//! Python classes whose instances carry a `schema::SqlType`.

use std::rc::Rc;

use super::super::{kwarg, native_class};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Class, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::schema::types::TYPE_CLASSES;
use crate::schema::{EnumSpec, SqlType, TypeKind};

/// The payload of a type instance.
pub struct TypeObj(pub SqlType);

/// Builds every type class, bases first, and returns them by Python name.
pub fn type_classes(interp: &mut Interp<'_>) -> Result<Vec<(&'static str, Rc<Class>)>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let type_engine = native_class(
        interp,
        "TypeEngine",
        "sqlalchemy.sql.type_api",
        vec![object],
        vec![
            ("__repr__", builtin("__repr__", "TypeEngine", type_repr)),
            (
                "__getattr__",
                builtin("__getattr__", "TypeEngine", type_getattr),
            ),
            (
                "compile",
                builtin("compile", "TypeEngine", |interp, args, kw| {
                    let dialect =
                        super::dialect_arg(interp, args.get(1).or(kwarg(&kw, "dialect").as_ref()))?;
                    let t = sql_type_of(interp, &arg(&args, 0))?;
                    Ok(Value::str(&t.compile(dialect)))
                }),
            ),
        ],
    )?;
    let mut out: Vec<(&'static str, Rc<Class>)> = Vec::new();
    for &(kind, name, base) in TYPE_CLASSES {
        let base = match base {
            Some(b) => {
                let base_name = TYPE_CLASSES.iter().find(|t| t.0 == b).map(|t| t.1);
                out.iter()
                    .find(|(n, _)| Some(*n) == base_name)
                    .map(|(_, c)| Rc::clone(c))
                    .unwrap_or_else(|| Rc::clone(&type_engine))
            }
            None => Rc::clone(&type_engine),
        };
        let init = builtin("__init__", name, move |interp, args, kw| {
            let t = construct(interp, kind, &args[1..], &kw)?;
            if let Value::Instance(inst) = &arg(&args, 0) {
                *inst.payload.borrow_mut() = Some(Rc::new(TypeObj(t)));
            }
            Ok(Value::None)
        });
        let cls = native_class(
            interp,
            name,
            "sqlalchemy.sql.sqltypes",
            vec![base],
            vec![("__init__", init)],
        )?;
        out.push((name, cls));
    }
    Ok(out)
}

fn int_arg(interp: &mut Interp<'_>, v: Option<Value>, what: &str) -> Result<Option<i64>, PyErr> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(n)) => Ok(Some(n)),
        Some(Value::Bool(b)) => Ok(Some(b as i64)),
        Some(other) => {
            let t = interp.type_name(&other);
            Err(interp.type_error(&format!("{what} must be an integer, not '{t}'")))
        }
    }
}

fn pos_or_kw(args: &[Value], i: usize, kw: &Kwargs, name: &str) -> Option<Value> {
    args.get(i).cloned().or_else(|| kwarg(kw, name))
}

/// `String(50)`, `Numeric(10, 2)`, `DateTime(timezone=True)`, `Enum(Status)`, ...
fn construct(
    interp: &mut Interp<'_>,
    kind: TypeKind,
    args: &[Value],
    kw: &Kwargs,
) -> Result<SqlType, PyErr> {
    use TypeKind::*;
    let mut t = SqlType::new(kind);
    match kind {
        String | Text | Unicode | UnicodeText | UpperVarchar | UpperChar | UpperNVarchar
        | UpperNChar | UpperText | UpperClob => {
            t.length = int_arg(interp, pos_or_kw(args, 0, kw, "length"), "length")?;
            if let Some(Value::Str(ref c)) = pos_or_kw(args, 1, kw, "collation") {
                t.collation = Some(c.to_string());
            }
        }
        LargeBinary | UpperBlob | UpperBinary | UpperVarBinary => {
            t.length = int_arg(interp, pos_or_kw(args, 0, kw, "length"), "length")?;
        }
        Numeric | UpperNumeric | UpperDecimal => {
            t.precision = int_arg(interp, pos_or_kw(args, 0, kw, "precision"), "precision")?;
            t.scale = int_arg(interp, pos_or_kw(args, 1, kw, "scale"), "scale")?;
        }
        Float | UpperFloat | Double | UpperDouble | UpperReal | UpperDoublePrecision => {
            t.precision = int_arg(interp, pos_or_kw(args, 0, kw, "precision"), "precision")?;
        }
        DateTime | UpperDateTime | UpperTimestamp | Time | UpperTime => {
            if let Some(tz) = pos_or_kw(args, 0, kw, "timezone") {
                t.timezone = interp.truthy(&tz)?;
            }
        }
        Enum => t.enum_spec = Some(enum_spec(interp, args, kw)?),
        Boolean | UpperBoolean => {
            let create = match pos_or_kw(args, 0, kw, "create_constraint") {
                Some(v) => interp.truthy(&v)?,
                None => false,
            };
            if create {
                let name = match pos_or_kw(args, 1, kw, "name") {
                    Some(Value::Str(ref n)) => Some(n.to_string()),
                    _ => None,
                };
                t.bool_check = Some(name);
            }
        }
        _ => {}
    }
    Ok(t)
}

/// `Enum("a", "b", name=...)` or `Enum(PyEnumClass)`: the stored values are the strings, or
/// the member names of a Python enum (named after the class, lowercased).
pub fn enum_spec(interp: &mut Interp<'_>, args: &[Value], kw: &Kwargs) -> Result<EnumSpec, PyErr> {
    let mut spec = EnumSpec {
        native: true,
        ..EnumSpec::default()
    };
    for a in args {
        match a {
            Value::Str(s) => spec.values.push(s.to_string()),
            Value::Class(cls) => {
                spec.values.extend(enum_member_names(interp, cls)?);
                spec.name = Some(cls.name.to_lowercase());
                spec.class_name = Some(cls.name.clone());
            }
            other => {
                let s = interp.str_lossy(other);
                spec.values.push(s);
            }
        }
    }
    if let Some(Value::Str(ref n)) = kwarg(kw, "name") {
        spec.name = Some(n.to_string());
    }
    if let Some(v) = kwarg(kw, "native_enum") {
        spec.native = interp.truthy(&v)?;
    }
    if let Some(v) = kwarg(kw, "create_constraint") {
        spec.create_constraint = interp.truthy(&v)?;
    }
    spec.length = int_arg(interp, kwarg(kw, "length"), "length")?;
    Ok(spec)
}

/// The member names of a Python `enum.Enum` subclass, in definition order.
pub fn enum_member_names(interp: &mut Interp<'_>, cls: &Rc<Class>) -> Result<Vec<String>, PyErr> {
    let members = interp.get_attr(&Value::Class(Rc::clone(cls)), "__members__")?;
    let keys = interp.iterate(&members)?;
    Ok(keys
        .iter()
        .filter_map(|k| k.as_str().map(str::to_string))
        .collect())
}

/// The `SqlType` of a type instance, or of a type class used bare (`Column(Integer)`).
pub fn sql_type_of(interp: &mut Interp<'_>, value: &Value) -> Result<SqlType, PyErr> {
    match value {
        Value::Instance(_) => match value.payload::<TypeObj>() {
            Some(t) => Ok(t.0.clone()),
            None => Err(not_a_type(interp, value)),
        },
        Value::Class(cls) => {
            let kind = TYPE_CLASSES
                .iter()
                .find(|(_, n, _)| {
                    cls.lineage()
                        .any(|c| c.name == *n && c.module == "sqlalchemy.sql.sqltypes")
                })
                .map(|(k, _, _)| *k);
            match kind {
                Some(k) => {
                    let inst = interp.call(value, Vec::new(), Vec::new())?;
                    match inst.payload::<TypeObj>() {
                        Some(t) => Ok(t.0.clone()),
                        None => Ok(SqlType::new(k)),
                    }
                }
                None => Err(not_a_type(interp, value)),
            }
        }
        _ => Err(not_a_type(interp, value)),
    }
}

/// Whether a value is a SQLAlchemy type (class or instance).
pub fn is_type(value: &Value) -> bool {
    match value {
        Value::Instance(_) => value.payload::<TypeObj>().is_some(),
        Value::Class(cls) => cls
            .lineage()
            .any(|c| c.name == "TypeEngine" && c.module == "sqlalchemy.sql.type_api"),
        _ => false,
    }
}

fn not_a_type(interp: &mut Interp<'_>, value: &Value) -> PyErr {
    let r = interp.str_lossy(value);
    super::sa_error(
        interp,
        "ArgumentError",
        &format!("'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {r}"),
    )
}

/// A type instance for `t` (used when reading `column.type`).
pub fn type_value(interp: &mut Interp<'_>, t: &SqlType) -> Result<Value, PyErr> {
    let sa = interp.import_by_name("sqlalchemy.types")?;
    let cls = sa.dict.borrow().get(t.class_name()).cloned();
    let Some(Value::Class(ref cls)) = cls else {
        return Ok(Value::None);
    };
    let inst = interp.new_instance(cls);
    if let Value::Instance(i) = &inst {
        *i.payload.borrow_mut() = Some(Rc::new(TypeObj(t.clone())));
    }
    Ok(inst)
}

fn type_repr(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let t = sql_type_of(interp, &arg(&args, 0))?;
    Ok(Value::str(&t.repr()))
}

fn type_getattr(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = arg(&args, 1);
    let name = name.as_str().unwrap_or_default().to_string();
    let t = sql_type_of(interp, &this)?;
    let opt = |n: Option<i64>| n.map_or(Value::None, Value::Int);
    Ok(match name.as_str() {
        "length" => opt(t.length),
        "precision" => opt(t.precision),
        "scale" => opt(t.scale),
        "timezone" => Value::Bool(t.timezone),
        "collation" => t.collation.as_deref().map_or(Value::None, Value::str),
        "enums" => Value::list(
            t.enum_spec
                .as_ref()
                .map(|s| s.values.iter().map(|v| Value::str(v)).collect())
                .unwrap_or_default(),
        ),
        "name" => t
            .enum_spec
            .as_ref()
            .and_then(|s| s.name.as_deref())
            .map_or(Value::None, Value::str),
        _ => {
            let cls = interp.type_name(&this);
            return Err(interp.new_error(
                "AttributeError",
                &format!("'{cls}' object has no attribute '{name}'"),
            ));
        }
    })
}
