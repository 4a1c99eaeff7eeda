//! Rendering autogenerate's operations as Python (`alembic/autogenerate/render.py`): the text
//! that goes into `upgrade()` and `downgrade()` between the `# ### commands auto generated`
//! markers, with Alembic's indentation, `op.f()` names, `sa.` types and argument order.

use super::{Alter, Op};
use crate::python::runtime::value::repr_str;
use crate::schema::{
    Column, ConstraintKind, ForeignKeySpec, Index, IndexItem, Name, ServerDefault, Table,
};

const INDENT: &str = "    ";
const ALTER_INDENT: &str = "               ";

fn q(s: &str) -> String {
    repr_str(s)
}

/// A name as autogenerate writes it: `op.f('...')` when a convention or reflection made it.
fn name(prefix: &str, n: &Name, force_conv: bool) -> String {
    match &n.value {
        None => "None".into(),
        Some(v) if n.conv || force_conv => format!("{prefix}f({})", q(v)),
        Some(v) => q(v),
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
    )
}

fn server_default(d: &ServerDefault) -> String {
    match d {
        ServerDefault::Literal(s) => q(s),
        other => {
            let sql = crate::schema::ddl::default_sql(crate::schema::Dialect::Sqlite, other);
            let wrapped = match other {
                ServerDefault::Func { .. } => format!("({sql})"),
                _ => sql,
            };
            format!("sa.text({})", q(&wrapped))
        }
    }
}

fn column(c: &Column) -> String {
    let mut args = vec![q(&c.name), format!("sa.{}", c.type_.repr())];
    if let Some(d) = &c.server_default {
        args.push(format!("server_default={}", server_default(d)));
    }
    args.push(format!(
        "nullable={}",
        if c.nullable { "True" } else { "False" }
    ));
    if let Some(comment) = &c.comment {
        args.push(format!("comment={}", q(comment)));
    }
    format!("sa.Column({})", args.join(", "))
}

fn foreign_key(n: &Name, fk: &ForeignKeySpec, reflected: bool) -> String {
    let refs: Vec<String> = fk
        .ref_columns
        .iter()
        .map(|c| format!("{}.{c}", fk.ref_table))
        .collect();
    let mut opts = Vec::new();
    if n.value.is_some() {
        opts.push(format!("name={}", name("op.", n, reflected)));
    }
    if let Some(u) = &fk.onupdate {
        opts.push(format!("onupdate={}", q(u)));
    }
    if let Some(d) = &fk.ondelete {
        opts.push(format!("ondelete={}", q(d)));
    }
    if let Some(d) = fk.deferrable {
        opts.push(format!("deferrable={}", if d { "True" } else { "False" }));
    }
    if let Some(i) = &fk.initially {
        opts.push(format!("initially={}", q(i)));
    }
    format!(
        "sa.ForeignKeyConstraint({}, {}, {})",
        list(&fk.columns),
        list(&refs),
        opts.join(", ")
    )
}

/// `op.create_table(...)`: columns, then constraints sorted by their text.
fn create_table(t: &Table, reflected: bool) -> Vec<String> {
    let mut lines = vec![format!("op.create_table({},", q(&t.name))];
    let mut items: Vec<String> = t.columns.iter().map(column).collect();
    let mut constraints = Vec::new();
    if !t.primary_key.columns.is_empty() {
        let cols: Vec<String> = t.primary_key.columns.iter().map(|c| q(c)).collect();
        let mut text = format!("sa.PrimaryKeyConstraint({}", cols.join(", "));
        if t.primary_key.name.value.is_some() {
            text.push_str(&format!(
                ", name={}",
                name("op.", &t.primary_key.name, reflected)
            ));
        }
        text.push(')');
        constraints.push(text);
    }
    for c in &t.constraints {
        if c.type_check {
            continue;
        }
        constraints.push(match &c.kind {
            ConstraintKind::ForeignKey(fk) => foreign_key(&c.name, fk, reflected),
            ConstraintKind::Unique { columns } => {
                let mut args: Vec<String> = columns.iter().map(|c| q(c)).collect();
                if c.name.value.is_some() {
                    args.push(format!("name={}", name("op.", &c.name, reflected)));
                }
                format!("sa.UniqueConstraint({})", args.join(", "))
            }
            ConstraintKind::Check { sqltext } => {
                let mut args = vec![q(sqltext)];
                if c.name.value.is_some() {
                    args.push(format!("name={}", name("op.", &c.name, reflected)));
                }
                format!("sa.CheckConstraint({})", args.join(", "))
            }
        });
    }
    constraints.sort();
    items.extend(constraints);
    let n = items.len();
    for (i, item) in items.into_iter().enumerate() {
        lines.push(if i + 1 < n { format!("{item},") } else { item });
    }
    lines.push(")".into());
    lines
}

