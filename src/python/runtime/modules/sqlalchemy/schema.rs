//! `Column`, `ForeignKey`, the constraints, `Index`, `Table` and `MetaData`, plus the SQL
//! snippets a schema can hold (`text()`, `func.now()`, `true()`): Python handles onto
//! `crate::schema`. A column is a detached draft until a `Table` takes it; from then on the
//! Python object is a handle onto the table's column.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::kwarg;
use super::types::{is_type, sql_type_of, type_value};
use super::{sa_class, sa_error, schema_error};
use crate::python::runtime::builtins::arg;
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Dict, HashKey, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::schema::naming::{self, Subject};
use crate::schema::{
    self, Autoincrement, Constraint, ConstraintKind, ForeignKeySpec, Index, IndexItem, MetaData,
    Name, ServerDefault, SqlType, Table, TableRef, TypeKind,
};

/// A native `__init__`.
pub type NativeInit = fn(&mut Interp<'_>, Vec<Value>, Kwargs) -> Result<Value, PyErr>;

/// A SQL snippet a schema can hold: `text(...)`, `func.now()`, `sa.true()`.
pub struct SqlObj(pub ServerDefault);

/// `text("...")`, with values bound by `.bindparams()`.
pub struct TextObj {
    pub sql: String,
    pub binds: Vec<(String, crate::schema::dml::Value)>,
}

/// `op.f("name")` / `conv("name")`: a final name, exempt from naming conventions.
pub struct ConvName(pub String);

/// Where a foreign key points: `"table.column"` or a column object.
#[derive(Clone)]
pub struct FkDraft {
    pub schema: Option<String>,
    pub table: String,
    pub column: String,
    pub name: Name,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
    pub deferrable: Option<bool>,
    pub initially: Option<String>,
    pub match_: Option<String>,
    pub use_alter: bool,
}

pub struct FkObj(pub FkDraft);

/// A column before a table takes it.
#[derive(Clone)]
pub struct Draft {
    pub column: schema::Column,
    /// Whether `name` was given (declarative names unnamed columns after their attribute).
    pub named: bool,
    pub explicit_type: bool,
    pub explicit_nullable: bool,
    pub foreign_keys: Vec<FkDraft>,
    /// `mapped_column(...)` rather than `Column(...)`.
    pub mapped: bool,
    pub default: Value,
    pub sort_order: i64,
}

pub enum ColumnState {
    Detached(Box<Draft>),
    Attached { table: TableRef, name: String },
}

pub struct ColumnObj {
    pub state: RefCell<ColumnState>,
}

impl ColumnObj {
    pub fn draft(&self) -> Option<Draft> {
        match &*self.state.borrow() {
            ColumnState::Detached(d) => Some((**d).clone()),
            ColumnState::Attached { .. } => None,
        }
    }

    /// The column's current data, wherever it lives.
    pub fn column(&self) -> Option<schema::Column> {
        match &*self.state.borrow() {
            ColumnState::Detached(d) => Some(d.column.clone()),
            ColumnState::Attached { table, name } => table.borrow().column(name).cloned(),
        }
    }

    pub fn table(&self) -> Option<TableRef> {
        match &*self.state.borrow() {
            ColumnState::Attached { table, .. } => Some(Rc::clone(table)),
            ColumnState::Detached(_) => None,
        }
    }
}

/// A table-level constraint or index before a table takes it.
#[derive(Clone)]
pub enum ItemDraft {
    PrimaryKey {
        name: Name,
        columns: Vec<String>,
    },
    Unique {
        name: Name,
        columns: Vec<String>,
        order: u64,
    },
    Check {
        name: Name,
        sqltext: String,
        order: u64,
    },
    ForeignKey {
        name: Name,
        spec: ForeignKeySpec,
        order: u64,
    },
    Index {
        name: Name,
        items: Vec<IndexItem>,
        unique: bool,
        order: u64,
    },
}

pub struct ItemObj(pub ItemDraft);

pub struct TableObj {
    pub table: TableRef,
}

pub struct MetaObj(pub Rc<RefCell<MetaData>>);

fn set_payload<T: 'static>(obj: &Value, payload: T) {
    if let Value::Instance(inst) = obj {
        *inst.payload.borrow_mut() = Some(Rc::new(payload));
    }
}

pub fn new_object<T: 'static>(
    interp: &mut Interp<'_>,
    class: &str,
    payload: T,
) -> Result<Value, PyErr> {
    let cls = sa_class(interp, class)?;
    let obj = interp.new_instance(&cls);
    set_payload(&obj, payload);
    Ok(obj)
}

fn opt_str(interp: &mut Interp<'_>, v: Option<Value>) -> Option<String> {
    match v {
        None | Some(Value::None) => None,
        Some(Value::Str(ref s)) => Some(s.to_string()),
        Some(other) => Some(interp.str_lossy(&other)),
    }
}

fn opt_bool(interp: &mut Interp<'_>, v: Option<Value>) -> Result<Option<bool>, PyErr> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(interp.truthy(&v)?)),
    }
}

