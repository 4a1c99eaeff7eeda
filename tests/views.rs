//! The side panels' models (`views`): the schema, the revision graph and the live pending
//! changes, checked along the chapter's path through a real shell session.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::Shell;
use alembic_playground::views::pending::{Kind, PendingView};
use alembic_playground::views::schema::Change;
use alembic_playground::views::{history, pending, schema};

#[path = "common/tutorial_state.rs"]
mod tutorial_state;

use tutorial_state::{fresh_project as project, PROJECT};

fn run(shell: &mut Shell<MemFs>, line: &str) {
    let out = shell.run_line(line);
    assert!(out.exit_code == 0, "{line}: {:?}", out.events);
}

fn replace(shell: &mut Shell<MemFs>, file: &str, from: &str, to: &str) {
    let path = format!("{PROJECT}/{file}");
    let text = shell.fs.read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    shell
        .fs
        .write(&path, text.replacen(from, to, 1).as_bytes())
        .unwrap();
}

fn pending_items(shell: &Shell<MemFs>) -> Vec<(Kind, String)> {
    match pending::read(&shell.fs, PROJECT, &BTreeMap::new()) {
        PendingView::Items(items) => items
            .into_iter()
            .map(|i| (i.kind, format!("{} {}.{}", i.object, i.table, i.name)))
            .collect(),
        other => panic!("expected items, got {other:?}"),
    }
}

thread_local! {
    // One cache per test thread, living across a test's steps as the page's does.
    static CACHE: std::cell::RefCell<history::Cache> = Default::default();
}

/// The history panel's graph; read through the page's cache too, which must always agree.
fn history_of(shell: &mut Shell<MemFs>) -> history::HistoryView {
    let current = schema::read(&shell.fs, PROJECT)
        .versions
        .unwrap_or_default();
    let vars = BTreeMap::new();
    let view = history::read(&mut shell.fs, PROJECT, &vars, &current);
    let cached = CACHE.with(|c| {
        history::read_cached(&mut c.borrow_mut(), &mut shell.fs, PROJECT, &vars, &current)
    });
    assert_eq!(cached, view, "the cached graph differs");
    view
}

#[test]
fn the_panels_follow_the_chapter() {
    let mut shell = project();
    let fresh = schema::read(&shell.fs, PROJECT);
    assert!(fresh.tables.is_empty());
    assert!(fresh.note.unwrap().starts_with("No database yet: app.db"));
    assert_eq!(
        pending::read(&shell.fs, PROJECT, &BTreeMap::new()),
        PendingView::NotInitialized
    );
    assert!(history_of(&mut shell)
        .note
        .unwrap()
        .contains("alembic init"));

    run(&mut shell, "alembic init alembic");
    replace(
        &mut shell,
        "alembic.ini",
        "driver://user:pass@localhost/dbname",
        "sqlite:///./app.db",
    );
    match pending::read(&shell.fs, PROJECT, &BTreeMap::new()) {
        PendingView::Blocked(m) => assert!(m.contains("does not provide a MetaData object"), "{m}"),
        other => panic!("{other:?}"),
    }
    replace(
        &mut shell,
        "alembic/env.py",
        "target_metadata = None",
        "from app.common.database.base import Base\nfrom app.db.models import User, Item\ntarget_metadata = Base.metadata",
    );
    let before = shell.fs.clone();
    assert_eq!(
        pending_items(&shell),
        [
            (Kind::Add, "table user.".to_string()),
            (Kind::Add, "index user.ix_user_email".to_string()),
            (Kind::Add, "table item.".to_string()),
            (Kind::Add, "index item.ix_item_title".to_string()),
        ]
    );
    assert_eq!(shell.fs, before, "the pending check writes nothing");

    run(
        &mut shell,
        "alembic revision --autogenerate -m \"Create user and item tables\"",
    );
    match pending::read(&shell.fs, PROJECT, &BTreeMap::new()) {
        PendingView::Blocked(m) => assert_eq!(m, "Target database is not up to date."),
        other => panic!("{other:?}"),
    }
    let empty = schema::read(&shell.fs, PROJECT);
    run(&mut shell, "alembic upgrade head");
    let now = schema::read(&shell.fs, PROJECT);
    let names: Vec<&str> = now.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["item", "user"]);
    let item = &now.tables[0];
    let owner = item.columns.iter().find(|c| c.name == "owner_id").unwrap();
    assert_eq!(
        (
            owner.type_.as_str(),
            owner.nullable,
            owner.references.as_deref()
        ),
        ("INTEGER", false, Some("user.id"))
    );
    let user = &now.tables[1];
    let email = user.columns.iter().find(|c| c.name == "email").unwrap();
    assert!(email.unique && !email.nullable && email.type_ == "VARCHAR(255)");
    assert!(user.columns[0].primary_key);
    assert_eq!(user.indexes[0].name, "ix_user_email");
    let marked = schema::mark_changes(&empty, &now);
    assert!(marked.tables.iter().all(|t| t.change == Change::Added));
    assert_eq!(
        pending::read(&shell.fs, PROJECT, &BTreeMap::new()),
        PendingView::UpToDate
    );

    let graph = history_of(&mut shell);
    let versions = now.versions.clone().unwrap();
    assert_eq!(graph.nodes.len(), 1);
    let node = &graph.nodes[0];
    assert!(node.head && node.base && node.current && node.id == versions[0]);
    assert_eq!(node.message, "Create user and item tables");

    replace(
        &mut shell,
        "app/db/models.py",
        "    full_name: Mapped[str | None] = mapped_column(String(100))",
        "    full_name: Mapped[str] = mapped_column(String(200))\n    bio: Mapped[str | None] = mapped_column(String(500))",
    );
    assert_eq!(
        pending_items(&shell),
        [
            (Kind::Add, "column user.bio".to_string()),
            (Kind::Change, "column user.full_name".to_string())
        ]
    );
    // SQLite cannot ALTER a column outside batch mode; keep the learner's change to the new one.
    replace(
        &mut shell,
        "app/db/models.py",
        "full_name: Mapped[str] = mapped_column(String(200))",
        "full_name: Mapped[str | None] = mapped_column(String(100))",
    );
    run(&mut shell, "alembic revision --autogenerate -m \"bio\"");
    run(&mut shell, "alembic upgrade head");
    let after = schema::mark_changes(&now, &schema::read(&shell.fs, PROJECT));
    let user = after.tables.iter().find(|t| t.name == "user").unwrap();
    assert_eq!(user.change, Change::Altered);
    let change = |n: &str| user.columns.iter().find(|c| c.name == n).unwrap().change;
    assert_eq!(
        (change("bio"), change("full_name")),
        (Change::Added, Change::Same)
    );
    let upgraded = schema::read(&shell.fs, PROJECT);
    run(&mut shell, "alembic downgrade -1");
    let back = schema::mark_changes(&upgraded, &schema::read(&shell.fs, PROJECT));
    let user = back.tables.iter().find(|t| t.name == "user").unwrap();
    let bio = user.columns.iter().find(|c| c.name == "bio").unwrap();
    assert_eq!(
        (user.change, bio.change),
        (Change::Altered, Change::Removed),
        "a dropped column stays in view, marked"
    );
    assert_eq!(
        back.tables
            .iter()
            .find(|t| t.name == "item")
            .unwrap()
            .change,
        Change::Same
    );
}

