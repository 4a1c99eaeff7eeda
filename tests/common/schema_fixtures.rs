//! The schema fixtures, compiled in so the same list runs natively and in the browser. A
//! native test checks the list against the folders, so a new fixture cannot be left out.

macro_rules! fixtures {
    ($dir:literal, $ext:literal: $($name:ident),* $(,)?) => {
        &[$((
            stringify!($name),
            include_str!(concat!("../schema/", $dir, "/", stringify!($name), ".", $ext)),
            include_str!(concat!("../schema/", $dir, "/", stringify!($name), ".golden")),
        )),*]
    };
}

/// `(name, source, golden)` of each fixture.
pub type Fixture = (&'static str, &'static str, &'static str);

pub const MODELS: &[Fixture] = fixtures!("models", "py":
        all_types,
        classic_columns,
        column_options,
        constraints,
        core_tables,
        enums,
        err_duplicate_table,
        err_missing_fk_target,
        err_no_primary_key,
        err_no_tablename,
        future_annotations,
        mixins,
        naming_convention,
        nullability,
        tutorial_mapped,
);

pub const OPS: &[Fixture] = fixtures!("ops", "py":
        add_column,
        add_column_duplicate,
        add_column_foreign_key,
        add_column_func_default_rows,
        add_column_not_null_rows,
        add_column_unique,
        alter_column_nullable,
        alter_column_rename,
        alter_column_server_default,
        alter_column_type,
        bulk_insert,
        constraint_check_constraint,
        constraint_drop_constraint,
        constraint_drop_constraint_unnamed,
        constraint_foreign_key,
        constraint_primary_key,
        constraint_unique_constraint,
        create_table_autogen,
        create_table_exists,
        create_table_options,
        create_table_types,
        drop_column,
        drop_column_foreign_key,
        drop_column_indexed,
        drop_column_unique,
        drop_table,
        execute_errors,
        execute_forms,
        get_bind,
        if_exists,
        index_duplicate,
        indexes,
        rename_table,
        table_comment,
);

pub const BATCH: &[Fixture] = fixtures!("batch", "py":
        add_drop_column,
        add_only,
        alter_type_nullable,
        copy_from,
        create_foreign_key_named,
        drop_constraint,
        drop_indexed_column,
        leftover_tmp_table,
        naming_convention,
        not_null_fails,
        not_null_leaves_tmp_table,
        recreate_always,
        reflect_args,
        rename_column,
        table_args,
        unnamed_constraint,
);

pub const REFLECT: &[Fixture] = fixtures!("reflect", "sql":
        alembic_tables,
        handwritten,
        renamed,
);

/// Renders each fixture and compares it with its golden after `normalize`; returns a report
/// per fixture that differs, showing the first differing lines.
pub fn check(
    list: &[Fixture],
    render: fn(&str) -> String,
    normalize: fn(&str) -> String,
) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, source, golden) in list {
        let ours = normalize(&render(source));
        let golden = normalize(golden);
        if ours == golden {
            continue;
        }
        let g: Vec<&str> = golden.lines().collect();
        let o: Vec<&str> = ours.lines().collect();
        let first = (0..g.len().max(o.len()))
            .find(|&i| g.get(i) != o.get(i))
            .unwrap_or(0);
        let show = |v: &[&str]| {
            v.iter()
                .skip(first.saturating_sub(2))
                .take(8)
                .map(|l| format!("      {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        failures.push(format!(
            "{name}: first difference at line {}\n    want:\n{}\n    got:\n{}",
            first + 1,
            show(&g),
            show(&o)
        ));
    }
    failures
}

/// Compares text as is.
pub fn exact(text: &str) -> String {
    text.to_string()
}

/// For `create_all` goldens: each run of consecutive index blocks sorted. SQLAlchemy keeps
/// `Table.indexes` in a Python `set` of objects hashed by address, so the order it creates a
/// table's indexes in depends on memory layout, not on the model; the playground creates them
/// in declaration order.
pub fn sort_index_runs(text: &str) -> String {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if line.starts_with("-- ") || blocks.is_empty() {
            blocks.push(vec![line]);
        } else {
            blocks.last_mut().unwrap().push(line);
        }
    }
    let is_index = |b: &Vec<&str>| {
        b.iter()
            .any(|l| l.starts_with("|CREATE INDEX") || l.starts_with("|CREATE UNIQUE INDEX"))
    };
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut run: Vec<Vec<&str>> = Vec::new();
    for b in blocks {
        if is_index(&b) {
            run.push(b);
        } else {
            run.sort();
            out.append(&mut run);
            out.push(b);
        }
    }
    run.sort();
    out.append(&mut run);
    out.into_iter().flatten().collect::<Vec<_>>().join("\n") + "\n"
}

/// For directive goldens, two values that differ on every run of the oracle too: a memory
/// address in a Python repr (`object at 0x7f...`) becomes `0x…`, and a timestamp SQLite's
/// clock wrote (`CURRENT_TIMESTAMP` defaults) becomes `'<now>'`.
pub fn run_dependent(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let hex = tail.chars().take_while(|c| c.is_ascii_hexdigit()).count();
        out.push_str("0x…");
        rest = &tail[hex..];
    }
    out.push_str(rest);
    let shape = "'dddd-dd-dd dd:dd:dd'";
    let b = out.as_bytes();
    let mut res = String::new();
    let mut i = 0;
    while i < b.len() {
        let fits = b.len() - i >= shape.len()
            && shape.bytes().zip(&b[i..]).all(|(s, c)| match s {
                b'd' => c.is_ascii_digit(),
                other => other == *c,
            });
        if fits {
            res.push_str("'<now>'");
            i += shape.len();
        } else {
            let ch = out[i..].chars().next().unwrap();
            res.push(ch);
            i += ch.len_utf8();
        }
    }
    res
}