/// A constraint's `name=`: a string, `None`, or a final `conv()`/`op.f()` name.
pub fn name_arg(interp: &mut Interp<'_>, v: Option<Value>) -> Name {
    if let Some(v) = &v {
        if let Some(c) = v.payload::<ConvName>() {
            return Name {
                value: Some(c.0.clone()),
                conv: true,
            };
        }
    }
    Name::given(opt_str(interp, v))
}

/// A SQL snippet as text: `text()`, `func.*()`, a string (verbatim, as `CheckConstraint`
/// takes it) or a Python literal.
pub fn sql_text(interp: &mut Interp<'_>, v: &Value) -> String {
    if let Some(t) = v.payload::<TextObj>() {
        return t.sql.clone();
    }
    if let Some(s) = v.payload::<SqlObj>() {
        return schema::ddl::default_sql(schema::Dialect::Sqlite, &s.0);
    }
    if let Some(c) = v.payload::<ColumnObj>() {
        return c.column().map(|c| c.name).unwrap_or_default();
    }
    match v {
        Value::Str(s) => s.to_string(),
        other => interp.str_lossy(other),
    }
}

/// A value passed to a SQL function or as a server default, rendered as SQL.
fn sql_literal(interp: &mut Interp<'_>, v: &Value) -> String {
    match v {
        Value::Str(s) => schema::ddl::literal(s),
        Value::None => "NULL".into(),
        Value::Bool(b) => if *b { "1" } else { "0" }.into(),
        other => sql_text(interp, other),
    }
}

// ---- text(), func, true(), false(), conv() ----

pub fn text(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let s = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(interp.type_error("text() missing 1 required positional argument: 'text'")),
    };
    new_object(
        interp,
        "TextClause",
        TextObj {
            sql: s,
            binds: Vec::new(),
        },
    )
}

pub fn boolean(interp: &mut Interp<'_>, value: bool) -> Result<Value, PyErr> {
    let class = if value { "True_" } else { "False_" };
    new_object(interp, class, SqlObj(ServerDefault::Bool(value)))
}

pub fn conv(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let name = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => interp.str_lossy(other),
        None => {
            return Err(interp.type_error("conv() missing 1 required positional argument: 'value'"))
        }
    };
    new_object(interp, "conv", ConvName(name))
}

/// `func.<name>`: a callable building `name(args)`.
pub fn func_getattr(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let name = arg(&args, 1).as_str().unwrap_or_default().to_string();
    if name.starts_with("__") {
        return Err(interp.new_error("AttributeError", &name));
    }
    Ok(crate::python::runtime::builtins::builtin(
        &name.clone(),
        "func",
        move |interp, args, _| {
            let rendered: Vec<String> = args.iter().map(|a| sql_literal(interp, a)).collect();
            new_object(
                interp,
                "Function",
                SqlObj(ServerDefault::Func {
                    name: name.clone(),
                    args: rendered,
                }),
            )
        },
    ))
}

pub fn server_default(interp: &mut Interp<'_>, v: Value) -> Result<Option<ServerDefault>, PyErr> {
    Ok(match &v {
        Value::None => None,
        Value::Str(s) => Some(ServerDefault::Literal(s.to_string())),
        _ if v.payload::<TextObj>().is_some() => {
            let t = v.payload::<TextObj>().expect("checked");
            Some(ServerDefault::Sql(t.sql.clone()))
        }
        _ => match v.payload::<SqlObj>() {
            Some(s) => Some(s.0.clone()),
            None => {
                let t = interp.type_name(&v);
                return Err(sa_error(
                    interp,
                    "ArgumentError",
                    &format!("Argument 'arg' is expected to be one of type '<class 'str'>' or '<class 'sqlalchemy.sql.elements.ClauseElement'>' or '<class 'sqlalchemy.sql.elements.TextClause'>', got '<class '{t}'>'"),
                ));
            }
        },
    })
}

// ---- ForeignKey ----

/// `"table.col"` or `"schema.table.col"`, or a column (`User.id`, `table.c.id`).
fn fk_target(
    interp: &mut Interp<'_>,
    target: &Value,
) -> Result<(Option<String>, String, String), PyErr> {
    if let Some(c) = target.payload::<ColumnObj>() {
        if let (Some(t), Some(col)) = (c.table(), c.column()) {
            let t = t.borrow();
            return Ok((t.schema.clone(), t.name.clone(), col.name));
        }
    }
    let Value::Str(s) = target else {
        let r = interp.str_lossy(target);
        return Err(sa_error(
            interp,
            "ArgumentError",
            &format!("Parent column '{r}' does not descend from a table-attached Column"),
        ));
    };
    let parts: Vec<&str> = s.split('.').collect();
    match parts.as_slice() {
        [table, column] => Ok((None, table.to_string(), column.to_string())),
        [schema, table, column] => Ok((
            Some(schema.to_string()),
            table.to_string(),
            column.to_string(),
        )),
        _ => Err(sa_error(
            interp,
            "ArgumentError",
            &format!("Invalid foreign key column specification: {s}"),
        )),
    }
}

