//! Alembic's DDL implementations (`alembic/ddl/impl.py`, `sqlite.py`, `postgresql.py`): what
//! SQL each directive becomes on a dialect, and which directives a dialect refuses. SQLite
//! cannot ALTER constraints, so those raise before any SQL runs; everything else is emitted as
//! Alembic emits it and left for SQLite to accept or reject.

use crate::runtime::OpError;
use crate::schema::ddl::{
    column_spec, comments, constraint_sql, create_index, create_table, drop_index, drop_table,
    literal, primary_key_sql, qualified, quote, table_name,
};
use crate::schema::{
    Column, Constraint, ConstraintKind, Dialect, Index, PrimaryKey, ServerDefault, SqlType, Table,
};

pub const SQLITE_NO_ALTER_CONSTRAINT: &str = "No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature which allows for SQLite migrations using a copy-and-move strategy.";

/// What `alter_column` changes; `None` leaves an attribute alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlterColumn {
    pub nullable: Option<bool>,
    /// `Some(None)` drops the default.
    pub server_default: Option<Option<ServerDefault>>,
    pub type_: Option<SqlType>,
    pub new_column_name: Option<String>,
    pub comment: Option<Option<String>>,
}

/// The statements of each directive for one dialect.
pub struct Impl {
    pub dialect: Dialect,
}

impl Impl {
    pub fn new(dialect: Dialect) -> Impl {
        Impl { dialect }
    }

    fn alter_table(&self, table: &str, schema: Option<&str>) -> String {
        format!("ALTER TABLE {}", qualified(self.dialect, schema, table))
    }

    /// `op.create_table`: the table, its indexes, and (PostgreSQL) its comments.
    pub fn create_table(&self, table: &Table, if_not_exists: bool) -> Vec<String> {
        let mut out = crate::schema::ddl::enum_types(
            self.dialect,
            &[std::rc::Rc::new(std::cell::RefCell::new(table.clone()))],
        );
        out.push(create_table(self.dialect, table, if_not_exists));
        for index in &table.indexes {
            out.push(create_index(self.dialect, table, index, false));
        }
        out.extend(comments(self.dialect, table));
        out
    }

    pub fn drop_table(&self, table: &Table, if_exists: bool) -> Vec<String> {
        vec![drop_table(self.dialect, table, if_exists)]
    }

    pub fn rename_table(&self, old: &str, new: &str, schema: Option<&str>) -> Vec<String> {
        vec![format!(
            "{} RENAME TO {}",
            self.alter_table(old, schema),
            quote(self.dialect, new)
        )]
    }

    /// `op.add_column`: `ADD COLUMN`, then the column's constraints (which SQLite refuses),
    /// its indexes and its comment. `table` holds just this column, as Alembic builds it.
    pub fn add_column(
        &self,
        table: &Table,
        if_not_exists: bool,
    ) -> Result<Vec<String>, (Vec<String>, OpError)> {
        let mut out = Vec::new();
        let Some(column) = table.columns.first() else {
            return Ok(out);
        };
        out.push(format!(
            "{} ADD COLUMN {}{}",
            self.alter_table(&table.name, table.schema.as_deref()),
            if if_not_exists { "IF NOT EXISTS " } else { "" },
            column_spec(self.dialect, table, column)
        ));
        for c in &table.constraints {
            match self.add_constraint(table, c) {
                Ok(mut s) => out.append(&mut s),
                Err(e) => return Err((out, e)),
            }
        }
        for index in &table.indexes {
            out.push(create_index(self.dialect, table, index, false));
        }
        if self.dialect == Dialect::Postgresql {
            if let Some(c) = &column.comment {
                out.push(format!(
                    "COMMENT ON COLUMN {}.{} IS {}",
                    table_name(self.dialect, table),
                    quote(self.dialect, &column.name),
                    literal(c)
                ));
            }
        }
        Ok(out)
    }

    pub fn drop_column(
        &self,
        table: &str,
        schema: Option<&str>,
        column: &str,
        if_exists: bool,
    ) -> Vec<String> {
        vec![format!(
            "{} DROP COLUMN {}{}",
            self.alter_table(table, schema),
            if if_exists { "IF EXISTS " } else { "" },
            quote(self.dialect, column)
        )]
    }

