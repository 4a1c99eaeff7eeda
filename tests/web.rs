//! In-browser tests (wasm32 only), run by wasm-bindgen-test-runner in headless Chromium:
//! the engine on sqlite-wasm-rs, the recorded scenarios, and the app mounting into a page.
#![cfg(target_arch = "wasm32")]

#[path = "common/transcript.rs"]
mod transcript;

#[path = "common/pyrun.rs"]
mod pyrun;

#[path = "common/bench_projects.rs"]
mod bench_projects;
#[path = "common/scenario_goldens.rs"]
mod scenario_goldens;
#[path = "common/schema_fixtures.rs"]
mod schema_fixtures;
#[path = "common/schema_models.rs"]
mod schema_models;
#[path = "common/schema_ops.rs"]
mod schema_ops;
#[path = "common/schema_reflect.rs"]
mod schema_reflect;
#[path = "common/tutorial_state.rs"]
mod tutorial_state;

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

/// The whole conformance suite in the browser: the same goldens the native suite replays.
#[wasm_bindgen_test]
fn recorded_scenarios_in_the_browser() {
    let mut failures = Vec::new();
    for &(name, golden) in scenario_goldens::GOLDENS {
        let mut fs = MemFs::new();
        fs.create_dir_all(PROJECT).unwrap();
        let mut shell = Shell::new(fs, PROJECT, BROWSER_HOME);
        if let Err(report) =
            transcript::check_steps(&mut shell, PROJECT, &transcript::parse_golden(golden))
        {
            failures.push(format!("{name}: {report}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The whole schema suite (models, directives, batch mode, reflection) on sqlite-wasm-rs in the
/// browser, against the same goldens the native suite checks.
#[wasm_bindgen_test]
fn schema_goldens_in_the_browser() {
    use schema_fixtures::{check, exact, run_dependent, sort_index_runs};
    let mut failures = Vec::new();
    failures.extend(check(
        schema_fixtures::MODELS,
        schema_models::render,
        sort_index_runs,
    ));
    failures.extend(check(
        schema_fixtures::OPS,
        schema_ops::render,
        run_dependent,
    ));
    failures.extend(check(
        schema_fixtures::BATCH,
        schema_ops::render,
        run_dependent,
    ));
    failures.extend(check(
        schema_fixtures::REFLECT,
        schema_reflect::render,
        exact,
    ));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let total = schema_fixtures::MODELS.len()
        + schema_fixtures::OPS.len()
        + schema_fixtures::BATCH.len()
        + schema_fixtures::REFLECT.len();
    assert!(total >= 68, "{total} schema fixtures");
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
        "aria-label=\"Guide, database and history\"",
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

/// The browser subset of the evaluator conformance suite, recorded from CPython 3.11.
#[wasm_bindgen_test]
fn python_fixtures_in_the_browser() {
    let fixtures = [
        (
            "smoke",
            include_str!("python/run/smoke.py"),
            include_str!("python/run/smoke.out"),
        ),
        (
            "real_settings_class",
            include_str!("python/run/real_settings_class.py"),
            include_str!("python/run/real_settings_class.out"),
        ),
        (
            "real_revision_graph",
            include_str!("python/run/real_revision_graph.py"),
            include_str!("python/run/real_revision_graph.out"),
        ),
        (
            "cls_enum_int_str_auto",
            include_str!("python/run/cls_enum_int_str_auto.py"),
            include_str!("python/run/cls_enum_int_str_auto.out"),
        ),
    ];
    for (name, source, out) in fixtures {
        let got = pyrun::run_main(&pyrun::single_file_project(source));
        assert_eq!(got, pyrun::parse_out(out), "{name}");
    }
}

/// Unbounded recursion ends in `RecursionError` before the engine's native stack runs out
/// (the browser stops sooner than CPython's 1000 frames; see BENCHMARKS.md).
#[wasm_bindgen_test]
fn unbounded_recursion_is_a_python_error() {
    let source = "class Node:\n    def walk(self, n):\n        for _ in [1]:\n            try:\n                return self.walk(n + 1)\n            finally:\n                pass\n\n\nNode().walk(0)\n";
    let got = pyrun::run_main(&pyrun::single_file_project(source));
    assert_eq!(got.exit_code, 1);
    assert!(
        got.stderr
            .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        got.stderr
    );
    assert!(got.stderr.contains("more times]"), "{}", got.stderr);
}

/// An infinite loop stops with the playground's step-budget error, within a second.
#[wasm_bindgen_test]
fn infinite_loop_stops_within_a_second() {
    let start = js_sys::Date::now();
    let got = pyrun::run_main(&pyrun::single_file_project("while True:\n    pass\n"));
    let elapsed = js_sys::Date::now() - start;
    assert_eq!(got.exit_code, 1);
    assert!(
        got.stderr.contains("is there an infinite loop?"),
        "{}",
        got.stderr
    );
    assert!(elapsed < 1000.0, "took {elapsed} ms");
    web_sys::console::log_1(&format!("infinite loop stopped after {elapsed:.0} ms").into());
}

/// Deeply nested values raise RecursionError from repr, hashing and comparison instead of
/// overflowing the browser's stack, and dropping them (or a long linked list of instances)
/// does not overflow it either.
#[wasm_bindgen_test]
fn deeply_nested_values_are_python_errors() {
    let source = "t = u = ()\nfor i in range(200000):\n    t = (t,)\n    u = (u,)\nfor f in (repr, hash, lambda v: v == u):\n    try:\n        f(t)\n    except RecursionError as e:\n        print(e)\nclass Node:\n    pass\nhead = None\nfor i in range(200000):\n    node = Node()\n    node.next = head\n    head = node\nt = u = head = node = None\nprint('dropped')\n";
    let got = pyrun::run_main(&pyrun::single_file_project(source));
    assert_eq!(
        got.stdout,
        "maximum recursion depth exceeded while getting the repr of an object\nmaximum recursion depth exceeded\nmaximum recursion depth exceeded in comparison\ndropped\n",
        "{}",
        got.stderr
    );
    assert_eq!(got.exit_code, 0, "{}", got.stderr);
}

/// A short loop over a huge list still runs out of steps: bulk work counts item by item.
#[wasm_bindgen_test]
fn bulk_work_counts_against_the_step_budget() {
    let start = js_sys::Date::now();
    let source = "big = [0] * 1000000\nwhile True:\n    -1 in big\n";
    let got = pyrun::run_main(&pyrun::single_file_project(source));
    let elapsed = js_sys::Date::now() - start;
    assert!(
        got.stderr.contains("is there an infinite loop?"),
        "{}",
        got.stderr
    );
    assert!(elapsed < 2000.0, "took {elapsed} ms");
}

#[path = "common/models_2000.rs"]
mod models_2000;

/// The browser half of the front-end benchmark (BENCHMARKS.md): figures go to the console,
/// where `tools/test.sh` shows them; nothing is asserted about time.
#[wasm_bindgen_test]
fn python_front_end_benchmark() {
    use alembic_playground::python::{parse, runtime::Interp};
    let source = models_2000::source();
    let mut fs = MemFs::new();
    fs.create_dir_all("/p").unwrap();
    fs.write("/p/models.py", source.as_bytes()).unwrap();
    let median = |f: &mut dyn FnMut()| {
        f();
        let mut samples: Vec<f64> = (0..15)
            .map(|_| {
                let start = js_sys::Date::now();
                f();
                js_sys::Date::now() - start
            })
            .collect();
        samples.sort_by(|a, b| a.total_cmp(b));
        samples[samples.len() / 2]
    };
    let parse_ms = median(&mut || {
        std::hint::black_box(parse(&source));
    });
    let run_ms = median(&mut || {
        let mut interp = Interp::new(&fs, "/p");
        assert!(interp.run_module("models", "/p/models.py", &source).is_ok());
    });
    web_sys::console::log_1(
        &format!("benchmark: 2000-line models file: parse {parse_ms:.1} ms, parse + evaluate {run_ms:.1} ms (median of 15)").into(),
    );
}

/// The live pending check (BENCHMARKS.md): the chapter's project with one model edit, median
/// of 15, printed for tools/test.sh's log.
#[wasm_bindgen_test]
fn pending_check_benchmark() {
    use alembic_playground::views::pending;
    let shell = tutorial_state::tutorial_with_an_edit();
    let vars = std::collections::BTreeMap::new();
    let run = || {
        let view = pending::read(&shell.fs, tutorial_state::PROJECT, &vars);
        assert!(
            matches!(view, pending::PendingView::Items(ref items) if items.len() == 2),
            "{view:?}"
        );
    };
    run();
    let mut samples: Vec<f64> = (0..15)
        .map(|_| {
            let start = js_sys::Date::now();
            run();
            js_sys::Date::now() - start
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    web_sys::console::log_1(
        &format!(
            "benchmark: pending check on the chapter's project: {:.1} ms (median of 15; min {:.1}, max {:.1})",
            samples[7], samples[0], samples[14]
        )
        .into(),
    );
}

/// Milliseconds for `f`, the median of `runs` after one warm-up run.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = js_sys::Date::now();
            f();
            js_sys::Date::now() - start
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}

/// `alembic revision --autogenerate` against 10, 100 and 500 model tables (BENCHMARKS.md; the
/// same projects tools/bench/autogenerate.py times with real Alembic).
#[wasm_bindgen_test]
fn autogenerate_benchmark() {
    for n in [10, 100, 500] {
        let mut shell = bench_projects::autogenerate_project(n);
        let versions = format!("{}/alembic/versions", bench_projects::PROJECT);
        let db = format!("{}/app.db", bench_projects::PROJECT);
        let ms = median_ms(3, || {
            for e in shell.fs.read_dir(&versions).unwrap() {
                shell.fs.remove(&format!("{versions}/{}", e.name)).unwrap();
            }
            let _ = shell.fs.remove(&db);
            let out = shell.run_line("alembic revision --autogenerate -m bench");
            assert_eq!(out.exit_code, 0);
        });
        web_sys::console::log_1(
            &format!("benchmark: autogenerate against {n} tables: {ms:.0} ms (median of 3)").into(),
        );
    }
}

/// `alembic upgrade head` over 10 and 100 linear revisions on a fresh database (BENCHMARKS.md;
/// tools/bench/upgrade.py times the same with real Alembic).
#[wasm_bindgen_test]
fn upgrade_benchmark() {
    for n in [10, 100] {
        let mut shell = bench_projects::upgrade_project(n);
        let db = format!("{}/app.db", bench_projects::PROJECT);
        let ms = median_ms(3, || {
            let _ = shell.fs.remove(&db);
            let out = shell.run_line("alembic upgrade head");
            assert_eq!(out.exit_code, 0);
        });
        web_sys::console::log_1(
            &format!("benchmark: upgrade head over {n} revisions: {ms:.0} ms (median of 3)").into(),
        );
    }
}

/// Load (issue 10): a workspace with 500 revisions and 500 tables. How long a command and
/// each panel's read take in the page, after the upgrade that builds it (BENCHMARKS.md).
#[wasm_bindgen_test]
fn load_benchmark() {
    use alembic_playground::views::{history, pending, schema};
    let mut shell = bench_projects::upgrade_project(500);
    let start = js_sys::Date::now();
    assert_eq!(shell.run_line("alembic upgrade head").exit_code, 0);
    let upgrade = js_sys::Date::now() - start;
    let project = bench_projects::PROJECT;
    let vars = std::collections::BTreeMap::new();
    let current = median_ms(3, || {
        assert_eq!(shell.run_line("alembic current").exit_code, 0);
    });
    let history_cmd = median_ms(3, || {
        assert_eq!(shell.run_line("alembic history").exit_code, 0);
    });
    let schema_ms = median_ms(3, || {
        assert_eq!(schema::read(&shell.fs, project).tables.len(), 500);
    });
    let graph_ms = median_ms(3, || {
        assert_eq!(
            history::read(&mut shell.fs, project, &vars, &[])
                .nodes
                .len(),
            500
        );
    });
    let pending_ms = median_ms(3, || {
        std::hint::black_box(pending::read(&shell.fs, project, &vars));
    });
    web_sys::console::log_1(
        &format!(
            "benchmark: 500 revisions, 500 tables: upgrade head {upgrade:.0} ms; alembic current {current:.0} ms; alembic history {history_cmd:.0} ms; schema panel {schema_ms:.0} ms; history panel {graph_ms:.0} ms; pending check {pending_ms:.0} ms (medians of 3)"
        )
        .into(),
    );
}
