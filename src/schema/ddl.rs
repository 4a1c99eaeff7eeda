//! The DDL compiler: the exact SQL text SQLAlchemy 2.x compiles for SQLite and PostgreSQL
//! (`CREATE TABLE` with its tab indentation and `, ` line ends, indexes, comments, enum types).

use super::{
    reserved, sort_tables, Column, Constraint, ConstraintKind, Dialect, ForeignKeySpec, Index,
    IndexItem, MetaData, PrimaryKey, SchemaError, ServerDefault, Table, TableRef,
};

/// An identifier as the dialect's preparer writes it: quoted when it is a reserved word,
/// has upper-case letters, starts with a digit or `$`, or has other characters.
pub fn quote(dialect: Dialect, name: &str) -> String {
    let words = match dialect {
        Dialect::Sqlite => reserved::SQLITE,
        Dialect::Postgresql => reserved::POSTGRESQL,
    };
    let lower = name.to_lowercase();
    let needs = name.is_empty()
        || words.binary_search(&lower.as_str()).is_ok()
        || name.starts_with(|c: char| c.is_ascii_digit() || c == '$')
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        || lower != name;
    if needs {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_string()
    }
}

/// A table name with its schema, each part quoted as needed.
pub fn table_name(dialect: Dialect, table: &Table) -> String {
    qualified(dialect, table.schema.as_deref(), &table.name)
}

pub fn qualified(dialect: Dialect, schema: Option<&str>, name: &str) -> String {
    match schema {
        Some(s) => format!("{}.{}", quote(dialect, s), quote(dialect, name)),
        None => quote(dialect, name),
    }
}

/// A Python string as a SQL string literal.
pub fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `server_default` as the DDL writes it after `DEFAULT`.
pub fn default_sql(dialect: Dialect, default: &ServerDefault) -> String {
    match default {
        ServerDefault::Literal(s) => literal(s),
        ServerDefault::Sql(s) => s.clone(),
        ServerDefault::Bool(b) => match (dialect, b) {
            (Dialect::Sqlite, true) => "1".into(),
            (Dialect::Sqlite, false) => "0".into(),
            (Dialect::Postgresql, true) => "true".into(),
            (Dialect::Postgresql, false) => "false".into(),
        },
        ServerDefault::Func { name, args } => function_sql(dialect, name, args),
    }
}

/// `func.<name>(...)`: the ANSI functions SQLAlchemy knows render as keywords.
pub fn function_sql(dialect: Dialect, name: &str, args: &[String]) -> String {
    let lower = name.to_lowercase();
    match lower.as_str() {
        "now" if dialect == Dialect::Sqlite => "CURRENT_TIMESTAMP".into(),
        "current_timestamp" | "current_date" | "current_time" | "localtime" | "localtimestamp"
        | "current_user" | "session_user" | "user"
            if args.is_empty() =>
        {
            lower.to_uppercase()
        }
        _ => format!("{name}({})", args.join(", ")),
    }
}

/// One column's line inside `CREATE TABLE` (also used by `ADD COLUMN`).
pub fn column_spec(dialect: Dialect, table: &Table, column: &Column) -> String {
    let mut spec = quote(dialect, &column.name);
    let serial = dialect == Dialect::Postgresql
        && column.primary_key
        && table
            .autoincrement_column()
            .is_some_and(|c| c.name == column.name);
    if serial {
        use super::TypeKind::*;
        spec.push_str(match column.type_.kind {
            BigInteger | UpperBigInt => " BIGSERIAL",
            SmallInteger | UpperSmallInt => " SMALLSERIAL",
            _ => " SERIAL",
        });
    } else {
        spec.push(' ');
        spec.push_str(&column.type_.compile(dialect));
        if let Some(default) = &column.server_default {
            let sql = default_sql(dialect, default);
            // SQLite needs parentheses around a default that is an expression.
            let starts_quoted = sql.trim_start().starts_with(['\'', '"', '(']);
            let first_line = sql.lines().next().unwrap_or("");
            let has_non_word = first_line
                .chars()
                .any(|c| !(c.is_alphanumeric() || c == '_'));
            if dialect == Dialect::Sqlite && !starts_quoted && has_non_word {
                spec.push_str(&format!(" DEFAULT ({sql})"));
            } else {
                spec.push_str(&format!(" DEFAULT {sql}"));
            }
        }
    }
    if !column.nullable {
        spec.push_str(" NOT NULL");
    }
    if dialect == Dialect::Sqlite && column.primary_key && sqlite_inline_pk(table).is_some() {
        spec.push_str(" PRIMARY KEY AUTOINCREMENT");
    }
    for check in &column.checks {
        spec.push(' ');
        spec.push_str(&constraint_sql(dialect, check));
    }
    spec
}

