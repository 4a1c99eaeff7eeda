//! Benchmark: parse, and parse plus evaluate, a 2,000-line models file (BENCHMARKS.md).
//! `cargo bench --bench python_front_end` prints the median of repeated runs.

#[path = "../tests/common/models_2000.rs"]
mod models_2000;

use std::time::{Duration, Instant};

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::python::{parse, runtime::Interp};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let source = models_2000::source();
    let lines = source.lines().count();
    let parse_time = measure(30, || {
        std::hint::black_box(parse(&source));
    });
    let mut fs = MemFs::new();
    fs.create_dir_all("/p").unwrap();
    fs.write("/p/models.py", source.as_bytes()).unwrap();
    let mut printed = String::new();
    let run_time = measure(30, || {
        let mut interp = Interp::new(&fs, "/p");
        interp
            .run_module("models", "/p/models.py", &source)
            .map_err(|_| ())
            .unwrap();
        printed = interp.output.iter().map(|(_, t)| t.as_str()).collect();
    });
    println!(
        "models file: {lines} lines, {} bytes; it prints {}",
        source.len(),
        printed.trim()
    );
    println!(
        "parse:            {:>8.2} ms (median of 30)",
        parse_time.as_secs_f64() * 1000.0
    );
    println!(
        "parse + evaluate: {:>8.2} ms (median of 30)",
        run_time.as_secs_f64() * 1000.0
    );
}
