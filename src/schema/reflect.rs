//! Reflection: reads a live SQLite table back into the schema model, as SQLAlchemy's SQLite
//! inspector does. PRAGMAs give columns, the primary key, foreign keys and indexes; the
//! stored `CREATE TABLE` text gives what PRAGMAs do not (constraint names, UNIQUE and CHECK
//! constraints), read element by element rather than with SQLAlchemy's regular expressions.

use super::{
    next_order, Column, Constraint, ConstraintKind, ForeignKeySpec, Index, IndexItem, Name,
    SchemaError, ServerDefault, SqlType, Table, TypeKind,
};
use crate::db::{Database, DbError, SqlValue};

fn text(v: &SqlValue) -> String {
    match v {
        SqlValue::Text(s) => s.clone(),
        SqlValue::Integer(n) => n.to_string(),
        _ => String::new(),
    }
}

fn int(v: &SqlValue) -> i64 {
    match v {
        SqlValue::Integer(n) => *n,
        _ => 0,
    }
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A declared SQLite type as SQLAlchemy reflects it: a known name becomes its uppercase
/// type (with its numeric arguments), anything else follows SQLite's affinity rules.
pub fn reflected_type(declared: &str) -> SqlType {
    let declared = declared.trim();
    let (name, args) = match declared.find('(') {
        Some(at) => (declared[..at].trim(), Some(&declared[at..])),
        None => (declared, None),
    };
    let upper = name.to_uppercase();
    use TypeKind::*;
    let kind = match upper.as_str() {
        "BIGINT" => UpperBigInt,
        "BLOB" => UpperBlob,
        "BOOL" | "BOOLEAN" => UpperBoolean,
        "CHAR" => UpperChar,
        "DATE" | "DATE_CHAR" => UpperDate,
        "DATETIME" | "DATETIME_CHAR" => UpperDateTime,
        "DOUBLE" => UpperDouble,
        "DECIMAL" => UpperDecimal,
        "FLOAT" => UpperFloat,
        "INT" | "INTEGER" => UpperInteger,
        "JSON" | "JSONB" => Json,
        "NUMERIC" => UpperNumeric,
        "REAL" => UpperReal,
        "SMALLINT" => UpperSmallInt,
        "TEXT" => UpperText,
        "TIME" | "TIME_CHAR" => UpperTime,
        "TIMESTAMP" => UpperTimestamp,
        "VARCHAR" => UpperVarchar,
        "NVARCHAR" => UpperNVarchar,
        "NCHAR" => UpperNChar,
        "" => NullType,
        u if u.contains("INT") => UpperInteger,
        u if u.contains("CHAR") || u.contains("CLOB") || u.contains("TEXT") => UpperText,
        u if u.contains("BLOB") => NullType,
        u if u.contains("REAL") || u.contains("FLOA") || u.contains("DOUB") => UpperReal,
        _ => UpperNumeric,
    };
    let mut t = SqlType::new(kind);
    let numbers: Vec<i64> = args
        .map(|a| {
            a.split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty())
                .filter_map(|s| s.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    match kind {
        UpperVarchar | UpperChar | UpperNVarchar | UpperNChar | UpperText | UpperBlob => {
            t.length = numbers.first().copied()
        }
        UpperNumeric | UpperDecimal | UpperFloat | UpperReal | UpperDouble => {
            t.precision = numbers.first().copied();
            t.scale = numbers.get(1).copied();
        }
        _ => {}
    }
    t
}

/// The top-level, comma-separated elements inside `CREATE TABLE name ( ... )`.
fn table_elements(sql: &str) -> Vec<String> {
    let Some(open) = sql.find('(') else {
        return Vec::new();
    };
    let body = &sql[open + 1..];
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut current = String::new();
    for c in body.chars() {
        if let Some(q) = quote {
            current.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => {
                quote = Some(c);
                current.push(c);
            }
            '[' => {
                quote = Some(']');
                current.push(c);
            }
            '(' => {
                depth += 1;
                current.push(c);
            }
            ')' if depth == 0 => {
                out.push(current.trim().to_string());
                return out.into_iter().filter(|s| !s.is_empty()).collect();
            }
            ')' => {
                depth -= 1;
                current.push(c);
            }
            ',' if depth == 0 => {
                out.push(current.trim().to_string());
                current.clear();
            }
            _ => current.push(c),
        }
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// Splits off a leading identifier (bare or quoted) and returns it unquoted with the rest.
fn take_ident(s: &str) -> (String, &str) {
    let s = s.trim_start();
    let close = match s.chars().next() {
        Some('"') => Some('"'),
        Some('`') => Some('`'),
        Some('[') => Some(']'),
        _ => None,
    };
    if let Some(close) = close {
        let inner = &s[1..];
        if let Some(end) = inner.find(close) {
            return (inner[..end].replace("\"\"", "\""), &inner[end + 1..]);
        }
    }
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(s.len());
    (s[..end].to_string(), &s[end..])
}

fn starts_with_kw<'a>(s: &'a str, kw: &str) -> Option<&'a str> {
    let t = s.trim_start();
    let words: Vec<&str> = kw.split(' ').collect();
    let mut rest = t;
    for w in words {
        let r = rest.trim_start();
        if r.len() < w.len() || !r[..w.len()].eq_ignore_ascii_case(w) {
            return None;
        }
        let after = &r[w.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            return None;
        }
        rest = after;
    }
    Some(rest)
}

/// The text inside the parentheses that open `s`, and what follows them.
fn parenthesized(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    if !s.starts_with('(') {
        return None;
    }
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&s[1..i], &s[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

fn ident_list(s: &str) -> Vec<String> {
    s.split(',').map(|p| take_ident(p).0).collect()
}

/// A table-level foreign key as written: its name, columns, referred table and columns, and
/// its ON DELETE / ON UPDATE / DEFERRABLE / INITIALLY options.
type WrittenForeignKey = (Option<String>, Vec<String>, String, Vec<String>, FkOptions);

#[derive(Default, Clone)]
struct FkOptions {
    ondelete: Option<String>,
    onupdate: Option<String>,
    deferrable: Option<bool>,
    initially: Option<String>,
}

/// The options after `REFERENCES t (cols)`; `NO ACTION` is the default and is dropped.
fn fk_options(rest: &str) -> FkOptions {
    let words: Vec<String> = rest
        .split_whitespace()
        .map(|w| w.to_ascii_uppercase())
        .collect();
    let mut o = FkOptions::default();
    let mut i = 0;
    while i < words.len() {
        match words[i].as_str() {
            "ON" if i + 2 < words.len() => {
                let (action, used) =
                    match (words[i + 2].as_str(), words.get(i + 3).map(String::as_str)) {
                        ("SET", Some(x)) => (format!("SET {x}"), 2),
                        ("NO", Some(x)) => (format!("NO {x}"), 2),
                        (x, _) => (x.to_string(), 1),
                    };
                let action = (action != "NO ACTION").then_some(action);
                match words[i + 1].as_str() {
                    "DELETE" => o.ondelete = action,
                    "UPDATE" => o.onupdate = action,
                    _ => {}
                }
                i += 2 + used;
            }
            "NOT" if words.get(i + 1).map(String::as_str) == Some("DEFERRABLE") => {
                o.deferrable = Some(false);
                i += 2;
            }
            "DEFERRABLE" => {
                o.deferrable = Some(true);
                i += 1;
            }
            "INITIALLY" if i + 1 < words.len() => {
                o.initially = Some(words[i + 1].clone());
                i += 2;
            }
            _ => i += 1,
        }
    }
    o
}

/// What the stored `CREATE TABLE` text says about constraints.
#[derive(Default)]
struct Parsed {
    pk_name: Option<String>,
    /// Table-level foreign keys in order: name, columns, referred table and columns.
    foreign_keys: Vec<WrittenForeignKey>,
    uniques: Vec<(Option<String>, Vec<String>)>,
    checks: Vec<(Option<String>, String)>,
}

fn parse_table_sql(sql: &str) -> Parsed {
    let mut p = Parsed::default();
    for element in table_elements(sql) {
        let mut rest: &str = &element;
        let mut name = None;
        if let Some(r) = starts_with_kw(rest, "CONSTRAINT") {
            let (n, r) = take_ident(r);
            name = Some(n);
            rest = r;
        }
        if let Some(r) = starts_with_kw(rest, "PRIMARY KEY") {
            let _ = r;
            p.pk_name = name;
        } else if let Some(r) = starts_with_kw(rest, "UNIQUE") {
            if let Some((cols, _)) = parenthesized(r) {
                p.uniques.push((name, ident_list(cols)));
            }
        } else if let Some(r) = starts_with_kw(rest, "CHECK") {
            if let Some((body, _)) = parenthesized(r) {
                p.checks.push((name, body.trim().to_string()));
            }
        } else if let Some(r) = starts_with_kw(rest, "FOREIGN KEY") {
            let Some((cols, r)) = parenthesized(r) else {
                continue;
            };
            let Some(r) = starts_with_kw(r, "REFERENCES") else {
                continue;
            };
            let (table, r) = take_ident(r);
            let (refs, after) = match parenthesized(r) {
                Some((c, after)) => (ident_list(c), after),
                None => (Vec::new(), r),
            };
            let cols = ident_list(cols);
            let refs = if refs.is_empty() { cols.clone() } else { refs };
            p.foreign_keys
                .push((name, cols, table, refs, fk_options(after)));
        } else if name.is_none() {
            // A column. Its CHECKs are table constraints once reflected; so is an inline
            // UNIQUE, but only where SQLAlchemy's pattern sees one: after words alone (so
            // `code varchar(20) unique` is missed, as SQLAlchemy misses it).
            let (column, after_name) = take_ident(rest);
            let lower = after_name.to_ascii_lowercase();
            if let Some(u) = find_word(&lower, "unique") {
                let between = &lower[..u];
                if !between.trim().is_empty()
                    && between
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ' || c == '\t')
                {
                    p.uniques.push((None, vec![column.clone()]));
                }
            }
            let mut r = after_name;
            while let Some(c) = find_word(&r.to_ascii_lowercase(), "check") {
                match parenthesized(&r[c + 5..]) {
                    Some((body, after)) => {
                        p.checks.push((None, body.trim().to_string()));
                        r = after;
                    }
                    None => break,
                }
            }
        }
    }
    p
}

/// Where `word` appears in `s` as a whole word outside quotes.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        if matches!(c, '\'' | '"') {
            quote = Some(c);
            continue;
        }
        if s[i..].starts_with(word) {
            let before = s[..i].chars().last();
            let after = s[i + word.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if boundary(before) && boundary(after) {
                return Some(i);
            }
        }
    }
    None
}

/// Reads table `name` from the database, or `NoSuchTableError`.
pub fn reflect_table(db: &Database, name: &str) -> Result<Table, ReflectError> {
    let sql = db.execute(
        "SELECT sql FROM sqlite_master WHERE name = ? AND type in ('table', 'view')",
        &[SqlValue::Text(name.to_string())],
    )?;
    let Some(table_sql) = sql.rows.first().map(|r| text(&r[0])) else {
        return Err(ReflectError::Schema(SchemaError::new(
            "NoSuchTableError",
            name,
        )));
    };
    let parsed = parse_table_sql(&table_sql);
    let mut table = Table::new(name, None);
    let q = quote_ident(name);
    let info = db.execute(&format!("PRAGMA main.table_xinfo({q})"), &[])?;
    let mut pk: Vec<(i64, String)> = Vec::new();
    for row in &info.rows {
        // cid, name, type, notnull, dflt_value, pk, hidden
        let col_name = text(&row[1]);
        let mut column = Column::new(&col_name, reflected_type(&text(&row[2])));
        column.nullable = int(&row[3]) == 0;
        if let SqlValue::Text(d) = &row[4] {
            column.server_default = Some(ServerDefault::Sql(d.clone()));
        }
        let pk_pos = int(&row[5]);
        if pk_pos > 0 {
            column.primary_key = true;
            pk.push((pk_pos, col_name.clone()));
        }
        table.columns.push(column);
    }
    pk.sort();
    table.primary_key.columns = pk.into_iter().map(|(_, n)| n).collect();
    table.primary_key.name = Name::given(parsed.pk_name.clone());

    // Foreign keys: PRAGMA groups them by id; the SQL text supplies names and order.
    let fk_rows = db.execute(&format!("PRAGMA main.foreign_key_list({q})"), &[])?;
    let mut pragma_fks: Vec<(i64, ForeignKeySpec)> = Vec::new();
    for row in &fk_rows.rows {
        // id, seq, table, from, to, on_update, on_delete, match
        let id = int(&row[0]);
        let entry = match pragma_fks.iter_mut().find(|(i, _)| *i == id) {
            Some((_, spec)) => spec,
            None => {
                // Options come only from the written constraint, as SQLAlchemy reads them.
                pragma_fks.push((
                    id,
                    ForeignKeySpec {
                        ref_table: text(&row[2]),
                        ..ForeignKeySpec::default()
                    },
                ));
                &mut pragma_fks.last_mut().expect("pushed").1
            }
        };
        entry.columns.push(text(&row[3]));
        let to = text(&row[4]);
        entry.ref_columns.push(to);
    }
    pragma_fks.sort_by_key(|(id, _)| *id);
    let mut remaining: Vec<ForeignKeySpec> = pragma_fks.into_iter().map(|(_, s)| s).collect();
    let mut fks: Vec<(Option<String>, ForeignKeySpec)> = Vec::new();
    for (fk_name, cols, ref_table, refs, options) in &parsed.foreign_keys {
        if let Some(pos) = remaining.iter().position(|s| {
            s.columns == *cols
                && s.ref_table == *ref_table
                && (s.ref_columns == *refs || s.ref_columns.iter().all(|c| c.is_empty()))
        }) {
            let mut spec = remaining.remove(pos);
            if spec.ref_columns.iter().all(|c| c.is_empty()) {
                spec.ref_columns = refs.clone();
            }
            spec.ondelete = options.ondelete.clone();
            spec.onupdate = options.onupdate.clone();
            spec.deferrable = options.deferrable;
            spec.initially = options.initially.clone();
            fks.push((fk_name.clone(), spec));
        }
    }
    fks.extend(remaining.into_iter().map(|s| (None, s)));
    for (fk_name, spec) in fks {
        table.add_constraint(Constraint::new(
            Name::given(fk_name),
            ConstraintKind::ForeignKey(spec),
        ));
    }

    // Indexes SQLite made for UNIQUE constraints are reflected as the constraints instead.
    let index_rows = db.execute(&format!("PRAGMA main.index_list({q})"), &[])?;
    let mut indexes: Vec<(String, bool)> = Vec::new();
    for row in &index_rows.rows {
        // seq, name, unique, origin, partial
        let idx_name = text(&row[1]);
        if idx_name.starts_with("sqlite_autoindex") || text(&row[3]) != "c" {
            continue;
        }
        indexes.push((idx_name, int(&row[2]) == 1));
    }
    indexes.reverse();
    for (idx_name, unique) in indexes {
        let cols = db.execute(
            &format!("PRAGMA main.index_info({})", quote_ident(&idx_name)),
            &[],
        )?;
        let names: Vec<String> = cols.rows.iter().map(|r| text(&r[2])).collect();
        if names.iter().any(String::is_empty) {
            // Expression indexes are skipped, as SQLAlchemy skips them.
            continue;
        }
        table.add_index(Index {
            name: Name::given(Some(idx_name)),
            order: next_order(),
            columns: names.into_iter().map(IndexItem::Column).collect(),
            unique,
        });
    }
    for (uq_name, cols) in parsed.uniques {
        table.add_constraint(Constraint::new(
            Name::given(uq_name),
            ConstraintKind::Unique { columns: cols },
        ));
    }
    for (ck_name, sqltext) in parsed.checks {
        table.add_constraint(Constraint::new(
            Name::given(ck_name),
            ConstraintKind::Check { sqltext },
        ));
    }
    Ok(table)
}

/// Why reflection failed: the database refused a query, or the table is not there.
#[derive(Debug)]
pub enum ReflectError {
    Db(DbError),
    Schema(SchemaError),
}

impl From<DbError> for ReflectError {
    fn from(e: DbError) -> Self {
        ReflectError::Db(e)
    }
}
