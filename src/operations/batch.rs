//! Batch mode (`alembic/operations/batch.py`): `op.batch_alter_table()` collects directives
//! and applies them when the block ends. Where the dialect can ALTER, they run as they are;
//! on SQLite anything beyond adding columns and indexes "moves and copies" the table: create
//! `_alembic_tmp_<table>` with the new definition, copy the rows, drop the old table, rename,
//! and recreate the indexes.

use indexmap::IndexMap;

use crate::db::Database;
use crate::ddl::{AlterColumn, Impl};
use crate::runtime::OpError;
use crate::schema::ddl::{qualified, quote};
use crate::schema::reflect::{reflect_table, ReflectError};
use crate::schema::{
    naming, next_order, Column, Constraint, ConstraintKind, Dialect, Index, IndexItem, PrimaryKey,
    ServerDefault, SqlType, Table, TypeKind,
};

/// `recreate=`: "auto" (SQLite recreates when it must), "always" or "never".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recreate {
    Auto,
    Always,
    Never,
}

/// One directive inside the batch block.
#[derive(Clone, Debug)]
pub enum BatchOp {
    /// The column in a one-column table, so its constraints and indexes come along.
    AddColumn {
        table: Table,
        insert_before: Option<String>,
        insert_after: Option<String>,
    },
    DropColumn(String),
    AlterColumn {
        name: String,
        alter: AlterColumn,
    },
    AddConstraint(Table, Constraint),
    AddPrimaryKey(Table, PrimaryKey),
    DropConstraint {
        name: Option<String>,
        kind: Option<String>,
    },
    CreateIndex(Table, Index),
    DropIndex(String),
    TableComment(Option<String>),
}

/// The arguments of `batch_alter_table` and the directives collected so far.
#[derive(Clone, Debug)]
pub struct Batch {
    pub table: String,
    pub schema: Option<String>,
    pub recreate: Recreate,
    pub copy_from: Option<Table>,
    /// `table_args` constraints (indexes are given there too, rarely).
    pub table_args: Vec<Constraint>,
    pub naming_convention: Vec<(String, String)>,
    /// `reflect_args`: columns that replace the reflected ones of the same name.
    pub reflect_columns: Vec<Column>,
    pub ops: Vec<BatchOp>,
}

/// Runs a statement list through `run`, which executes or writes each one.
pub type Runner<'a> = dyn FnMut(&str) -> Result<(), OpError> + 'a;

impl Batch {
    pub fn new(table: &str, schema: Option<String>) -> Batch {
        Batch {
            table: table.to_string(),
            schema,
            recreate: Recreate::Auto,
            copy_from: None,
            table_args: Vec::new(),
            naming_convention: Vec::new(),
            reflect_columns: Vec::new(),
            ops: Vec::new(),
        }
    }

    /// SQLite's `requires_recreate_in_batch`: anything but adding columns (without an SQL
    /// expression default) and indexes needs the move and copy.
    fn should_recreate(&self, dialect: Dialect) -> bool {
        match self.recreate {
            Recreate::Always => true,
            Recreate::Never => false,
            Recreate::Auto => {
                dialect == Dialect::Sqlite
                    && self.ops.iter().any(|op| match op {
                        BatchOp::AddColumn { table, .. } => {
                            table.columns.first().is_some_and(|c| {
                                matches!(
                                    c.server_default,
                                    Some(
                                        ServerDefault::Sql(_)
                                            | ServerDefault::Func { .. }
                                            | ServerDefault::Bool(_)
                                    )
                                )
                            })
                        }
                        BatchOp::CreateIndex(..) | BatchOp::DropIndex(_) => false,
                        _ => true,
                    })
            }
        }
    }