#[test]
fn branches_get_lanes_and_merges_join_them() {
    let mut shell = project();
    run(&mut shell, "alembic init alembic");
    run(&mut shell, "alembic revision -m base --rev-id aaaa");
    run(&mut shell, "alembic revision -m left --rev-id bbbb");
    run(
        &mut shell,
        "alembic revision -m right --head aaaa --splice --rev-id cccc",
    );
    let graph = history_of(&mut shell);
    assert_eq!(graph.lanes, 2);
    let lanes: Vec<(&str, usize)> = graph
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.lane))
        .collect();
    assert_eq!(lanes.len(), 3);
    assert!(graph.node("aaaa").unwrap().branch_point);
    assert_ne!(
        graph.node("bbbb").unwrap().lane,
        graph.node("cccc").unwrap().lane
    );
    run(&mut shell, "alembic merge -m join heads --rev-id dddd");
    let graph = history_of(&mut shell);
    let merge = graph.node("dddd").unwrap();
    assert!(merge.merge && merge.head && merge.row == 0);
    assert_eq!(graph.nodes.last().unwrap().id, "aaaa");
}

/// Something done to the project between two looks at the graph.
type Step = dyn Fn(&mut Shell<MemFs>);

#[test]
fn the_cached_graph_follows_every_change() {
    let mut shell = project();
    // Each step changes something the graph shows: files, the database, or both.
    let steps: &[&Step] = &[
        &|sh| run(sh, "alembic init alembic"),
        &|sh| {
            let url = "sqlite:///./app.db";
            replace(
                sh,
                "alembic.ini",
                "driver://user:pass@localhost/dbname",
                url,
            )
        },
        &|sh| run(sh, "alembic revision -m one --rev-id aaaa"),
        &|sh| run(sh, "alembic revision -m two --rev-id bbbb"),
        &|sh| run(sh, "alembic upgrade aaaa"),
        &|sh| run(sh, "alembic upgrade head"),
        &|sh| run(sh, "alembic downgrade base"),
        &|sh| {
            replace(
                sh,
                "alembic/versions/bbbb_two.py",
                "\"\"\"two",
                "\"\"\"second",
            )
        },
        &|sh| run(sh, "alembic stamp bbbb"),
        &|sh| {
            sh.fs
                .remove(&format!("{PROJECT}/alembic/versions/bbbb_two.py"))
                .unwrap()
        },
        &|sh| {
            replace(
                sh,
                "alembic.ini",
                "script_location = ",
                "script_location = %(here)s/",
            )
        },
    ];
    for (i, step) in steps.iter().enumerate() {
        step(&mut shell);
        // history_of compares the cached graph with a fresh read.
        let graph = history_of(&mut shell);
        assert!(
            graph.note.is_none() || i <= 1 || i >= 9,
            "step {i}: {:?}",
            graph.note
        );
    }
}