    /// `op.alter_column`: one `ALTER COLUMN` per changed attribute, the rename last.
    /// PostgreSQL changes the type first.
    pub fn alter_column(
        &self,
        table: &str,
        schema: Option<&str>,
        column: &str,
        alter: &AlterColumn,
    ) -> Result<Vec<String>, (Vec<String>, OpError)> {
        let d = self.dialect;
        let head = format!(
            "{} ALTER COLUMN {}",
            self.alter_table(table, schema),
            quote(d, column)
        );
        let mut out = Vec::new();
        let type_stmt = alter
            .type_
            .as_ref()
            .map(|t| format!("{head} TYPE {}", t.compile(d)));
        if d == Dialect::Postgresql {
            out.extend(type_stmt.clone());
        }
        if let Some(nullable) = alter.nullable {
            out.push(format!(
                "{head} {} NOT NULL",
                if nullable { "DROP" } else { "SET" }
            ));
        }
        if let Some(default) = &alter.server_default {
            out.push(match default {
                Some(def) => format!(
                    "{head} SET DEFAULT {}",
                    crate::schema::ddl::default_sql(d, def)
                ),
                None => format!("{head} DROP DEFAULT"),
            });
        }
        if d != Dialect::Postgresql {
            out.extend(type_stmt);
        }
        if let Some(comment) = &alter.comment {
            if d == Dialect::Sqlite {
                // Alembic's ColumnComment has no SQLite compiler; it fails as it compiles.
                return Err((
                    out,
                    OpError::raise(
                        "sqlalchemy.exc.UnsupportedCompilationError",
                        "Compiler <sqlalchemy.dialects.sqlite.base.SQLiteDDLCompiler object at 0x0> can't render element of type <class 'alembic.ddl.base.ColumnComment'>: <class 'alembic.ddl.base.ColumnComment'> construct has no default compilation handler. (Background on this error at: https://sqlalche.me/e/21/l7de)",
                    ),
                ));
            }
            out.push(format!(
                "COMMENT ON COLUMN {}.{} IS {}",
                qualified(d, schema, table),
                quote(d, column),
                comment.as_deref().map_or("NULL".to_string(), literal)
            ));
        }
        if let Some(new) = &alter.new_column_name {
            let kw = if d == Dialect::Sqlite {
                "RENAME COLUMN"
            } else {
                "RENAME"
            };
            out.push(format!(
                "{} {kw} {} TO {}",
                self.alter_table(table, schema),
                quote(d, column),
                quote(d, new)
            ));
        }
        Ok(out)
    }

    pub fn create_index(&self, table: &Table, index: &Index, if_not_exists: bool) -> Vec<String> {
        vec![create_index(self.dialect, table, index, if_not_exists)]
    }

    pub fn drop_index(&self, name: &str, schema: Option<&str>, if_exists: bool) -> Vec<String> {
        vec![drop_index(self.dialect, schema, name, if_exists)]
    }

    /// `ALTER TABLE ... ADD <constraint>`; SQLite has no such statement, so Alembic refuses.
    pub fn add_constraint(&self, table: &Table, c: &Constraint) -> Result<Vec<String>, OpError> {
        if self.dialect == Dialect::Sqlite {
            return Err(OpError::raise(
                "NotImplementedError",
                SQLITE_NO_ALTER_CONSTRAINT,
            ));
        }
        Ok(vec![format!(
            "{} ADD {}",
            self.alter_table(&table.name, table.schema.as_deref()),
            constraint_sql(self.dialect, c)
        )])
    }

    pub fn add_primary_key(&self, table: &Table, pk: &PrimaryKey) -> Result<Vec<String>, OpError> {
        if self.dialect == Dialect::Sqlite {
            return Err(OpError::raise(
                "NotImplementedError",
                SQLITE_NO_ALTER_CONSTRAINT,
            ));
        }
        Ok(vec![format!(
            "{} ADD {}",
            self.alter_table(&table.name, table.schema.as_deref()),
            primary_key_sql(self.dialect, pk)
        )])
    }

    /// `op.drop_constraint`; `kind` is the `type_=` argument.
    pub fn drop_constraint(
        &self,
        table: &str,
        schema: Option<&str>,
        name: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Vec<String>, OpError> {
        if self.dialect == Dialect::Sqlite {
            return Err(OpError::raise(
                "NotImplementedError",
                SQLITE_NO_ALTER_CONSTRAINT,
            ));
        }
        let Some(name) = name else {
            let class = match kind {
                Some("foreignkey") => "ForeignKeyConstraint",
                Some("unique") => "UniqueConstraint",
                Some("check") => "CheckConstraint",
                Some("primary") => "PrimaryKeyConstraint",
                _ => "Constraint",
            };
            return Err(OpError::raise(
                "sqlalchemy.exc.CompileError",
                format!(
                    "Can't emit DROP CONSTRAINT for constraint {class}(<sqlalchemy.sql.base.ReadOnlyColumnCollection object at 0x0>, None, table=Table('{table}', MetaData(), schema=None)); it has no name"
                ),
            ));
        };
        Ok(vec![format!(
            "{} DROP CONSTRAINT {}",
            self.alter_table(table, schema),
            quote(self.dialect, name)
        )])
    }

    pub fn table_comment(
        &self,
        table: &str,
        schema: Option<&str>,
        comment: Option<&str>,
    ) -> Vec<String> {
        vec![format!(
            "COMMENT ON TABLE {} IS {}",
            qualified(self.dialect, schema, table),
            comment.map_or("NULL".to_string(), literal)
        )]
    }
}

/// A one-column table as `op.add_column` builds it, so the column's constraints and indexes
/// come out named and ordered as for a full table.
pub fn column_table(table: &str, schema: Option<String>, column: Column) -> Table {
    let mut t = Table::new(table, schema);
    t.columns.push(column);
    t
}

/// The constraint a `type_=` names, for error texts.
pub fn constraint_kind_name(kind: &ConstraintKind) -> &'static str {
    match kind {
        ConstraintKind::Unique { .. } => "unique",
        ConstraintKind::Check { .. } => "check",
        ConstraintKind::ForeignKey(_) => "foreignkey",
    }
}
