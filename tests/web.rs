//! In-browser tests (wasm32 only), run by wasm-bindgen-test-runner in headless Chromium:
//! the engine on sqlite-wasm-rs, the recorded scenarios, and the app mounting into a page.
#![cfg(target_arch = "wasm32")]

#[path = "common/transcript.rs"]
mod transcript;

use alembic_playground::db::{self, Database};
use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::{Shell, BROWSER_HOME};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PROJECT: &str = "/home/learner/fastapi_template";

#[wasm_bindgen_test]
fn browser_runs_the_same_sqlite_as_native() {
    assert_eq!(db::sqlite_version(), "3.41.2");
    let db = Database::open_in_memory().unwrap();
    db.execute_batch("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(50) NOT NULL)")
        .unwrap();
    let err = db
        .execute_batch("ALTER TABLE users ALTER COLUMN email DROP NOT NULL")
        .unwrap_err();
    assert_eq!(err.message, "near \"ALTER\": syntax error");
}

/// The browser subset of the conformance suite: the same goldens the native suite replays.
#[wasm_bindgen_test]
fn recorded_scenarios_in_the_browser() {
    let goldens = [
        (
            "alembic_top_level",
            include_str!("scenarios/alembic_top_level.golden"),
        ),
        (
            "shell_basics",
            include_str!("scenarios/shell_basics.golden"),
        ),
    ];
    for (name, golden) in goldens {
        let mut fs = MemFs::new();
        fs.create_dir_all(PROJECT).unwrap();
        let mut shell = Shell::new(fs, PROJECT, BROWSER_HOME);
        if let Err(report) = transcript::check_steps(&mut shell, &transcript::parse_golden(golden))
        {
            panic!("{name}: {report}");
        }
    }
}

#[wasm_bindgen_test]
async fn app_mounts_with_its_landmarks() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<alembic_playground::ui::App>::with_root(root.clone()).render();
    // Yew renders on its scheduler; give it a turn of the event loop.
    gloo_timers_sleep().await;
    let html = root.inner_html();
    for needle in [
        "Alembic Playground",
        "aria-label=\"Project files\"",
        "aria-label=\"Terminal input\"",
        "aria-label=\"Terminal output\"",
        "aria-label=\"Database and history\"",
        "models.py",
        "SQLite 3.41.2",
    ] {
        assert!(html.contains(needle), "missing {needle} in {html}");
    }
}

async fn gloo_timers_sleep() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