    /// Applies the batch: `run` executes (or, offline, writes) each statement.
    pub fn flush(
        &self,
        imp: &Impl,
        db: Option<&Database>,
        run: &mut Runner<'_>,
    ) -> Result<(), OpError> {
        if !self.should_recreate(imp.dialect) {
            return self.run_plain(imp, run);
        }
        let (existing, reflected) = match &self.copy_from {
            Some(t) => (t.clone(), false),
            None => {
                let Some(db) = db else {
                    return Err(OpError::raise(
                        "alembic.util.exc.CommandError",
                        format!(
                            "This operation cannot proceed in --sql mode; batch mode with dialect {} requires a live database connection with which to reflect the table \"{}\". To generate a batch SQL migration script using table \"move and copy\", a complete Table object should be passed to the \"copy_from\" argument of the batch_alter_table() method so that table reflection can be skipped.",
                            dialect_name(imp.dialect),
                            self.table
                        ),
                    ));
                };
                let mut t = reflect_table(db, &self.table).map_err(|e| match e {
                    ReflectError::Db(error) => OpError::Db {
                        error,
                        sql: String::new(),
                        params: crate::runtime::Params::None,
                    },
                    ReflectError::Schema(s) => {
                        OpError::raise(&format!("sqlalchemy.exc.{}", s.class), s.message)
                    }
                })?;
                t.schema = self.schema.clone();
                for given in &self.reflect_columns {
                    if let Some(c) = t.columns.iter_mut().find(|c| c.name == given.name) {
                        let keep_pk = c.primary_key;
                        *c = given.clone();
                        c.primary_key = keep_pk || given.primary_key;
                    }
                }
                if !self.naming_convention.is_empty() {
                    name_unnamed(&mut t, &self.naming_convention);
                }
                (t, true)
            }
        };
        let mut apply = Apply::new(existing, reflected);
        for op in &self.ops {
            apply.apply(op)?;
        }
        apply.create(imp, &self.table_args, run)
    }

    fn run_plain(&self, imp: &Impl, run: &mut Runner<'_>) -> Result<(), OpError> {
        let schema = self.schema.as_deref();
        for op in &self.ops {
            let statements = match op {
                BatchOp::AddColumn { table, .. } => match imp.add_column(table, false) {
                    Ok(s) => s,
                    Err((done, e)) => {
                        for s in done {
                            run(&s)?;
                        }
                        return Err(e);
                    }
                },
                BatchOp::DropColumn(c) => imp.drop_column(&self.table, schema, c, false),
                BatchOp::AlterColumn { name, alter } => {
                    match imp.alter_column(&self.table, schema, name, alter) {
                        Ok(s) => s,
                        Err((done, e)) => {
                            for s in done {
                                run(&s)?;
                            }
                            return Err(e);
                        }
                    }
                }
                BatchOp::AddConstraint(t, c) => imp.add_constraint(t, c)?,
                BatchOp::AddPrimaryKey(t, pk) => imp.add_primary_key(t, pk)?,
                BatchOp::DropConstraint { name, kind } => {
                    imp.drop_constraint(&self.table, schema, name.as_deref(), kind.as_deref())?
                }
                BatchOp::CreateIndex(t, i) => imp.create_index(t, i, false),
                BatchOp::DropIndex(n) => imp.drop_index(n, schema, false),
                BatchOp::TableComment(c) => imp.table_comment(&self.table, schema, c.as_deref()),
            };
            for s in statements {
                run(&s)?;
            }
        }
        Ok(())
    }
}

fn dialect_name(d: Dialect) -> &'static str {
    match d {
        Dialect::Sqlite => "sqlite",
        Dialect::Postgresql => "postgresql",
    }
}

/// `naming_convention=`: names the reflected constraints that have none; reflected names are
/// final, as Alembic marks them with `conv()`.
fn name_unnamed(t: &mut Table, convention: &[(String, String)]) {
    let snapshot = t.clone();
    for c in t.constraints.iter_mut() {
        if c.name.value.is_some() {
            c.name.conv = true;
            continue;
        }
        let (columns, fk) = match &c.kind {
            ConstraintKind::Unique { columns } => (columns.clone(), None),
            ConstraintKind::ForeignKey(fk) => (fk.columns.clone(), Some(fk.clone())),
            ConstraintKind::Check { .. } => (Vec::new(), None),
        };
        let subject = naming::Subject {
            table: &snapshot,
            columns: &columns,
            foreign_key: fk.as_ref(),
        };
        if let Ok(name) = naming::apply(convention, c.kind.convention_key(), &c.name, &subject) {
            c.name = name;
        }
    }
}

/// The affinity SQLAlchemy compares to decide whether a copied column needs a CAST: the most
/// general type class under `TypeEngine`.
fn affinity(t: &SqlType) -> &'static str {
    use TypeKind::*;
    match t.kind {
        Integer | BigInteger | SmallInteger | UpperInteger | UpperBigInt | UpperSmallInt => {
            "Integer"
        }
        String | Text | Unicode | UnicodeText | Enum | UpperVarchar | UpperChar | UpperNVarchar
        | UpperNChar | UpperText | UpperClob => "String",
        Boolean | UpperBoolean => "Boolean",
        Date | UpperDate => "Date",
        DateTime | UpperDateTime | UpperTimestamp => "DateTime",
        Time | UpperTime => "Time",
        Float | Double | Numeric | UpperFloat | UpperReal | UpperDouble | UpperDoublePrecision
        | UpperNumeric | UpperDecimal => "Numeric",
        LargeBinary | UpperBlob | UpperBinary | UpperVarBinary => "_Binary",
        Json => "JSON",
        Uuid | UpperUuid => "Uuid",
        Interval => "Interval",
        NullType => "NullType",
    }
}