pub fn foreign_key(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let Some(target) = args.get(1).cloned().or_else(|| kwarg(&kw, "column")) else {
        return Err(interp
            .type_error("ForeignKey.__init__() missing 1 required positional argument: 'column'"));
    };
    let (schema, table, column) = fk_target(interp, &target)?;
    let draft = FkDraft {
        schema,
        table,
        column,
        name: name_arg(interp, kwarg(&kw, "name")),
        ondelete: opt_str(interp, kwarg(&kw, "ondelete")),
        onupdate: opt_str(interp, kwarg(&kw, "onupdate")),
        deferrable: opt_bool(interp, kwarg(&kw, "deferrable"))?,
        initially: opt_str(interp, kwarg(&kw, "initially")),
        match_: opt_str(interp, kwarg(&kw, "match")),
        use_alter: opt_bool(interp, kwarg(&kw, "use_alter"))?.unwrap_or(false),
    };
    set_payload(&arg(&args, 0), FkObj(draft));
    Ok(Value::None)
}

// ---- Column and mapped_column ----

/// `Column(name?, type?, *items, **options)` and `mapped_column(...)`.
pub fn column_init(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
    mapped: bool,
) -> Result<Value, PyErr> {
    let mut rest: &[Value] = args.get(1..).unwrap_or_default();
    let mut name = None;
    if let Some(Value::Str(s)) = rest.first() {
        name = Some(s.to_string());
        rest = &rest[1..];
    }
    if let Some(Value::Str(ref s)) = kwarg(&kw, "name") {
        name = Some(s.to_string());
    }
    let mut type_ = None;
    if let Some(first) = rest.first() {
        if is_type(first) {
            type_ = Some(sql_type_of(interp, first)?);
            rest = &rest[1..];
        }
    }
    if let Some(t) = kwarg(&kw, "type_") {
        if !t.is_none() {
            type_ = Some(sql_type_of(interp, &t)?);
        }
    }
    let explicit_type = type_.is_some();
    let mut column = schema::Column::new(
        name.as_deref().unwrap_or(""),
        type_.unwrap_or_else(|| SqlType::new(TypeKind::NullType)),
    );
    let mut foreign_keys = Vec::new();
    for item in rest {
        if let Some(fk) = item.payload::<FkObj>() {
            foreign_keys.push(fk.0.clone());
        } else if let Some(ItemObj(ItemDraft::Check {
            name,
            sqltext,
            order,
        })) = item.payload::<ItemObj>().as_deref()
        {
            column.checks.push(Constraint {
                name: name.clone(),
                order: *order,
                kind: ConstraintKind::Check {
                    sqltext: sqltext.clone(),
                },
                type_check: false,
            });
        } else if let Some(c) = item.payload::<ItemObj>() {
            let _ = c;
            return Err(sa_error(
                interp,
                "ArgumentError",
                "Column-level constraints other than CHECK are given as arguments of the Table",
            ));
        } else {
            let r = interp.repr(item)?;
            return Err(sa_error(
                interp,
                "ArgumentError",
                &format!(
                    "'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {r}"
                ),
            ));
        }
    }
    column.primary_key = match kwarg(&kw, "primary_key") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    let nullable = kwarg(&kw, "nullable");
    let explicit_nullable = matches!(nullable, Some(Value::Bool(_)));
    column.nullable = match nullable {
        Some(Value::Bool(b)) => b,
        _ => !column.primary_key,
    };
    if let Some(Value::Str(ref k)) = kwarg(&kw, "key") {
        column.key = k.to_string();
    } else {
        column.key = column.name.clone();
    }
    column.autoincrement = match kwarg(&kw, "autoincrement") {
        Some(Value::Bool(true)) => Autoincrement::Yes,
        Some(Value::Bool(false)) => Autoincrement::No,
        Some(Value::Str(ref s)) if &**s == "ignore_fk" => Autoincrement::IgnoreFk,
        _ => Autoincrement::Auto,
    };
    if let Some(d) = kwarg(&kw, "server_default") {
        column.server_default = server_default(interp, d)?;
    }
    let default = kwarg(&kw, "default")
        .or_else(|| kwarg(&kw, "insert_default"))
        .unwrap_or(Value::None);
    column.has_default = !default.is_none() || kwarg(&kw, "default_factory").is_some();
    column.default_repr = default_repr(interp, &default)?;
    let onupdate = kwarg(&kw, "onupdate").unwrap_or(Value::None);
    column.onupdate_repr = default_repr(interp, &onupdate)?;
    column.onupdate = !onupdate.is_none();
    column.server_onupdate = kwarg(&kw, "server_onupdate").is_some_and(|v| !v.is_none());
    column.unique = opt_bool(interp, kwarg(&kw, "unique"))?;
    column.index = opt_bool(interp, kwarg(&kw, "index"))?;
    column.comment = opt_str(interp, kwarg(&kw, "comment"));
    let sort_order = match kwarg(&kw, "sort_order") {
        Some(Value::Int(n)) => n,
        _ => 0,
    };
    let draft = Draft {
        column,
        named: name.is_some(),
        explicit_type,
        explicit_nullable,
        foreign_keys,
        mapped,
        default,
        sort_order,
    };
    set_payload(
        &arg(&args, 0),
        ColumnObj {
            state: RefCell::new(ColumnState::Detached(Box::new(draft))),
        },
    );
    Ok(Value::None)
}