/// With `sqlite_autoincrement=True`, a single integer primary key is declared inline.
fn sqlite_inline_pk(table: &Table) -> Option<&Column> {
    if !table.sqlite_autoincrement {
        return None;
    }
    let [only] = table.primary_key.columns.as_slice() else {
        return None;
    };
    let col = table.column(only)?;
    (col.type_.is_integer() && !table.column_has_foreign_key(only)).then_some(col)
}

fn named(dialect: Dialect, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("CONSTRAINT {} ", quote(dialect, n)),
        None => String::new(),
    }
}

fn column_list(dialect: Dialect, columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| quote(dialect, c))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn primary_key_sql(dialect: Dialect, pk: &PrimaryKey) -> String {
    format!(
        "{}PRIMARY KEY ({})",
        named(dialect, pk.name.as_deref()),
        column_list(dialect, &pk.columns)
    )
}

pub fn foreign_key_sql(dialect: Dialect, name: Option<&str>, fk: &ForeignKeySpec) -> String {
    let mut sql = format!(
        "{}FOREIGN KEY({}) REFERENCES {} ({})",
        named(dialect, name),
        column_list(dialect, &fk.columns),
        qualified(dialect, fk.ref_schema.as_deref(), &fk.ref_table),
        column_list(dialect, &fk.ref_columns)
    );
    if let Some(m) = &fk.match_ {
        sql.push_str(&format!(" MATCH {m}"));
    }
    if let Some(d) = &fk.ondelete {
        sql.push_str(&format!(" ON DELETE {d}"));
    }
    if let Some(u) = &fk.onupdate {
        sql.push_str(&format!(" ON UPDATE {u}"));
    }
    match fk.deferrable {
        Some(true) => sql.push_str(" DEFERRABLE"),
        Some(false) => sql.push_str(" NOT DEFERRABLE"),
        None => {}
    }
    if let Some(i) = &fk.initially {
        sql.push_str(&format!(" INITIALLY {i}"));
    }
    sql
}

pub fn constraint_sql(dialect: Dialect, c: &Constraint) -> String {
    let name = c.name.as_deref();
    match &c.kind {
        ConstraintKind::Unique { columns } => {
            format!(
                "{}UNIQUE ({})",
                named(dialect, name),
                column_list(dialect, columns)
            )
        }
        ConstraintKind::Check { sqltext } => {
            format!("{}CHECK ({sqltext})", named(dialect, name))
        }
        ConstraintKind::ForeignKey(fk) => foreign_key_sql(dialect, name, fk),
    }
}

/// `CREATE TABLE`, exactly as SQLAlchemy's compiler writes it: a leading newline, one tab-
/// indented line per column then per constraint, separated by `, \n`, and a trailing blank line.
pub fn create_table(dialect: Dialect, table: &Table, if_not_exists: bool) -> String {
    let mut sql = String::from("\nCREATE TABLE ");
    if if_not_exists {
        sql.push_str("IF NOT EXISTS ");
    }
    sql.push_str(&table_name(dialect, table));
    sql.push_str(" (");
    let mut separator = "\n";
    for column in &table.columns {
        sql.push_str(separator);
        separator = ", \n";
        sql.push('\t');
        sql.push_str(&column_spec(dialect, table, column));
    }
    let mut constraints: Vec<String> = Vec::new();
    let inline_pk = dialect == Dialect::Sqlite && sqlite_inline_pk(table).is_some();
    if !table.primary_key.columns.is_empty() && !inline_pk {
        constraints.push(primary_key_sql(dialect, &table.primary_key));
    }
    constraints.extend(
        table
            .constraints
            .iter()
            .filter(|c| !(c.type_check && dialect == Dialect::Postgresql))
            .map(|c| constraint_sql(dialect, c)),
    );
    if !constraints.is_empty() {
        sql.push_str(separator);
        sql.push('\t');
        sql.push_str(&constraints.join(", \n\t"));
    }
    sql.push_str("\n)\n\n");
    sql
}

