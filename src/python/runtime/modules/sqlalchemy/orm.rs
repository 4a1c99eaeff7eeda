//! `sqlalchemy.orm`: declarative mapping. A class that derives from a declarative base becomes
//! a `Table` in the base's MetaData when its body finishes, the way SQLAlchemy 2.x decides:
//! columns in attribute order then mixin columns, `Mapped[...]` annotations giving types and
//! nullability, `__tablename__`/`__table_args__`/`__abstract__`, and `declared_attr`.

use std::rc::Rc;

use super::super::{kwarg, module, native_class};
use super::schema::{
    column_from_draft, column_handle, metadata_of, new_object, ColumnObj, TableObj,
};
use super::types::{enum_member_names, TypeObj};
use super::{sa_class, sa_error};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Class, Dict, HashKey, Module, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::schema::{EnumSpec, SqlType, TypeKind};

const DECL_MODULE: &str = "sqlalchemy.orm.decl_api";

/// Marks `@declared_attr` functions; `directive` ones (`__tablename__`) are not columns.
struct DeclaredAttr {
    fget: Value,
}

struct Marker;

pub(crate) fn orm(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let schema_mod = interp.import_by_name("sqlalchemy.sql.schema")?;
    let mapped_column_cls = schema_mod
        .dict
        .borrow()
        .get("MappedColumn")
        .cloned()
        .unwrap_or(Value::None);
    let mapped_column = builtin(
        "mapped_column",
        "sqlalchemy.orm",
        move |interp, args, kw| interp.call(&mapped_column_cls, args, kw),
    );
    let decl_methods = || {
        vec![
            (
                "__init_subclass__",
                builtin("__init_subclass__", "DeclarativeBase", init_subclass),
            ),
            (
                "__init__",
                builtin("__init__", "DeclarativeBase", instance_init),
            ),
        ]
    };
    let declarative = native_class(
        interp,
        "DeclarativeBase",
        DECL_MODULE,
        vec![Rc::clone(&object)],
        decl_methods(),
    )?;
    let mapped = native_class(
        interp,
        "Mapped",
        "sqlalchemy.orm.base",
        vec![Rc::clone(&object)],
        Vec::new(),
    )?;
    let mapped_value = Value::Class(Rc::clone(&mapped));
    mapped.dict.borrow_mut().insert(
        Rc::from("__class_getitem__"),
        builtin("__class_getitem__", "Mapped", move |interp, args, _| {
            interp.generic_alias(
                mapped_value.clone(),
                arg(&args, args.len().saturating_sub(1)),
            )
        }),
    );
    let relationship_cls = native_class(
        interp,
        "Relationship",
        "sqlalchemy.orm.relationships",
        vec![Rc::clone(&object)],
        Vec::new(),
    )?;
    let relationship = {
        let cls = Rc::clone(&relationship_cls);
        builtin("relationship", "sqlalchemy.orm", move |interp, _, _| {
            let obj = interp.new_instance(&cls);
            if let Value::Instance(i) = &obj {
                *i.payload.borrow_mut() = Some(Rc::new(Marker));
            }
            Ok(obj)
        })
    };
    let declared_attr_cls = native_class(
        interp,
        "declared_attr",
        DECL_MODULE,
        vec![Rc::clone(&object)],
        Vec::new(),
    )?;
    let make_declared = |cls: Rc<Class>, directive: bool| {
        builtin("declared_attr", DECL_MODULE, move |interp, args, _| {
            let fget = args.last().cloned().unwrap_or(Value::None);
            let obj = interp.new_instance(&cls);
            if let Value::Instance(i) = &obj {
                *i.payload.borrow_mut() = Some(Rc::new(DeclaredAttr { fget }));
                i.dict
                    .borrow_mut()
                    .insert(Rc::from("directive"), Value::Bool(directive));
            }
            Ok(obj)
        })
    };
    declared_attr_cls
        .dict
        .borrow_mut()
        .insert(Rc::from("__new__"), {
            let cls = Rc::clone(&declared_attr_cls);
            let f = make_declared(Rc::clone(&cls), false);
            builtin("__new__", DECL_MODULE, move |interp, args, kw| {
                interp.call(&f, args.get(1..).unwrap_or_default().to_vec(), kw)
            })
        });
    declared_attr_cls.dict.borrow_mut().insert(
        Rc::from("directive"),
        Value::StaticMethod(Rc::new(make_declared(Rc::clone(&declared_attr_cls), true))),
    );
    declared_attr_cls.dict.borrow_mut().insert(
        Rc::from("cascading"),
        Value::StaticMethod(Rc::new(make_declared(Rc::clone(&declared_attr_cls), false))),
    );
    let base_factory = {
        let decl = Rc::clone(&declarative);
        builtin(
            "declarative_base",
            "sqlalchemy.orm",
            move |interp, _, kw| declarative_base(interp, &decl, kw),
        )
    };
    let session = native_class(
        interp,
        "Session",
        "sqlalchemy.orm.session",
        vec![Rc::clone(&object)],
        Vec::new(),
    )?;
    let sessionmaker = builtin("sessionmaker", "sqlalchemy.orm", |interp, _, _| {
        let object = Rc::clone(&interp.types.object);
        let cls = native_class(
            interp,
            "sessionmaker",
            "sqlalchemy.orm.session",
            vec![object],
            Vec::new(),
        )?;
        Ok(interp.new_instance(&cls))
    });
    let items = vec![
        ("DeclarativeBase", Value::Class(declarative)),
        ("Mapped", Value::Class(mapped)),
        ("mapped_column", mapped_column),
        ("relationship", relationship.clone()),
        (
            "backref",
            builtin("backref", "sqlalchemy.orm", |_, args, _| Ok(arg(&args, 0))),
        ),
        ("declared_attr", Value::Class(declared_attr_cls)),
        ("declarative_base", base_factory),
        ("Session", Value::Class(session)),
        ("sessionmaker", sessionmaker),
    ];
    Ok(module(interp, "sqlalchemy.orm", items))
}