fn index_cols(i: &Index) -> Vec<String> {
    i.columns
        .iter()
        .map(|c| match c {
            IndexItem::Column(n) => n.clone(),
            IndexItem::Expression(e) => e.clone(),
        })
        .collect()
}

fn create_index(table: &str, i: &Index, reflected: bool) -> String {
    // Alembic writes `unique=index.unique or False`; SQLite's reflection gives the flag as
    // PRAGMA index_list's integer, so a reflected unique index comes out as `unique=1`.
    let unique = match (i.unique, reflected) {
        (true, true) => "1",
        (true, false) => "True",
        (false, _) => "False",
    };
    format!(
        "op.create_index({}, {}, {}, unique={unique})",
        name("op.", &i.name, reflected),
        q(table),
        list(&index_cols(i)),
    )
}

fn drop_index(table: &str, i: &Index, reflected: bool) -> String {
    format!(
        "op.drop_index({}, table_name={})",
        name("op.", &i.name, reflected),
        q(table)
    )
}

fn alter(a: &Alter, up: bool) -> String {
    let (existing, new_type, nullable, existing_nullable) = if up {
        (
            a.existing_type.clone(),
            a.type_.clone(),
            a.nullable,
            a.existing_nullable,
        )
    } else {
        let model_type = a.type_.clone().unwrap_or_else(|| a.existing_type.clone());
        let now_nullable = a.nullable.unwrap_or(a.existing_nullable);
        (
            model_type,
            a.type_.as_ref().map(|_| a.existing_type.clone()),
            a.nullable.map(|_| a.existing_nullable),
            now_nullable,
        )
    };
    // A changed default goes one way up and back down; an unchanged one is carried along.
    let existing_default = a.existing_server_default.clone().flatten();
    let (new_default, kept_default) = match (&a.server_default, up) {
        (Some(model), true) => (Some(model.clone()), None),
        (Some(_), false) => (Some(existing_default.clone()), None),
        (None, _) => (None, existing_default.clone()),
    };
    let mut text = format!("op.alter_column({}, {}", q(&a.table), q(&a.column));
    text.push_str(&format!(
        ",\n{ALTER_INDENT}existing_type=sa.{}",
        existing.repr()
    ));
    if let Some(d) = &new_default {
        let rendered = d.as_ref().map_or("None".to_string(), server_default);
        text.push_str(&format!(",\n{ALTER_INDENT}server_default={rendered}"));
    }
    if let Some(t) = new_type {
        text.push_str(&format!(",\n{ALTER_INDENT}type_=sa.{}", t.repr()));
    }
    match nullable {
        Some(n) => text.push_str(&format!(
            ",\n{ALTER_INDENT}nullable={}",
            if n { "True" } else { "False" }
        )),
        None => text.push_str(&format!(
            ",\n{ALTER_INDENT}existing_nullable={}",
            if existing_nullable { "True" } else { "False" }
        )),
    }
    if let Some(d) = &kept_default {
        text.push_str(&format!(
            ",\n{ALTER_INDENT}existing_server_default={}",
            server_default(d)
        ));
    }
    text.push(')');
    text
}

fn drop_constraint_lines(table: &str, n: &Name, kind: &str) -> Vec<String> {
    let mut out = Vec::new();
    if n.value.is_none() {
        out.push("# WARNING: constraint name is None; this directive will fail as".into());
        out.push("# rendered.  Add a name, or use a naming convention; see".into());
        out.push("# https://alembic.sqlalchemy.org/en/latest/naming.html".into());
    }
    // Reflected names come in as final (`op.f()`), the models' own as given.
    out.push(format!(
        "op.drop_constraint({}, {}, type_={})",
        name("op.", n, false),
        q(table),
        q(kind)
    ));
    out
}