/// A new detached column object holding `draft` (mixin columns are copied this way).
pub fn column_from_draft(interp: &mut Interp<'_>, draft: Draft) -> Result<Value, PyErr> {
    let class = if draft.mapped {
        "MappedColumn"
    } else {
        "Column"
    };
    new_object(
        interp,
        class,
        ColumnObj {
            state: RefCell::new(ColumnState::Detached(Box::new(draft))),
        },
    )
}

/// A handle onto a column of a table (`table.c.name`, `User.name`).
pub fn column_handle(
    interp: &mut Interp<'_>,
    class: &str,
    table: &TableRef,
    name: &str,
) -> Result<Value, PyErr> {
    new_object(
        interp,
        class,
        ColumnObj {
            state: RefCell::new(ColumnState::Attached {
                table: Rc::clone(table),
                name: name.to_string(),
            }),
        },
    )
}

pub fn column_getattr(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = arg(&args, 1).as_str().unwrap_or_default().to_string();
    let Some(obj) = this.payload::<ColumnObj>() else {
        return Err(interp.new_error("AttributeError", &name));
    };
    let Some(col) = obj.column() else {
        return Err(interp.new_error("AttributeError", &name));
    };
    let opt = |s: &Option<String>| s.as_deref().map_or(Value::None, Value::str);
    Ok(match name.as_str() {
        "name" => Value::str(&col.name),
        "key" => Value::str(&col.key),
        "type" => type_value(interp, &col.type_)?,
        "nullable" => Value::Bool(col.nullable),
        "primary_key" => Value::Bool(col.primary_key),
        "unique" => col.unique.map_or(Value::None, Value::Bool),
        "index" => col.index.map_or(Value::None, Value::Bool),
        "comment" => opt(&col.comment),
        "autoincrement" => match col.autoincrement {
            Autoincrement::Auto => Value::str("auto"),
            Autoincrement::Yes => Value::Bool(true),
            Autoincrement::No => Value::Bool(false),
            Autoincrement::IgnoreFk => Value::str("ignore_fk"),
        },
        "table" => match obj.table() {
            Some(t) => table_object(interp, &t, None)?,
            None => Value::None,
        },
        "server_default" => match &col.server_default {
            Some(d) => new_object(interp, "DefaultClause", SqlObj(d.clone()))?,
            None => Value::None,
        },
        "default" => match obj.draft() {
            Some(d) => d.default,
            None => Value::None,
        },
        _ => {
            let cls = interp.type_name(&this);
            return Err(interp.new_error(
                "AttributeError",
                &format!("'{cls}' object has no attribute '{name}'"),
            ));
        }
    })
}

// ---- constraints and Index ----

/// Column arguments of a constraint or index: names, or column objects.
fn column_names(interp: &mut Interp<'_>, items: &[Value]) -> Result<Vec<String>, PyErr> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Value::Str(s) => out.push(s.to_string()),
            other => match other.payload::<ColumnObj>().and_then(|c| c.column()) {
                Some(c) => out.push(c.name),
                None => {
                    let r = interp.repr(other)?;
                    return Err(sa_error(
                        interp,
                        "ArgumentError",
                        &format!("Can't create constraint on {r}: a column name or Column object is expected"),
                    ));
                }
            },
        }
    }
    Ok(out)
}

pub fn unique_constraint(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let columns = column_names(interp, args.get(1..).unwrap_or_default())?;
    let draft = ItemDraft::Unique {
        name: name_arg(interp, kwarg(&kw, "name")),
        columns,
        order: schema::next_order(),
    };
    set_payload(&arg(&args, 0), ItemObj(draft));
    Ok(Value::None)
}

pub fn primary_key_constraint(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let columns = column_names(interp, args.get(1..).unwrap_or_default())?;
    let draft = ItemDraft::PrimaryKey {
        name: name_arg(interp, kwarg(&kw, "name")),
        columns,
    };
    set_payload(&arg(&args, 0), ItemObj(draft));
    Ok(Value::None)
}

pub fn check_constraint(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let Some(sql) = args.get(1).cloned().or_else(|| kwarg(&kw, "sqltext")) else {
        return Err(interp.type_error(
            "CheckConstraint.__init__() missing 1 required positional argument: 'sqltext'",
        ));
    };
    let draft = ItemDraft::Check {
        name: name_arg(interp, args.get(2).cloned().or_else(|| kwarg(&kw, "name"))),
        sqltext: sql_text(interp, &sql),
        order: schema::next_order(),
    };
    set_payload(&arg(&args, 0), ItemObj(draft));
    Ok(Value::None)
}

