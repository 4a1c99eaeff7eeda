//! Benchmark: the live pending check (what `alembic check` would report) on the chapter's
//! project with one model edit, and the other panels' reads (BENCHMARKS.md).
//! `cargo bench --bench panels` prints the median of repeated runs.

#[path = "../tests/common/tutorial_state.rs"]
mod tutorial_state;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use alembic_playground::views::{history, pending, schema};

fn measure(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let mut shell = tutorial_state::tutorial_with_an_edit();
    let project = tutorial_state::PROJECT;
    let vars = BTreeMap::new();
    let pending = measure(50, || {
        assert!(matches!(
            pending::read(&shell.fs, project, &vars),
            pending::PendingView::Items(_)
        ));
    });
    let schema = measure(50, || {
        std::hint::black_box(schema::read(&shell.fs, project));
    });
    let graph = measure(50, || {
        std::hint::black_box(history::read(&mut shell.fs, project, &vars, &[]));
    });
    println!(
        "pending check: {:.2} ms (median of 50)",
        pending.as_secs_f64() * 1e3
    );
    println!(
        "schema read: {:.2} ms (median of 50)",
        schema.as_secs_f64() * 1e3
    );
    println!(
        "history read: {:.2} ms (median of 50)",
        graph.as_secs_f64() * 1e3
    );
}
