//! The reversibility check and the downgrade warning, on the chapter's project with a
//! revision whose downgrade forgets a column and data that a downgrade drops.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/tutorial_state.rs"]
mod tutorial_state;

use alembic_playground::fs::FileSystem;
use alembic_playground::shell::Stream;

#[test]
fn check_reversible_names_what_does_not_round_trip() {
    let mut shell = tutorial_state::tutorial_with_an_edit();
    let p = tutorial_state::PROJECT;
    assert_eq!(
        shell
            .run_line("alembic revision -m \"add nickname\" --rev-id bbbbbbbbbbbb")
            .exit_code,
        0
    );
    let file = format!("{p}/alembic/versions/bbbbbbbbbbbb_add_nickname.py");
    let text = shell.fs.read_to_string(&file).unwrap();
    // The upgrade adds a column; the downgrade forgets to drop it.
    let text = text.replacen("    \"\"\"Upgrade schema.\"\"\"\n    pass", "    \"\"\"Upgrade schema.\"\"\"\n    op.add_column('user', sa.Column('nickname', sa.String(30)))", 1);
    shell.fs.write(&file, text.as_bytes()).unwrap();
    assert_eq!(shell.run_line("alembic upgrade head").exit_code, 0);
    assert_eq!(shell.run_line("sqlite3 app.db \"INSERT INTO user (email, is_active, nickname) VALUES ('a@b.c', 1, 'ada')\"").exit_code, 0);
    let before = shell.fs.clone();

    let out = shell.run_line("alembic-playground check-reversible");
    let text = out.text(Stream::Stdout);
    assert_eq!(out.exit_code, 1, "{text}");
    assert!(text.contains("✗ bbbbbbbbbbbb (add nickname):\n      after its downgrade, column user.nickname is left behind"), "{text}");
    assert!(
        text.contains("round-trips"),
        "the first revision round-trips: {text}"
    );
    assert!(
        text.contains("1 of 2 revisions do not round-trip."),
        "{text}"
    );
    assert_eq!(shell.fs, before, "the check touches nothing");

    // The first revision's downgrade drops user, which now holds a row.
    let out = shell.run_line("alembic downgrade base");
    let text = out.text(Stream::Stdout);
    assert!(!text.contains("drops table item"), "{text}");
    assert!(
        text.contains("playground: warning: this downgrade drops table user (1 row)"),
        "{text}"
    );
    assert_eq!(out.exit_code, 0, "the warning does not stop the downgrade");
}

#[test]
fn data_a_downgrade_drops_is_reported() {
    let mut shell = tutorial_state::tutorial_with_an_edit();
    assert_eq!(
        shell
            .run_line("alembic revision --autogenerate -m bio --rev-id cccccccccccc")
            .exit_code,
        0
    );
    assert_eq!(shell.run_line("alembic upgrade head").exit_code, 0);
    assert_eq!(shell.run_line("sqlite3 app.db \"INSERT INTO user (email, is_active, bio) VALUES ('a@b.c', 1, 'hello')\"").exit_code, 0);
    let text = shell
        .run_line("alembic-playground check-reversible")
        .text(Stream::Stdout);
    assert!(
        text.contains(
            "✗ cccccccccccc (bio):\n      downgrade then upgrade: 1 value of user.bio lost"
        ),
        "{text}"
    );
    let warn = shell.run_line("alembic downgrade -1").text(Stream::Stdout);
    assert!(
        warn.starts_with("playground: warning: this downgrade drops column user.bio (1 value)"),
        "{warn}"
    );
}