/// The lines of one operation (`up`) or of its inverse.
fn op_lines(op: &Op, up: bool) -> Vec<String> {
    match (op, up) {
        (Op::CreateTable(t), true) => create_table(t, false),
        (Op::CreateTable(t), false) => vec![format!("op.drop_table({})", q(&t.name))],
        (Op::DropTable(t), true) => vec![format!("op.drop_table({})", q(&t.name))],
        (Op::DropTable(t), false) => create_table(t, true),
        (Op::AddColumn { table, column: c }, true) => {
            vec![format!("op.add_column({}, {})", q(table), column(c))]
        }
        (Op::AddColumn { table, column: c }, false) => {
            vec![format!("op.drop_column({}, {})", q(table), q(&c.name))]
        }
        (Op::DropColumn { table, column: c }, true) => {
            vec![format!("op.drop_column({}, {})", q(table), q(&c.name))]
        }
        (Op::DropColumn { table, column: c }, false) => {
            vec![format!("op.add_column({}, {})", q(table), column(c))]
        }
        (Op::AlterColumn(a), up) => vec![alter(a, up)],
        (Op::CreateIndex { table, index }, true) => vec![create_index(table, index, false)],
        (Op::CreateIndex { table, index }, false) => vec![drop_index(table, index, false)],
        (Op::DropIndex { table, index }, true) => vec![drop_index(table, index, true)],
        (Op::DropIndex { table, index }, false) => vec![create_index(table, index, true)],
        (
            Op::CreateUnique {
                table,
                name: n,
                conv,
                columns,
            },
            true,
        ) => {
            let nm = Name {
                value: n.clone(),
                conv: *conv,
            };
            vec![format!(
                "op.create_unique_constraint({}, {}, {})",
                name("op.", &nm, false),
                q(table),
                list(columns)
            )]
        }
        (
            Op::CreateUnique {
                table,
                name: n,
                conv,
                ..
            },
            false,
        ) => drop_constraint_lines(
            table,
            &Name {
                value: n.clone(),
                conv: *conv,
            },
            "unique",
        ),
        (Op::DropUnique { table, name: n, .. }, true) => drop_constraint_lines(
            table,
            &Name {
                value: n.clone(),
                conv: true,
            },
            "unique",
        ),
        (
            Op::DropUnique {
                table,
                name: n,
                columns,
                ..
            },
            false,
        ) => {
            let nm = Name {
                value: n.clone(),
                conv: true,
            };
            vec![format!(
                "op.create_unique_constraint({}, {}, {})",
                name("op.", &nm, true),
                q(table),
                list(columns)
            )]
        }
        (
            Op::CreateForeignKey {
                table,
                name: n,
                spec,
            },
            true,
        ) => vec![create_fk(table, n, spec, false)],
        (Op::CreateForeignKey { table, name: n, .. }, false) => drop_constraint_lines(
            table,
            &Name {
                value: n.clone(),
                conv: false,
            },
            "foreignkey",
        ),
        (Op::DropForeignKey { table, name: n, .. }, true) => drop_constraint_lines(
            table,
            &Name {
                value: n.clone(),
                conv: true,
            },
            "foreignkey",
        ),
        (
            Op::DropForeignKey {
                table,
                name: n,
                spec,
            },
            false,
        ) => vec![create_fk(table, n, spec, true)],
    }
}

fn create_fk(table: &str, n: &Option<String>, spec: &ForeignKeySpec, reflected: bool) -> String {
    let nm = Name {
        value: n.clone(),
        conv: false,
    };
    let mut text = format!(
        "op.create_foreign_key({}, {}, {}, {}, {}",
        name("op.", &nm, reflected),
        q(table),
        q(&spec.ref_table),
        list(&spec.columns),
        list(&spec.ref_columns)
    );
    if let Some(u) = &spec.onupdate {
        text.push_str(&format!(", onupdate={}", q(u)));
    }
    if let Some(d) = &spec.ondelete {
        text.push_str(&format!(", ondelete={}", q(d)));
    }
    text.push(')');
    text
}