pub fn foreign_key_constraint(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let cols = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(&kw, "columns"))
        .unwrap_or(Value::None);
    let refs = args
        .get(2)
        .cloned()
        .or_else(|| kwarg(&kw, "refcolumns"))
        .unwrap_or(Value::None);
    let cols = interp.iterate(&cols)?;
    let refs = interp.iterate(&refs)?;
    let columns = column_names(interp, &cols)?;
    let mut spec = ForeignKeySpec {
        columns,
        ..ForeignKeySpec::default()
    };
    for r in &refs {
        let (schema, table, column) = fk_target(interp, r)?;
        spec.ref_schema = schema;
        spec.ref_table = table;
        spec.ref_columns.push(column);
    }
    if spec.columns.len() != spec.ref_columns.len() {
        return Err(sa_error(
            interp,
            "ArgumentError",
            "ForeignKeyConstraint number of constrained columns must match the number of referenced columns.",
        ));
    }
    spec.ondelete = opt_str(interp, kwarg(&kw, "ondelete"));
    spec.onupdate = opt_str(interp, kwarg(&kw, "onupdate"));
    spec.deferrable = opt_bool(interp, kwarg(&kw, "deferrable"))?;
    spec.initially = opt_str(interp, kwarg(&kw, "initially"));
    spec.match_ = opt_str(interp, kwarg(&kw, "match"));
    spec.use_alter = opt_bool(interp, kwarg(&kw, "use_alter"))?.unwrap_or(false);
    let draft = ItemDraft::ForeignKey {
        name: name_arg(interp, kwarg(&kw, "name")),
        spec,
        order: schema::next_order(),
    };
    set_payload(&arg(&args, 0), ItemObj(draft));
    Ok(Value::None)
}

pub fn index(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let name = name_arg(interp, args.get(1).cloned());
    let mut items = Vec::new();
    for item in args.get(2..).unwrap_or_default() {
        if let Some(t) = item.payload::<TextObj>() {
            items.push(IndexItem::Expression(t.sql.clone()));
        } else if let Some(s) = item.payload::<SqlObj>() {
            items.push(IndexItem::Expression(schema::ddl::default_sql(
                schema::Dialect::Sqlite,
                &s.0,
            )));
        } else {
            let names = column_names(interp, std::slice::from_ref(item))?;
            items.extend(names.into_iter().map(IndexItem::Column));
        }
    }
    let unique = opt_bool(interp, kwarg(&kw, "unique"))?.unwrap_or(false);
    let draft = ItemDraft::Index {
        name,
        items,
        unique,
        order: schema::next_order(),
    };
    set_payload(&arg(&args, 0), ItemObj(draft));
    Ok(Value::None)
}

// ---- MetaData and Table ----

pub fn metadata_init(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let mut md = MetaData::default();
    if let Some(Value::Str(ref s)) = args.get(1).cloned().or_else(|| kwarg(&kw, "schema")) {
        md.schema = Some(s.to_string());
    }
    if let Some(Value::Dict(ref d)) = kwarg(&kw, "naming_convention") {
        md.naming_convention.clear();
        let entries: Vec<(Value, Value)> = d.borrow().entries.values().cloned().collect();
        for (k, v) in entries {
            let key = match &k {
                Value::Str(s) => s.to_string(),
                Value::Class(c) => convention_key_for_class(&c.name).to_string(),
                other => interp.str_lossy(other),
            };
            let value = interp.str_lossy(&v);
            md.naming_convention.push((key, value));
        }
        // The default convention for indexes stays unless it is replaced.
        if !md.naming_convention.iter().any(|(k, _)| k == "ix") {
            md.naming_convention
                .insert(0, ("ix".into(), "ix_%(column_0_label)s".into()));
        }
    }
    let this = arg(&args, 0);
    set_payload(&this, MetaObj(Rc::new(RefCell::new(md))));
    let tables = Value::Dict(Rc::new(RefCell::new(Dict::default())));
    if let Value::Instance(inst) = &this {
        inst.dict.borrow_mut().insert(Rc::from("tables"), tables);
        inst.dict.borrow_mut().insert(
            Rc::from("naming_convention"),
            kwarg(&kw, "naming_convention").unwrap_or(Value::None),
        );
    }
    Ok(Value::None)
}

fn convention_key_for_class(name: &str) -> &'static str {
    match name {
        "UniqueConstraint" => "uq",
        "CheckConstraint" => "ck",
        "ForeignKeyConstraint" => "fk",
        "PrimaryKeyConstraint" => "pk",
        _ => "ix",
    }
}

/// The Python `Table` object for a table (one per table: kept in its MetaData's `tables`).
pub fn table_object(
    interp: &mut Interp<'_>,
    table: &TableRef,
    md: Option<&Value>,
) -> Result<Value, PyErr> {
    if let Some(md) = md {
        let tables = interp.get_attr(md, "tables")?;
        let key = Value::str(&table.borrow().key());
        if let Value::Dict(d) = &tables {
            if let Some(v) = d
                .borrow()
                .get(&HashKey::Str(Rc::from(table.borrow().key().as_str())))
            {
                return Ok(v.clone());
            }
        }
        let _ = key;
    }
    new_object(
        interp,
        "Table",
        TableObj {
            table: Rc::clone(table),
        },
    )
}

pub fn metadata_of(value: &Value) -> Option<Rc<RefCell<MetaData>>> {
    value.payload::<MetaObj>().map(|m| Rc::clone(&m.0))
}

