//! Naming conventions (`MetaData(naming_convention=...)`): the `%(token)s` templates that give
//! unnamed constraints and indexes their names when they join a table.

use super::{ForeignKeySpec, Name, SchemaError, Table};

/// What a template can refer to: the table, the constrained columns and, for foreign keys, the
/// referred table and columns.
pub struct Subject<'a> {
    pub table: &'a Table,
    pub columns: &'a [String],
    pub foreign_key: Option<&'a ForeignKeySpec>,
}

/// The name a constraint gets under `convention` (key `ix`, `uq`, `ck`, `fk` or `pk`).
/// As in SQLAlchemy, a convention applies to unnamed constraints, and to named ones only when
/// it uses `%(constraint_name)s`; final names (`op.f`, `conv`) are kept as they are.
pub fn apply(
    convention: &[(String, String)],
    key: &str,
    name: &Name,
    subject: &Subject<'_>,
) -> Result<Name, SchemaError> {
    if name.conv {
        return Ok(name.clone());
    }
    let Some((_, template)) = convention.iter().find(|(k, _)| k == key) else {
        return Ok(name.clone());
    };
    if name.value.is_some() && !template.contains("%(constraint_name)s") {
        return Ok(name.clone());
    }
    let value = expand(template, name.as_deref(), subject)?;
    Ok(Name {
        value: Some(value),
        conv: true,
    })
}

fn expand(template: &str, name: Option<&str>, s: &Subject<'_>) -> Result<String, SchemaError> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('%') {
            out.push('%');
            rest = tail;
            continue;
        }
        let Some(body) = after.strip_prefix('(') else {
            out.push('%');
            rest = after;
            continue;
        };
        let Some(close) = body.find(")s") else {
            out.push('%');
            rest = after;
            continue;
        };
        out.push_str(&token(&body[..close], name, s)?);
        rest = &body[close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn token(token: &str, name: Option<&str>, s: &Subject<'_>) -> Result<String, SchemaError> {
    let table = &s.table.name;
    match token {
        "table_name" => return Ok(table.clone()),
        "constraint_name" => {
            return name.map(str::to_string).ok_or_else(|| {
                SchemaError::new(
                    "InvalidRequestError",
                    "Naming convention including %(constraint_name)s token requires that constraint is explicitly named.",
                )
            })
        }
        "referred_table_name" => {
            if let Some(fk) = s.foreign_key {
                return Ok(fk.ref_table.clone());
            }
        }
        _ => {}
    }
    // column_0_name, column_0N_name, column_0_N_name, and the same for _key, _label and
    // referred_column_*.
    let (columns, rest): (Vec<String>, &str) =
        if let Some(rest) = token.strip_prefix("referred_column_") {
            let refs = s.foreign_key.map(|fk| fk.ref_columns.clone());
            (refs.unwrap_or_default(), rest)
        } else if let Some(rest) = token.strip_prefix("column_") {
            (s.columns.to_vec(), rest)
        } else {
            return Err(unknown(token));
        };
    let (which, attr) = rest.split_once('_').ok_or_else(|| unknown(token))?;
    let render = |col: &str| -> String {
        match attr {
            "label" => format!("{table}_{col}"),
            "key" => s
                .table
                .column(col)
                .map(|c| c.key.clone())
                .unwrap_or_else(|| col.to_string()),
            _ => col.to_string(),
        }
    };
    let attr_name = attr.strip_prefix("N_").unwrap_or(attr);
    if !matches!(attr_name, "name" | "label" | "key") {
        return Err(unknown(token));
    }
    let render_all = |sep: &str| {
        columns
            .iter()
            .map(|c| match attr_name {
                "label" => format!("{table}_{c}"),
                _ => render(c),
            })
            .collect::<Vec<_>>()
            .join(sep)
    };
    match which {
        "0N" => Ok(render_all("")),
        "0" if attr.starts_with("N_") => Ok(render_all("_")),
        n => {
            let i: usize = n.parse().map_err(|_| unknown(token))?;
            columns
                .get(i)
                .map(|c| render(c))
                .ok_or_else(|| unknown(token))
        }
    }
}

fn unknown(token: &str) -> SchemaError {
    SchemaError::new("KeyError", format!("'{token}'"))
}