/// A column of the old table: what the copy selects for it and what it is called now.
struct Transfer {
    /// The SELECT expression (`user.age`, or a CAST); `None` for added columns.
    expr: Option<String>,
    name: String,
}

/// `ApplyBatchImpl`: the new table, built from the existing one and the batch's directives.
struct Apply {
    table: Table,
    columns: IndexMap<String, Column>,
    transfers: IndexMap<String, Transfer>,
    pk: PrimaryKey,
    named: IndexMap<String, Constraint>,
    unnamed: Vec<Constraint>,
    indexes: IndexMap<String, Index>,
    new_indexes: IndexMap<String, Index>,
    /// The old table's column order, less dropped columns.
    existing_ordering: Vec<String>,
    /// `(before, after)` pairs placing added columns.
    add_col_ordering: Vec<(String, String)>,
}

impl Apply {
    fn new(table: Table, reflected: bool) -> Apply {
        let mut columns = IndexMap::new();
        let mut transfers = IndexMap::new();
        for c in &table.columns {
            let mut copy = c.clone();
            copy.unique = None;
            copy.index = None;
            columns.insert(c.name.clone(), copy);
            transfers.insert(
                c.name.clone(),
                Transfer {
                    expr: Some(format!(
                        "{}.{}",
                        quote(Dialect::Sqlite, &table.name),
                        quote(Dialect::Sqlite, &c.name)
                    )),
                    name: c.name.clone(),
                },
            );
        }
        let mut named = IndexMap::new();
        let mut unnamed = Vec::new();
        for c in &table.constraints {
            if c.type_check {
                continue;
            }
            // An unnamed reflected CHECK cannot be tied to its column, so Alembic leaves it out.
            if reflected && matches!(c.kind, ConstraintKind::Check { .. }) && c.name.value.is_none()
            {
                continue;
            }
            match &c.name.value {
                Some(n) => {
                    named.insert(n.clone(), c.clone());
                }
                None => unnamed.push(c.clone()),
            }
        }
        let indexes = table
            .indexes
            .iter()
            .filter_map(|i| i.name.value.clone().map(|n| (n, i.clone())))
            .collect();
        Apply {
            existing_ordering: table.columns.iter().map(|c| c.name.clone()).collect(),
            add_col_ordering: Vec::new(),
            pk: table.primary_key.clone(),
            table,
            columns,
            transfers,
            named,
            unnamed,
            indexes,
            new_indexes: IndexMap::new(),
        }
    }

