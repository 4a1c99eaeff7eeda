//! `datetime`, `uuid` and `decimal`: value types the files pass around (constructible, not
//! computed with), without the clock and randomness seams yet.

use std::rc::Rc;

use super::{module, native_class};
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Module, Value};
use crate::python::runtime::{Interp, PyErr};

/// A class whose instances keep their constructor arguments, for value types the playground
/// passes around without computing with them (`datetime`, `Decimal`, `UUID`).
pub(super) fn value_class(
    interp: &mut Interp<'_>,
    name: &str,
    module_name: &str,
    extra: Vec<(&str, Value)>,
) -> Result<Value, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let init = builtin("__init__", name, |interp, args, kw| {
        interp.set_attr(
            &arg(&args, 0),
            "_args",
            Value::tuple(args.get(1..).unwrap_or(&[]).to_vec()),
        )?;
        for (k, v) in kw {
            interp.set_attr(&arg(&args, 0), &k, v)?;
        }
        Ok(Value::None)
    });
    let qualified = format!("{module_name}.{name}");
    let repr = builtin("__repr__", name, move |interp, args, _| {
        let inner = interp.get_attr(&arg(&args, 0), "_args")?;
        let parts: Result<Vec<String>, PyErr> = interp
            .iterate(&inner)?
            .iter()
            .map(|v| interp.repr(v))
            .collect();
        Ok(Value::str(&format!("{qualified}({})", parts?.join(", "))))
    });
    let mut methods = vec![("__init__", init), ("__repr__", repr)];
    methods.extend(extra);
    Ok(Value::Class(native_class(
        interp,
        name,
        module_name,
        vec![object],
        methods,
    )?))
}

pub(super) fn clock_unavailable(
    interp: &mut Interp<'_>,
    _: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    Err(interp.new_error(
        "NotImplementedError",
        "reading the clock from Python is not supported in the playground yet",
    ))
}

pub(super) fn datetime(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let now = || Value::ClassMethod(Rc::new(builtin("now", "datetime", clock_unavailable)));
    let datetime = value_class(
        interp,
        "datetime",
        "datetime",
        vec![("now", now()), ("utcnow", now()), ("today", now())],
    )?;
    let date = value_class(interp, "date", "datetime", vec![("today", now())])?;
    let time = value_class(interp, "time", "datetime", Vec::new())?;
    let timedelta = value_class(interp, "timedelta", "datetime", Vec::new())?;
    let timezone = value_class(interp, "timezone", "datetime", Vec::new())?;
    let utc = interp.call(&timezone, vec![Value::str("UTC")], Vec::new())?;
    interp.set_attr(&timezone, "utc", utc.clone())?;
    Ok(module(
        interp,
        "datetime",
        vec![
            ("datetime", datetime),
            ("date", date),
            ("time", time),
            ("timedelta", timedelta),
            ("timezone", timezone),
            ("UTC", utc),
        ],
    ))
}

pub(super) fn uuid(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let uuid_cls = value_class(interp, "UUID", "uuid", Vec::new())?;
    Ok(module(
        interp,
        "uuid",
        vec![
            ("UUID", uuid_cls),
            (
                "uuid4",
                builtin("uuid4", "uuid", |interp, _, _| {
                    Err(interp.new_error(
                        "NotImplementedError",
                        "uuid4() needs randomness, which arrives with revision ids",
                    ))
                }),
            ),
        ],
    ))
}

pub(super) fn decimal(interp: &mut Interp<'_>) -> Result<Rc<Module>, PyErr> {
    let decimal = value_class(interp, "Decimal", "decimal", Vec::new())?;
    Ok(module(interp, "decimal", vec![("Decimal", decimal)]))
}