pub fn index_columns(dialect: Dialect, index: &Index) -> String {
    index
        .columns
        .iter()
        .map(|c| match c {
            IndexItem::Column(n) => quote(dialect, n),
            IndexItem::Expression(e) => e.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn create_index(dialect: Dialect, table: &Table, index: &Index, if_not_exists: bool) -> String {
    format!(
        "CREATE {}INDEX {}{} ON {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        if if_not_exists { "IF NOT EXISTS " } else { "" },
        index_name(dialect, table, index),
        table_name(dialect, table),
        index_columns(dialect, index)
    )
}

/// An index name; on PostgreSQL it carries the table's schema.
fn index_name(dialect: Dialect, table: &Table, index: &Index) -> String {
    let name = index.name.as_deref().unwrap_or_default();
    match (&table.schema, dialect) {
        (Some(s), _) => format!("{}.{}", quote(dialect, s), quote(dialect, name)),
        (None, _) => quote(dialect, name),
    }
}

pub fn drop_table(dialect: Dialect, table: &Table, if_exists: bool) -> String {
    format!(
        "\nDROP TABLE {}{}",
        if if_exists { "IF EXISTS " } else { "" },
        table_name(dialect, table)
    )
}

pub fn drop_index(dialect: Dialect, schema: Option<&str>, name: &str, if_exists: bool) -> String {
    format!(
        "\nDROP INDEX {}{}",
        if if_exists { "IF EXISTS " } else { "" },
        qualified(dialect, schema, name)
    )
}

/// PostgreSQL's `COMMENT ON` statements for a table and its columns (SQLite has no comments).
pub fn comments(dialect: Dialect, table: &Table) -> Vec<String> {
    if dialect != Dialect::Postgresql {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(c) = &table.comment {
        out.push(format!(
            "COMMENT ON TABLE {} IS {}",
            table_name(dialect, table),
            literal(c)
        ));
    }
    for column in &table.columns {
        if let Some(c) = &column.comment {
            out.push(format!(
                "COMMENT ON COLUMN {}.{} IS {}",
                table_name(dialect, table),
                quote(dialect, &column.name),
                literal(c)
            ));
        }
    }
    out
}

/// PostgreSQL's `CREATE TYPE ... AS ENUM` for each native enum the tables use, once each.
pub fn enum_types(dialect: Dialect, tables: &[TableRef]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for table in tables {
        for column in &table.borrow().columns {
            if !column.type_.is_native_enum(dialect) {
                continue;
            }
            let Some(spec) = &column.type_.enum_spec else {
                continue;
            };
            let name = spec.name.clone().unwrap_or_default();
            if seen.contains(&name) {
                continue;
            }
            let values: Vec<String> = spec.values.iter().map(|v| literal(v)).collect();
            out.push(format!(
                "CREATE TYPE {} AS ENUM ({})",
                quote(dialect, &name),
                values.join(", ")
            ));
            seen.push(name);
        }
    }
    out
}

/// Checks that every foreign key points at a table and column the MetaData has, with
/// SQLAlchemy's errors.
pub fn check_references(metadata: &MetaData) -> Result<(), SchemaError> {
    for table in metadata.tables.values() {
        let table = table.borrow();
        for (_, fk) in table.foreign_keys() {
            let column = fk.columns.first().cloned().unwrap_or_default();
            let target = fk.ref_columns.first().cloned().unwrap_or_default();
            let Some(referred) = metadata.table(&fk.ref_table_key()) else {
                return Err(SchemaError::new(
                    "NoReferencedTableError",
                    format!(
                        "Foreign key associated with column '{}.{column}' could not find table '{}' with which to generate a foreign key to target column '{target}'",
                        table.name,
                        fk.ref_table_key()
                    ),
                ));
            };
            let referred = referred.borrow();
            for target in &fk.ref_columns {
                if referred.column(target).is_none() {
                    return Err(SchemaError::new(
                        "NoReferencedColumnError",
                        format!(
                            "Could not initialize target column for ForeignKey '{}.{target}' on table '{}': table '{}' has no column named '{target}'",
                            fk.ref_table_key(),
                            table.name,
                            referred.name
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// What `metadata.create_all(engine, checkfirst=False)` sends: enum types (PostgreSQL), then
/// each table in dependency order followed by its indexes and comments.
pub fn create_all(dialect: Dialect, metadata: &MetaData) -> Result<Vec<String>, SchemaError> {
    check_references(metadata)?;
    metadata.resolve_fk_types();
    let tables: Vec<TableRef> = metadata.tables.values().cloned().collect();
    let sorted = sort_tables(&tables)?;
    let mut out = enum_types(dialect, &sorted);
    for table in &sorted {
        let table = table.borrow();
        out.push(create_table(dialect, &table, false));
        for index in &table.indexes {
            out.push(create_index(dialect, &table, index, false));
        }
        out.extend(comments(dialect, &table));
    }
    Ok(out)
}