    fn apply(&mut self, op: &BatchOp) -> Result<(), OpError> {
        let value_error = |m: String| OpError::raise("ValueError", m);
        match op {
            BatchOp::AlterColumn { name, alter } => {
                let Some(existing) = self.columns.get_mut(name) else {
                    return Err(OpError::raise("KeyError", format!("'{name}'")));
                };
                let transfer = self
                    .transfers
                    .get_mut(name)
                    .expect("columns and transfers agree");
                if let Some(new) = &alter.new_column_name {
                    existing.name = new.clone();
                    transfer.name = new.clone();
                }
                if let Some(t) = &alter.type_ {
                    if affinity(&existing.type_) != affinity(t) && t.kind != TypeKind::Json {
                        if let Some(expr) = &transfer.expr {
                            transfer.expr = Some(format!(
                                "CAST({expr} AS {}) AS {}",
                                t.compile(Dialect::Sqlite),
                                quote(Dialect::Sqlite, name)
                            ));
                        }
                    }
                    existing.type_ = t.clone();
                }
                if let Some(n) = alter.nullable {
                    existing.nullable = n;
                }
                if let Some(d) = &alter.server_default {
                    existing.server_default = d.clone();
                }
                if let Some(c) = &alter.comment {
                    existing.comment = c.clone();
                }
            }
            BatchOp::AddColumn {
                table,
                insert_before,
                insert_after,
            } => {
                let Some(column) = table.columns.first() else {
                    return Ok(());
                };
                let mut column = column.clone();
                column.unique = None;
                column.index = None;
                let name = column.name.clone();
                self.order_added(&name, insert_before.clone(), insert_after.clone());
                self.columns.insert(name.clone(), column);
                self.transfers
                    .insert(name.clone(), Transfer { expr: None, name });
            }
            BatchOp::DropColumn(name) => {
                self.pk.columns.retain(|c| c != name);
                if self.columns.shift_remove(name).is_none() {
                    return Err(OpError::raise("KeyError", format!("'{name}'")));
                }
                self.transfers.shift_remove(name);
                match self.existing_ordering.iter().position(|c| c == name) {
                    Some(at) => {
                        self.existing_ordering.remove(at);
                    }
                    None => return Err(value_error("list.remove(x): x not in list".into())),
                }
            }
            BatchOp::AddConstraint(_, c) => {
                let Some(n) = c.name.value.clone() else {
                    return Err(value_error("Constraint must have a name".into()));
                };
                self.named.insert(n, c.clone());
            }
            BatchOp::AddPrimaryKey(_, pk) => {
                if pk.name.value.is_none() {
                    return Err(value_error("Constraint must have a name".into()));
                }
                self.pk = pk.clone();
                for c in self.columns.values_mut() {
                    c.primary_key = pk.columns.contains(&c.name);
                }
            }
            BatchOp::DropConstraint { name, .. } => {
                let Some(n) = name else {
                    return Err(value_error("Constraint must have a name".into()));
                };
                if self.named.shift_remove(n).is_none() {
                    if self.pk.name.value.as_deref() == Some(n.as_str()) {
                        for c in self.columns.values_mut() {
                            c.primary_key = false;
                        }
                        self.pk = PrimaryKey::default();
                    } else {
                        return Err(value_error(format!("No such constraint: '{n}'")));
                    }
                }
            }
            BatchOp::CreateIndex(_, idx) => {
                let name = idx.name.value.clone().unwrap_or_default();
                self.new_indexes.insert(name, idx.clone());
            }
            BatchOp::DropIndex(name) => {
                if self.indexes.shift_remove(name).is_none() {
                    return Err(value_error(format!("No such index: '{name}'")));
                }
            }
            BatchOp::TableComment(c) => self.table.comment = c.clone(),
        }
        Ok(())
    }

    /// `_setup_dependencies_for_add_column`: an added column goes after the last existing
    /// column, or where `insert_before`/`insert_after` put it, as ordering pairs.
    fn order_added(&mut self, name: &str, before: Option<String>, after: Option<String>) {
        let index_cols = &self.existing_ordering;
        let position = |c: &str| index_cols.iter().position(|x| x == c);
        let (mut before, mut after) = (before, after);
        if let (Some(a), None) = (&after, &before) {
            before = match position(a) {
                Some(i) => index_cols.get(i + 1).cloned(),
                None => self
                    .add_col_ordering
                    .iter()
                    .find(|(x, _)| x == a)
                    .map(|(_, y)| y.clone()),
            };
        }
        if let (Some(b), None) = (&before, &after) {
            after = match position(b) {
                Some(i) if i > 0 => index_cols.get(i - 1).cloned(),
                Some(_) => None,
                None => self
                    .add_col_ordering
                    .iter()
                    .find(|(_, y)| y == b)
                    .map(|(x, _)| x.clone()),
            };
        }
        let explicit = before.is_some() || after.is_some();
        if let Some(b) = before {
            self.add_col_ordering.push((name.to_string(), b));
        }
        if let Some(a) = after {
            self.add_col_ordering.push((a, name.to_string()));
        }
        if !explicit {
            if let Some(last) = index_cols.last() {
                self.add_col_ordering.push((last.clone(), name.to_string()));
            }
        }
    }

    /// `_adjust_self_columns_for_partial_reordering`: orders the columns by the pairs, in
    /// layers, as SQLAlchemy's topological sort does (a pair naming a dropped column no longer
    /// holds its column back).
    fn reorder(&mut self) {
        let by_idx: Vec<String> = self.columns.keys().cloned().collect();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (i, elem) in self.existing_ordering.iter().enumerate().skip(1) {
            if let Some(prev) = by_idx.get(i - 1) {
                pairs.push((prev.clone(), elem.clone()));
            }
        }
        pairs.extend(self.add_col_ordering.iter().cloned());
        pairs.retain(|(a, b)| a != b);
        let mut todo: Vec<String> = by_idx.clone();
        let mut sorted = Vec::with_capacity(todo.len());
        while !todo.is_empty() {
            let ready: Vec<String> = todo
                .iter()
                .filter(|n| !pairs.iter().any(|(p, c)| c == *n && todo.contains(p)))
                .cloned()
                .collect();
            if ready.is_empty() {
                // A cycle: keep the rest as they are rather than loop.
                sorted.append(&mut todo);
                break;
            }
            todo.retain(|n| !ready.contains(n));
            sorted.extend(ready);
        }
        let mut columns = IndexMap::new();
        let mut transfers = IndexMap::new();
        for k in sorted {
            if let Some(c) = self.columns.shift_remove(&k) {
                columns.insert(k.clone(), c);
            }
            if let Some(t) = self.transfers.shift_remove(&k) {
                transfers.insert(k, t);
            }
        }
        self.columns = columns;
        self.transfers = transfers;
    }