/// `Table(name, metadata, *columns_and_constraints, **options)`.
pub fn table_init(interp: &mut Interp<'_>, args: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let Some(Value::Str(ref name)) = args.get(1).cloned() else {
        return Err(interp.type_error("Table() missing 1 required positional argument: 'name'"));
    };
    let md_value = args.get(2).cloned().unwrap_or(Value::None);
    let Some(md) = metadata_of(&md_value) else {
        let shown = interp.str_lossy(&md_value);
        return Err(sa_error(
            interp,
            "ArgumentError",
            &format!("expected MetaData object as second argument to Table, got {shown}"),
        ));
    };
    let schema = opt_str(interp, kwarg(&kw, "schema")).or_else(|| md.borrow().schema.clone());
    let table = Table::new(name, schema);
    let key = table.key();
    let extend = kwarg(&kw, "extend_existing").is_some_and(|v| matches!(v, Value::Bool(true)));
    if md.borrow().tables.contains_key(&key) && !extend {
        let mut err = sa_error(
            interp,
            "InvalidRequestError",
            &format!("Table '{key}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object."),
        );
        if let Some(frames) = crate::command::recorded_frames(Some("sqlalchemy"), "table_exists") {
            err.traceback
                .extend(crate::python::runtime::error::TracebackEntry::verbatim_frames(&frames));
        }
        return Err(err);
    }
    let table: TableRef = Rc::new(RefCell::new(table));
    {
        let mut t = table.borrow_mut();
        t.comment = opt_str(interp, kwarg(&kw, "comment"));
        t.sqlite_autoincrement =
            opt_bool(interp, kwarg(&kw, "sqlite_autoincrement"))?.unwrap_or(false);
    }
    let items: Vec<Value> = args.get(3..).unwrap_or_default().to_vec();
    build_table(interp, &table, &md, &items)?;
    md.borrow_mut()
        .tables
        .insert(key.clone(), Rc::clone(&table));
    set_payload(
        &this,
        TableObj {
            table: Rc::clone(&table),
        },
    );
    let tables = interp.get_attr(&md_value, "tables")?;
    if let Value::Dict(d) = &tables {
        let k: Rc<str> = Rc::from(key.as_str());
        d.borrow_mut()
            .insert(HashKey::Str(Rc::clone(&k)), Value::Str(k), this.clone());
    }
    if let Value::Instance(inst) = &this {
        inst.dict
            .borrow_mut()
            .insert(Rc::from("metadata"), md_value);
    }
    Ok(Value::None)
}

/// Attaches columns, then table-level constraints and indexes, applying naming conventions.
pub fn build_table(
    interp: &mut Interp<'_>,
    table: &TableRef,
    md: &Rc<RefCell<MetaData>>,
    items: &[Value],
) -> Result<(), PyErr> {
    let convention = md.borrow().naming_convention.clone();
    for item in items {
        if let Some(col) = item.payload::<ColumnObj>() {
            attach_column(interp, table, &col, &convention)?;
        }
    }
    for item in items {
        if item.payload::<ColumnObj>().is_some() {
            continue;
        }
        let Some(obj) = item.payload::<ItemObj>() else {
            if item.is_none() {
                continue;
            }
            let r = interp.repr(item)?;
            return Err(sa_error(
                interp,
                "ArgumentError",
                &format!(
                    "'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got {r}"
                ),
            ));
        };
        attach_item(interp, table, &obj.0, &convention)?;
    }
    // The primary key's convention name needs its columns, so it comes last.
    let mut t = table.borrow_mut();
    if !t.primary_key.columns.is_empty() {
        let pk = t.primary_key.clone();
        let subject = Subject {
            table: &t,
            columns: &pk.columns,
            foreign_key: None,
        };
        let name = naming::apply(&convention, "pk", &pk.name, &subject)
            .map_err(|e| schema_error(interp, e))?;
        t.primary_key.name = name;
    }
    Ok(())
}

fn check_columns(
    interp: &mut Interp<'_>,
    table: &Table,
    what: &str,
    columns: &[String],
) -> Result<(), PyErr> {
    for c in columns {
        if table.column_by_key(c).is_none() {
            return Err(sa_error(
                interp,
                "ArgumentError",
                &format!(
                    "Can't create {what} on table '{}': no column named '{c}' is present.",
                    table.name
                ),
            ));
        }
    }
    Ok(())
}