pub(crate) fn declarative_module(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let orm = interp.import_by_name("sqlalchemy.orm")?;
    let base = orm
        .dict
        .borrow()
        .get("declarative_base")
        .cloned()
        .unwrap_or(Value::None);
    Ok(module(
        interp,
        "sqlalchemy.ext.declarative",
        vec![("declarative_base", base)],
    ))
}

/// `declarative_base(metadata=None)`: a new base class with its own MetaData.
fn declarative_base(interp: &mut Interp<'_>, decl: &Rc<Class>, kw: Kwargs) -> Result<Value, PyErr> {
    let md = match kwarg(&kw, "metadata") {
        Some(md) if metadata_of(&md).is_some() => md,
        _ => {
            let cls = sa_class(interp, "MetaData")?;
            interp.call(&Value::Class(cls), Vec::new(), Vec::new())?
        }
    };
    let name = match kwarg(&kw, "name") {
        Some(Value::Str(ref s)) => s.to_string(),
        _ => "Base".to_string(),
    };
    let object = Rc::clone(&interp.types.object);
    let hidden = native_class(
        interp,
        "_DeclarativeBaseLegacy",
        DECL_MODULE,
        vec![object],
        vec![
            (
                "__init_subclass__",
                builtin("__init_subclass__", "Base", init_subclass),
            ),
            ("__init__", builtin("__init__", "Base", instance_init)),
        ],
    )?;
    let _ = decl;
    let base = native_class(
        interp,
        &name,
        DECL_MODULE,
        vec![hidden],
        vec![("metadata", md), ("__abstract__", Value::Bool(true))],
    )?;
    Ok(Value::Class(base))
}

/// The default constructor of mapped classes: keyword arguments set mapped attributes.
fn instance_init(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let cls = interp.class_of(&this);
    for (k, v) in kw {
        if cls.lookup(&k).is_none() {
            return Err(interp.type_error(&format!(
                "'{k}' is an invalid keyword argument for {}",
                cls.name
            )));
        }
        interp.set_attr(&this, &k, v)?;
    }
    Ok(Value::None)
}

fn own(cls: &Rc<Class>, name: &str) -> Option<Value> {
    cls.dict.borrow().get(name).cloned()
}

fn is_decl_base_marker(c: &Rc<Class>) -> bool {
    c.module == DECL_MODULE && (c.name == "DeclarativeBase" || c.name == "_DeclarativeBaseLegacy")
}

/// Runs when a subclass of a declarative base is created.
fn init_subclass(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let Value::Class(ref cls) = arg(&args, 0) else {
        return Ok(Value::None);
    };
    if cls.bases.iter().any(is_decl_base_marker) {
        return setup_base(interp, cls);
    }
    if let Some(v) = own(cls, "__abstract__") {
        if interp.truthy(&v)? {
            return Ok(Value::None);
        }
    }
    map_class(interp, cls)?;
    Ok(Value::None)
}