/// The `upgrades` and `downgrades` texts for the template: the markers and the operations,
/// each line indented for the function body (the first line takes the template's indent).
/// With `batch` (`render_as_batch=True`), each run of changes to one existing table goes in a
/// `with op.batch_alter_table(...)` block, as Alembic renders its ModifyTableOps.
pub fn render(ops: &[Op], batch: bool) -> (String, String) {
    let wrap = |lines: Vec<String>| -> String {
        let mut out = String::from("# ### commands auto generated by Alembic - please adjust! ###");
        if lines.is_empty() {
            out.push_str(&format!("\n{INDENT}pass"));
        }
        for l in lines {
            for part in l.split('\n') {
                out.push('\n');
                if part.is_empty() || part.starts_with(ALTER_INDENT) {
                    out.push_str(part);
                } else {
                    out.push_str(INDENT);
                    out.push_str(part);
                }
            }
        }
        out.push_str(&format!("\n{INDENT}# ### end Alembic commands ###"));
        out
    };
    let up: Vec<&Op> = ops.iter().collect();
    let down: Vec<&Op> = ops.iter().rev().collect();
    (
        wrap(body(&up, true, batch)),
        wrap(body(&down, false, batch)),
    )
}

/// The lines for `ops` in order, grouped into batch blocks when `batch`.
fn body(ops: &[&Op], up: bool, batch: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        let Some(table) = batch.then(|| modified_table(ops[i])).flatten() else {
            lines.extend(op_lines(ops[i], up));
            i += 1;
            continue;
        };
        lines.push(format!(
            "with op.batch_alter_table({}, schema=None) as batch_op:",
            q(table)
        ));
        while i < ops.len() && modified_table(ops[i]) == Some(table) {
            for l in op_lines(ops[i], up) {
                let l = batch_line(&l, table);
                lines.push(
                    l.split('\n')
                        .map(|p| {
                            if p.starts_with(ALTER_INDENT) {
                                p.to_string()
                            } else {
                                format!("{INDENT}{p}")
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            i += 1;
        }
        lines.push(String::new());
    }
    lines
}

/// The existing table an operation changes (what a batch block is for); `None` for creating
/// or dropping a whole table.
fn modified_table(op: &Op) -> Option<&str> {
    match op {
        Op::CreateTable(_) | Op::DropTable(_) => None,
        Op::AddColumn { table, .. }
        | Op::DropColumn { table, .. }
        | Op::CreateIndex { table, .. }
        | Op::DropIndex { table, .. }
        | Op::CreateUnique { table, .. }
        | Op::DropUnique { table, .. }
        | Op::CreateForeignKey { table, .. }
        | Op::DropForeignKey { table, .. } => Some(table),
        Op::AlterColumn(a) => Some(&a.table),
    }
}

/// A rendered `op.<directive>(...)` as the batch operation writes it: `batch_op.`, without
/// the table argument, and `batch_op.f()` for final names.
fn batch_line(line: &str, table: &str) -> String {
    let Some(rest) = line.strip_prefix("op.") else {
        return line.to_string();
    };
    let t = q(table);
    let mut s = format!("batch_op.{}", rest.replace("op.f(", "batch_op.f("));
    s = s.replacen(&format!(", table_name={t}"), "", 1);
    let first_arg = [
        "batch_op.add_column(",
        "batch_op.drop_column(",
        "batch_op.alter_column(",
    ];
    if first_arg.iter().any(|p| s.starts_with(p)) {
        s.replacen(&format!("({t}, "), "(", 1)
    } else {
        s.replacen(&format!(", {t}"), "", 1)
    }
}

/// Whether any rendered directive drops an unnamed constraint (Alembic warns about it).
pub fn unnamed_drops(ops: &[Op]) -> Vec<String> {
    // The upgrade renders first, then the downgrade (the ops reversed), where every unnamed
    // constraint the upgrade creates is dropped again.
    let upgrade = ops.iter().filter_map(|o| match o {
        Op::DropForeignKey {
            table, name: None, ..
        }
        | Op::DropUnique {
            table, name: None, ..
        } => Some(table.clone()),
        _ => None,
    });
    let downgrade = ops.iter().rev().filter_map(|o| match o {
        Op::CreateForeignKey {
            table, name: None, ..
        }
        | Op::CreateUnique {
            table, name: None, ..
        } => Some(table.clone()),
        _ => None,
    });
    // Python shows a warning once per message and place, so once per table.
    let mut tables: Vec<String> = Vec::new();
    for t in upgrade.chain(downgrade) {
        if !tables.contains(&t) {
            tables.push(t);
        }
    }
    tables
}