fn attach_item(
    interp: &mut Interp<'_>,
    table: &TableRef,
    item: &ItemDraft,
    convention: &[(String, String)],
) -> Result<(), PyErr> {
    let mut t = table.borrow_mut();
    let to_names = |t: &Table, cols: &[String]| -> Vec<String> {
        cols.iter()
            .map(|c| {
                t.column_by_key(c)
                    .map(|col| col.name.clone())
                    .unwrap_or_else(|| c.clone())
            })
            .collect()
    };
    match item {
        ItemDraft::PrimaryKey { name, columns } => {
            check_columns(interp, &t, "PrimaryKeyConstraint", columns)?;
            let columns = to_names(&t, columns);
            for col in t.columns.iter_mut() {
                if columns.contains(&col.name) {
                    col.primary_key = true;
                    col.nullable = false;
                } else {
                    col.primary_key = false;
                }
            }
            t.primary_key.name = name.clone();
            t.primary_key.columns = columns;
        }
        ItemDraft::Unique {
            name,
            columns,
            order,
        } => {
            check_columns(interp, &t, "UniqueConstraint", columns)?;
            let columns = to_names(&t, columns);
            let kind = ConstraintKind::Unique {
                columns: columns.clone(),
            };
            let name = apply_convention(interp, &t, convention, "uq", name, &columns, None)?;
            t.add_constraint(Constraint {
                name,
                order: *order,
                kind,
                type_check: false,
            });
        }
        ItemDraft::Check {
            name,
            sqltext,
            order,
        } => {
            let name = apply_convention(interp, &t, convention, "ck", name, &[], None)?;
            t.add_constraint(Constraint {
                name,
                order: *order,
                kind: ConstraintKind::Check {
                    sqltext: sqltext.clone(),
                },
                type_check: false,
            });
        }
        ItemDraft::ForeignKey { name, spec, order } => {
            check_columns(interp, &t, "ForeignKeyConstraint", &spec.columns)?;
            let mut spec = spec.clone();
            spec.columns = to_names(&t, &spec.columns);
            let name = apply_convention(
                interp,
                &t,
                convention,
                "fk",
                name,
                &spec.columns,
                Some(&spec),
            )?;
            t.add_constraint(Constraint {
                name,
                order: *order,
                kind: ConstraintKind::ForeignKey(spec),
                type_check: false,
            });
        }
        ItemDraft::Index {
            name,
            items,
            unique,
            order,
        } => {
            let cols: Vec<String> = items
                .iter()
                .filter_map(|i| match i {
                    IndexItem::Column(c) => Some(c.clone()),
                    IndexItem::Expression(_) => None,
                })
                .collect();
            check_columns(interp, &t, "Index", &cols)?;
            let items: Vec<IndexItem> = items
                .iter()
                .map(|i| match i {
                    IndexItem::Column(c) => IndexItem::Column(
                        t.column_by_key(c)
                            .map(|col| col.name.clone())
                            .unwrap_or_else(|| c.clone()),
                    ),
                    other => other.clone(),
                })
                .collect();
            let names: Vec<String> = to_names(&t, &cols);
            let name = apply_convention(interp, &t, convention, "ix", name, &names, None)?;
            if name.value.is_none() {
                return Err(sa_error(interp, "ArgumentError", "Index must have a name"));
            }
            t.add_index(Index {
                name,
                order: *order,
                columns: items,
                unique: *unique,
            });
        }
    }
    Ok(())
}

fn apply_convention(
    interp: &mut Interp<'_>,
    t: &Table,
    convention: &[(String, String)],
    key: &str,
    name: &Name,
    columns: &[String],
    fk: Option<&ForeignKeySpec>,
) -> Result<Name, PyErr> {
    let subject = Subject {
        table: t,
        columns,
        foreign_key: fk,
    };
    naming::apply(convention, key, name, &subject).map_err(|e| schema_error(interp, e))
}

/// Adds a column to a table with what it implies: primary key membership, `unique=True` and
/// `index=True`, foreign keys, and the CHECK of a non-native enum.
pub fn attach_column(
    interp: &mut Interp<'_>,
    table: &TableRef,
    col: &ColumnObj,
    convention: &[(String, String)],
) -> Result<(), PyErr> {
    let Some(draft) = col.draft() else {
        let (name, other) = match &*col.state.borrow() {
            ColumnState::Attached { table, name } => (name.clone(), table.borrow().name.clone()),
            ColumnState::Detached(_) => unreachable!("draft() is Some for detached columns"),
        };
        return Err(sa_error(
            interp,
            "ArgumentError",
            &format!("Column object '{name}' already assigned to Table '{other}'"),
        ));
    };
    let mut column = draft.column.clone();
    if column.name.is_empty() {
        return Err(sa_error(
            interp,
            "ArgumentError",
            "Column must be constructed with a non-blank name or assign a non-blank .name before adding to a Table.",
        ));
    }
    if column.key.is_empty() {
        column.key = column.name.clone();
    }
    let mut t = table.borrow_mut();
    if t.column(&column.name).is_some() {
        let table_name = t.name.clone();
        drop(t);
        return Err(sa_error(
            interp,
            "DuplicateColumnError",
            &format!(
                "A column with name '{}' is already present in table '{table_name}'.",
                column.name
            ),
        ));
    }
    let name = column.name.clone();
    if column.primary_key {
        column.nullable = column.nullable && draft.explicit_nullable;
        t.primary_key.columns.push(name.clone());
    }
    // A non-native Enum or Boolean(create_constraint=True) adds a CHECK on its values.
    let type_check = match (&column.type_.enum_spec, &column.type_.bool_check) {
        (Some(spec), _) if spec.create_constraint => {
            let quoted: Vec<String> = spec
                .values
                .iter()
                .map(|v| schema::ddl::literal(v))
                .collect();
            Some((spec.name.clone(), quoted.join(", ")))
        }
        (_, Some(name)) => Some((name.clone(), "0, 1".to_string())),
        _ => None,
    };
    t.columns.push(column.clone());
    let names = vec![name.clone()];
    if column.index == Some(true) {
        let idx_name =
            apply_convention(interp, &t, convention, "ix", &Name::default(), &names, None)?;
        let unique = column.unique == Some(true);
        t.add_index(Index {
            name: idx_name,
            order: schema::next_order(),
            columns: vec![IndexItem::Column(name.clone())],
            unique,
        });
    } else if column.unique == Some(true) {
        let uq = apply_convention(interp, &t, convention, "uq", &Name::default(), &names, None)?;
        t.add_constraint(Constraint::new(
            uq,
            ConstraintKind::Unique {
                columns: names.clone(),
            },
        ));
    }
    for fk in &draft.foreign_keys {
        let spec = ForeignKeySpec {
            columns: names.clone(),
            ref_schema: fk.schema.clone(),
            ref_table: fk.table.clone(),
            ref_columns: vec![fk.column.clone()],
            ondelete: fk.ondelete.clone(),
            onupdate: fk.onupdate.clone(),
            deferrable: fk.deferrable,
            initially: fk.initially.clone(),
            match_: fk.match_.clone(),
            use_alter: fk.use_alter,
        };
        let fk_name =
            apply_convention(interp, &t, convention, "fk", &fk.name, &names, Some(&spec))?;
        t.add_constraint(Constraint::new(fk_name, ConstraintKind::ForeignKey(spec)));
    }
    if let Some((check_name, values)) = type_check {
        let sqltext = format!(
            "{} IN ({values})",
            schema::ddl::quote(schema::Dialect::Sqlite, &name)
        );
        let ck = apply_convention(
            interp,
            &t,
            convention,
            "ck",
            &Name::given(check_name),
            &names,
            None,
        )?;
        let mut c = Constraint::new(ck, ConstraintKind::Check { sqltext });
        c.type_check = true;
        t.add_constraint(c);
    }
    drop(t);
    *col.state.borrow_mut() = ColumnState::Attached {
        table: Rc::clone(table),
        name,
    };
    Ok(())
}