/// `class Base(DeclarativeBase)`: the base gets a MetaData (its own `metadata = MetaData(...)`
/// if the body set one).
fn setup_base(interp: &mut Interp<'_>, cls: &Rc<Class>) -> Result<Value, PyErr> {
    let has_md = own(cls, "metadata").is_some_and(|m| metadata_of(&m).is_some());
    if !has_md {
        let md_cls = sa_class(interp, "MetaData")?;
        let md = interp.call(&Value::Class(md_cls), Vec::new(), Vec::new())?;
        cls.dict.borrow_mut().insert(Rc::from("metadata"), md);
    }
    cls.dict
        .borrow_mut()
        .insert(Rc::from("__abstract__"), Value::Bool(true));
    Ok(Value::None)
}

/// The `__annotations__` of one class (not inherited), in order.
fn annotations(cls: &Rc<Class>) -> Vec<(String, Value)> {
    match own(cls, "__annotations__") {
        Some(Value::Dict(ref d)) => d
            .borrow()
            .entries
            .values()
            .filter_map(|(k, v)| k.as_str().map(|k| (k.to_string(), v.clone())))
            .collect(),
        _ => Vec::new(),
    }
}

/// SQLAlchemy's `merge_lists_w_ordering`: merges the class dict order with the annotation
/// order (in that order), switching lists at each shared name, so source order mostly survives.
pub fn merge_orders(a: &[String], b: &[String]) -> Vec<String> {
    let mut overlap: std::collections::HashSet<&String> =
        a.iter().filter(|x| b.contains(x)).collect();
    let mut out = Vec::new();
    let (mut current, mut other) = (a.iter(), b.iter());
    loop {
        let mut switched = false;
        for item in current.by_ref() {
            if overlap.remove(item) {
                switched = true;
                break;
            }
            out.push(item.clone());
        }
        if !switched {
            out.extend(other.cloned());
            return out;
        }
        std::mem::swap(&mut current, &mut other);
    }
}

/// What one attribute of a class contributes to its table.
struct Found {
    attr: String,
    column: Value,
    annotation: Option<Value>,
}

fn is_mapped_class(c: &Rc<Class>) -> bool {
    c.dict.borrow().get("__table__").is_some()
}

/// A table defined twice fails inside `Table()`; through a declarative class, SQLAlchemy's
/// declarative frames come first.
fn with_declarative_frames(mut err: PyErr) -> PyErr {
    use crate::python::runtime::error::TracebackEntry;
    let recorded = |name| crate::command::recorded_frames(Some("sqlalchemy"), name);
    let (Some(table), Some(declarative)) = (
        recorded("table_exists"),
        recorded("declarative_table_exists"),
    ) else {
        return err;
    };
    let table = TracebackEntry::verbatim_frames(&table);
    let n = err.traceback.len();
    let tail_matches = n >= table.len()
        && err.traceback[n - table.len()..]
            .iter()
            .zip(&table)
            .all(|(a, b)| a.verbatim.is_some() && a.verbatim == b.verbatim);
    if tail_matches {
        err.traceback.truncate(n - table.len());
        err.traceback
            .extend(TracebackEntry::verbatim_frames(&declarative));
    }
    err
}