    /// The old-to-new column name for constraints and indexes copied across.
    fn renamed(&self, old: &str) -> String {
        self.transfers
            .get(old)
            .map_or_else(|| old.to_string(), |t| t.name.clone())
    }

    fn constraint_columns(c: &Constraint) -> Vec<String> {
        match &c.kind {
            ConstraintKind::Unique { columns } => columns.clone(),
            ConstraintKind::ForeignKey(fk) => fk.columns.clone(),
            ConstraintKind::Check { .. } => Vec::new(),
        }
    }

    fn create(
        mut self,
        imp: &Impl,
        table_args: &[Constraint],
        run: &mut Runner<'_>,
    ) -> Result<(), OpError> {
        if !self.add_col_ordering.is_empty() {
            self.reorder();
        }
        let temp: String = format!("_alembic_tmp_{}", self.table.name)
            .chars()
            .take(50)
            .collect();
        let mut new_table = Table::new(&temp, self.table.schema.clone());
        new_table.comment = self.table.comment.clone();
        new_table.sqlite_autoincrement = self.table.sqlite_autoincrement;
        new_table.columns = self.columns.values().cloned().collect();
        let pk_columns: Vec<String> = self
            .pk
            .columns
            .iter()
            .filter(|c| self.transfers.contains_key(*c) || self.columns.contains_key(*c))
            .map(|c| self.renamed(c))
            .collect();
        new_table.primary_key = PrimaryKey {
            name: self.pk.name.clone(),
            columns: pk_columns,
        };
        for c in table_args {
            new_table.add_constraint(c.clone());
        }
        for c in self.named.values().chain(self.unnamed.iter()) {
            let cols = Self::constraint_columns(c);
            if !cols.iter().all(|col| self.transfers.contains_key(col)) {
                continue;
            }
            let mut copy = c.clone();
            copy.order = next_order();
            match &mut copy.kind {
                ConstraintKind::Unique { columns } => {
                    *columns = columns.iter().map(|c| self.renamed(c)).collect();
                }
                ConstraintKind::ForeignKey(fk) => {
                    fk.columns = fk.columns.iter().map(|c| self.renamed(c)).collect();
                }
                ConstraintKind::Check { .. } => {}
            }
            new_table.add_constraint(copy);
        }
        for s in imp.create_table(&new_table, false) {
            run(&s)?;
        }
        let targets: Vec<String> = self
            .transfers
            .values()
            .filter(|t| t.expr.is_some())
            .map(|t| quote(imp.dialect, &t.name))
            .collect();
        let exprs: Vec<String> = self
            .transfers
            .values()
            .filter_map(|t| t.expr.clone())
            .collect();
        let old_name = qualified(imp.dialect, self.table.schema.as_deref(), &self.table.name);
        let temp_name = qualified(imp.dialect, self.table.schema.as_deref(), &temp);
        let copy = format!(
            "INSERT INTO {temp_name} ({}) SELECT {} \nFROM {old_name}",
            targets.join(", "),
            exprs.join(", ")
        );
        let copied = run(&copy).and_then(|()| {
            for s in imp.drop_table(&self.table, false) {
                run(&s)?;
            }
            Ok(())
        });
        if let Err(e) = copied {
            for s in imp.drop_table(&new_table, false) {
                let _ = run(&s);
            }
            return Err(e);
        }
        for s in imp.rename_table(&temp, &self.table.name, self.table.schema.as_deref()) {
            run(&s)?;
        }
        let mut final_table = new_table.clone();
        final_table.name = self.table.name.clone();
        let existing = self.indexes.values().map(|i| {
            let mut i = i.clone();
            i.columns = i
                .columns
                .iter()
                .map(|c| match c {
                    IndexItem::Column(n) => IndexItem::Column(self.renamed(n)),
                    other => other.clone(),
                })
                .collect();
            i
        });
        for idx in existing.chain(self.new_indexes.values().cloned()) {
            for s in imp.create_index(&final_table, &idx, false) {
                run(&s)?;
            }
        }
        Ok(())
    }
}