/// `table.c`: the columns by key, as a read-only namespace.
pub fn table_getattr(interp: &mut Interp<'_>, args: Vec<Value>, _: Kwargs) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = arg(&args, 1).as_str().unwrap_or_default().to_string();
    let Some(obj) = this.payload::<TableObj>() else {
        return Err(interp.new_error("AttributeError", &name));
    };
    let table = Rc::clone(&obj.table);
    match name.as_str() {
        "name" => Ok(Value::str(&table.borrow().name)),
        "schema" => Ok(table
            .borrow()
            .schema
            .as_deref()
            .map_or(Value::None, Value::str)),
        "fullname" | "key" => Ok(Value::str(&table.borrow().key())),
        "comment" => Ok(table
            .borrow()
            .comment
            .as_deref()
            .map_or(Value::None, Value::str)),
        "c" | "columns" => {
            let collection = new_object(
                interp,
                "ColumnCollection",
                TableObj {
                    table: Rc::clone(&table),
                },
            )?;
            Ok(collection)
        }
        _ => {
            let cls = interp.type_name(&this);
            Err(interp.new_error(
                "AttributeError",
                &format!("'{cls}' object has no attribute '{name}'"),
            ))
        }
    }
}

pub fn collection_getattr(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let name = arg(&args, 1).as_str().unwrap_or_default().to_string();
    let Some(obj) = this.payload::<TableObj>() else {
        return Err(interp.new_error("AttributeError", &name));
    };
    let found = obj
        .table
        .borrow()
        .column_by_key(&name)
        .map(|c| c.name.clone());
    match found {
        Some(col) => column_handle(interp, "Column", &obj.table, &col),
        None => Err(interp.new_error("AttributeError", &name)),
    }
}

pub fn collection_iter(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let Some(obj) = this.payload::<TableObj>() else {
        return Ok(Value::list(Vec::new()));
    };
    let names: Vec<String> = obj
        .table
        .borrow()
        .columns
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let mut items = Vec::new();
    for n in names {
        items.push(column_handle(interp, "Column", &obj.table, &n)?);
    }
    Ok(Value::Iterator(Rc::new(RefCell::new(items.into_iter()))))
}

/// SQLAlchemy's repr of the wrapper a `default=` or `onupdate=` value gets: callables
/// become `CallableColumnDefault(<function ...>)`, anything else
/// `ScalarElementColumnDefault(value)`.
fn default_repr(interp: &mut Interp<'_>, value: &Value) -> Result<Option<String>, PyErr> {
    if value.is_none() {
        return Ok(None);
    }
    Ok(Some(match value {
        // The stdlib's callables (`uuid.uuid4`, `datetime.utcnow`) are Python functions in
        // CPython, native ones here.
        Value::Builtin(b) => format!(
            "CallableColumnDefault(<function {} at 0x{:012x}>)",
            b.name,
            std::rc::Rc::as_ptr(b) as usize
        ),
        Value::Function(_) | Value::BoundMethod(_) | Value::Class(_) => {
            format!("CallableColumnDefault({})", interp.repr(value)?)
        }
        _ => format!("ScalarElementColumnDefault({})", interp.repr(value)?),
    }))
}