fn map_class(interp: &mut Interp<'_>, cls: &Rc<Class>) -> Result<(), PyErr> {
    let md_value = cls.lookup("metadata").unwrap_or(Value::None);
    let Some(_) = metadata_of(&md_value) else {
        return Err(sa_error(
            interp,
            "InvalidRequestError",
            "Declarative base class has no 'metadata' attribute",
        ));
    };
    let class_value = Value::Class(Rc::clone(cls));
    if let Some(table) = own(cls, "__table__") {
        if let Some(t) = table.payload::<TableObj>() {
            let names: Vec<(String, String)> = t
                .table
                .borrow()
                .columns
                .iter()
                .map(|c| (c.key.clone(), c.name.clone()))
                .collect();
            for (key, name) in names {
                let handle = column_handle(interp, "InstrumentedAttribute", &t.table, &name)?;
                cls.dict.borrow_mut().insert(Rc::from(key.as_str()), handle);
            }
        }
        return Ok(());
    }
    let tablename = match cls.lookup("__tablename__") {
        Some(v) => match v.payload::<DeclaredAttr>() {
            Some(d) => interp.call(&d.fget, vec![class_value.clone()], Vec::new())?,
            None => v,
        },
        None => Value::None,
    };
    let inherited_table = cls.mro.iter().find(|c| is_mapped_class(c)).cloned();
    let Value::Str(ref tablename) = tablename else {
        if inherited_table.is_some() {
            // Single-table inheritance: the subclass shares its parent's table.
            return Ok(());
        }
        let repr = format!("<class '{}.{}'>", cls.module, cls.name);
        return Err(sa_error(
            interp,
            "InvalidRequestError",
            &format!("Class {repr} does not have a __table__ or __tablename__ specified and does not inherit from an existing table-mapped class."),
        ));
    };

    let mut found: Vec<Found> = Vec::new();
    let lineage: Vec<Rc<Class>> = cls.lineage().cloned().collect();
    for (depth, c) in lineage.iter().enumerate() {
        if is_decl_base_marker(c)
            || Rc::ptr_eq(c, &interp.types.object)
            || (depth > 0 && is_mapped_class(c))
        {
            continue;
        }
        if depth > 0
            && c.dict.borrow().contains_key("metadata")
            && metadata_of(&c.dict.borrow()["metadata"]).is_some()
        {
            continue;
        }
        let anns = annotations(c);
        let ann_names: Vec<String> = anns.iter().map(|(k, _)| k.clone()).collect();
        let dict_names: Vec<String> = c.dict.borrow().keys().map(|k| k.to_string()).collect();
        for attr in merge_orders(&dict_names, &ann_names) {
            if attr.starts_with("__") || found.iter().any(|f| f.attr == attr) {
                continue;
            }
            let annotation = anns
                .iter()
                .find(|(k, _)| *k == attr)
                .map(|(_, v)| v.clone());
            let value = own(c, &attr);
            let column = match &value {
                Some(v) if v.payload::<ColumnObj>().is_some() => {
                    let obj = v.payload::<ColumnObj>().expect("checked");
                    match obj.draft() {
                        // Mixin columns are copied, as each subclass gets its own.
                        Some(d) if depth > 0 => Some(column_from_draft(interp, d)?),
                        Some(_) => Some(v.clone()),
                        None => None,
                    }
                }
                Some(v) if v.payload::<DeclaredAttr>().is_some() => {
                    let d = v.payload::<DeclaredAttr>().expect("checked");
                    if matches!(interp.get_attr(v, "directive")?, Value::Bool(true)) {
                        None
                    } else {
                        let result = interp.call(&d.fget, vec![class_value.clone()], Vec::new())?;
                        if result.payload::<ColumnObj>().is_some() {
                            let ret = return_annotation(interp, &d.fget);
                            found.push(Found {
                                attr: attr.clone(),
                                column: result,
                                annotation: ret,
                            });
                        }
                        continue;
                    }
                }
                None => match &annotation {
                    Some(a) if mapped_inner(interp, c, a)?.is_some() => {
                        let mc = sa_class(interp, "MappedColumn")?;
                        Some(interp.call(&Value::Class(mc), Vec::new(), Vec::new())?)
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(column) = column {
                found.push(Found {
                    attr,
                    column,
                    annotation,
                });
            }
        }
    }

    // `mapped_column(sort_order=...)` moves a column; equal orders keep declaration order.
    found.sort_by_key(|f| {
        f.column
            .payload::<ColumnObj>()
            .and_then(|c| c.draft())
            .map_or(0, |d| d.sort_order)
    });
    let mut items: Vec<Value> = Vec::new();
    for f in &found {
        apply_annotation(interp, cls, f)?;
        items.push(f.column.clone());
    }
    let (args_items, args_kw) = table_args(interp, cls)?;
    items.extend(args_items);
    let table_cls = sa_class(interp, "Table")?;
    let mut call_args = vec![Value::Str(tablename.clone()), md_value];
    call_args.extend(items);
    let table = interp
        .call(&Value::Class(table_cls), call_args, args_kw)
        .map_err(with_declarative_frames)?;
    cls.dict
        .borrow_mut()
        .insert(Rc::from("__table__"), table.clone());
    let Some(t) = table.payload::<TableObj>() else {
        return Ok(());
    };
    for f in &found {
        if let Some(obj) = f.column.payload::<ColumnObj>() {
            if let Some(col) = obj.column() {
                let handle = column_handle(interp, "InstrumentedAttribute", &t.table, &col.name)?;
                cls.dict
                    .borrow_mut()
                    .insert(Rc::from(f.attr.as_str()), handle);
            }
        }
    }
    if t.table.borrow().primary_key.columns.is_empty() {
        return Err(sa_error(
            interp,
            "ArgumentError",
            &format!("Mapper Mapper[{}({tablename})] could not assemble any primary key columns for mapped table '{tablename}'", cls.name),
        ));
    }
    let mapper = new_object(interp, "DefaultClause", ())?;
    cls.dict.borrow_mut().insert(Rc::from("__mapper__"), mapper);
    Ok(())
}

fn return_annotation(interp: &mut Interp<'_>, f: &Value) -> Option<Value> {
    let anns = interp.get_attr(f, "__annotations__").ok()?;
    match anns {
        Value::Dict(ref d) => d.borrow().get(&HashKey::Str(Rc::from("return"))).cloned(),
        _ => None,
    }
}

/// `__table_args__`: a tuple of items, optionally ending with a dict of options, or a dict.
fn table_args(interp: &mut Interp<'_>, cls: &Rc<Class>) -> Result<(Vec<Value>, Kwargs), PyErr> {
    let Some(mut v) = cls.lookup("__table_args__") else {
        return Ok((Vec::new(), Vec::new()));
    };
    if let Some(d) = v.payload::<DeclaredAttr>() {
        v = interp.call(&d.fget, vec![Value::Class(Rc::clone(cls))], Vec::new())?;
    }
    let dict_to_kw = |d: &Dict| -> Kwargs {
        d.entries
            .values()
            .filter_map(|(k, v)| k.as_str().map(|k| (Rc::from(k), v.clone())))
            .collect()
    };
    match &v {
        Value::Dict(d) => Ok((Vec::new(), dict_to_kw(&d.borrow()))),
        Value::Tuple(t) => {
            let mut items = t.to_vec();
            let kw = match items.last() {
                Some(Value::Dict(d)) => {
                    let kw = dict_to_kw(&d.borrow());
                    items.pop();
                    kw
                }
                _ => Vec::new(),
            };
            Ok((items, kw))
        }
        Value::None => Ok((Vec::new(), Vec::new())),
        _ => Err(sa_error(
            interp,
            "ArgumentError",
            "__table_args__ value must be a tuple, dict, or None",
        )),
    }
}

/// The `X` of `Mapped[X]` (evaluating string annotations in the class's module), or None when
/// the annotation is not `Mapped[...]`.
fn mapped_inner(
    interp: &mut Interp<'_>,
    cls: &Rc<Class>,
    annotation: &Value,
) -> Result<Option<Value>, PyErr> {
    let annotation = resolve_string(interp, cls, annotation)?;
    let origin = match &annotation {
        Value::Instance(i) if Rc::ptr_eq(&i.class, &interp.types.generic_alias) => {
            i.dict.borrow().get("__origin__").cloned()
        }
        _ => None,
    };
    let is_mapped = matches!(&origin, Some(Value::Class(c)) if c.name == "Mapped" && c.module == "sqlalchemy.orm.base");
    if !is_mapped {
        return Ok(None);
    }
    let args = interp.get_attr(&annotation, "__args__")?;
    let inner = match &args {
        Value::Tuple(t) => t.first().cloned().unwrap_or(Value::None),
        other => other.clone(),
    };
    Ok(Some(resolve_string(interp, cls, &inner)?))
}

/// Evaluates a string annotation (`Mapped["User"]`, `"Mapped[int]"`) in the class's module.
fn resolve_string(interp: &mut Interp<'_>, cls: &Rc<Class>, v: &Value) -> Result<Value, PyErr> {
    let Value::Str(src) = v else {
        return Ok(v.clone());
    };
    let Some(home) = interp.modules.get(&cls.module).cloned() else {
        return Ok(v.clone());
    };
    let scratch = interp.new_module("<annotation>", None);
    for (k, val) in home.dict.borrow().iter() {
        scratch.dict.borrow_mut().insert(Rc::clone(k), val.clone());
    }
    let code = format!("__annotation__ = ({src})\n");
    match interp.exec_source(&scratch, "<annotation>", &code) {
        Ok(()) => Ok(scratch
            .dict
            .borrow()
            .get("__annotation__")
            .cloned()
            .unwrap_or(Value::None)),
        // A forward reference to a class defined later stays a string, as SQLAlchemy defers it.
        Err(_) => Ok(v.clone()),
    }
}

/// Splits `Optional[X]`, `Union[X, None]` and `X | None` into `(X, optional)`.
fn strip_optional(interp: &mut Interp<'_>, v: &Value) -> (Value, bool) {
    let is_union = matches!(v, Value::Instance(i) if Rc::ptr_eq(&i.class, &interp.types.union));
    if !is_union {
        return (v.clone(), false);
    }
    let args = match interp.get_attr(v, "__args__") {
        Ok(Value::Tuple(ref t)) => t.to_vec(),
        _ => return (v.clone(), false),
    };
    let none = &interp.types.none_type;
    let optional = args
        .iter()
        .any(|a| matches!(a, Value::Class(c) if Rc::ptr_eq(c, none)));
    let rest: Vec<Value> = args
        .into_iter()
        .filter(|a| !matches!(a, Value::Class(c) if Rc::ptr_eq(c, none)))
        .collect();
    match rest.as_slice() {
        [one] => (one.clone(), optional),
        _ => (v.clone(), optional),
    }
}

/// Gives a `mapped_column` its type and nullability from `Mapped[...]`, and names columns
/// after their attribute.
fn apply_annotation(interp: &mut Interp<'_>, cls: &Rc<Class>, f: &Found) -> Result<(), PyErr> {
    let Some(obj) = f.column.payload::<ColumnObj>() else {
        return Ok(());
    };
    let Some(mut draft) = obj.draft() else {
        return Ok(());
    };
    if !draft.named {
        draft.column.name = f.attr.clone();
        draft.named = true;
    }
    draft.column.key = f.attr.clone();
    let inner = match (&f.annotation, draft.mapped) {
        (Some(a), true) => mapped_inner(interp, cls, a)?,
        _ => None,
    };
    if let Some(inner) = inner {
        let (inner, optional) = strip_optional(interp, &inner);
        if !draft.explicit_nullable && !draft.column.primary_key {
            draft.column.nullable = optional;
        }
        if !draft.explicit_type && draft.foreign_keys.is_empty() {
            draft.column.type_ = python_type_to_sql(interp, &inner, &f.attr)?;
        } else if !draft.explicit_type {
            // The type comes from the referred column when the table is created.
            if let Ok(t) = python_type_to_sql(interp, &inner, &f.attr) {
                draft.column.type_ = t;
            }
        }
    }
    *obj.state.borrow_mut() = super::schema::ColumnState::Detached(Box::new(draft));
    Ok(())
}

/// SQLAlchemy's default `type_annotation_map`: the Core type for a Python type.
fn python_type_to_sql(interp: &mut Interp<'_>, t: &Value, attr: &str) -> Result<SqlType, PyErr> {
    if let Some(obj) = t.payload::<TypeObj>() {
        return Ok(obj.0.clone());
    }
    let kind = match t {
        Value::Class(c) => {
            let name = (c.module.as_str(), c.name.as_str());
            match name {
                ("builtins", "int") => Some(TypeKind::Integer),
                ("builtins", "str") => Some(TypeKind::String),
                ("builtins", "float") => Some(TypeKind::Double),
                ("builtins", "bool") => Some(TypeKind::Boolean),
                ("builtins", "bytes") => Some(TypeKind::LargeBinary),
                ("datetime", "date") => Some(TypeKind::Date),
                ("datetime", "datetime") => Some(TypeKind::DateTime),
                ("datetime", "time") => Some(TypeKind::Time),
                ("datetime", "timedelta") => Some(TypeKind::Interval),
                ("decimal", "Decimal") => Some(TypeKind::Numeric),
                ("uuid", "UUID") => Some(TypeKind::Uuid),
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(kind) = kind {
        return Ok(SqlType::new(kind));
    }
    if let Value::Class(c) = t {
        let is_enum = c.lineage().any(|b| b.name == "Enum" && b.module == "enum");
        if is_enum {
            let values = enum_member_names(interp, c)?;
            let mut sql = SqlType::new(TypeKind::Enum);
            sql.enum_spec = Some(EnumSpec {
                values,
                name: Some(c.name.to_lowercase()),
                native: true,
                create_constraint: false,
                length: None,
                class_name: Some(c.name.clone()),
            });
            return Ok(sql);
        }
    }
    let shown = match t {
        Value::Class(c) if c.module == "builtins" => format!("<class '{}'>", c.name),
        Value::Class(c) => format!("<class '{}.{}'>", c.module, c.name),
        Value::Str(s) => format!("'{s}'"),
        other => interp.str_lossy(other),
    };
    Err(sa_error(
        interp,
        "ArgumentError",
        &format!("Could not locate SQLAlchemy Core type for Python type {shown} inside the '{attr}' attribute Mapped annotation"),
    ))
}
