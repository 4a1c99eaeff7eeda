//! The one binary of both builds: in the browser it mounts the playground's UI; natively it is
//! `alembic-playground --dir DIR <terminal line>`.

#[cfg(target_arch = "wasm32")]
fn main() {
    alembic_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // A terminal line may hold any bytes; `args()` would panic on ones that are not UTF-8.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // Python code may recurse 1000 calls deep; the evaluator needs more stack than a main
    // thread's 8 MiB for that, as the browser build gets through its linker setting.
    let code = std::thread::Builder::new()
        .stack_size(512 * 1024 * 1024)
        .spawn(move || alembic_playground::native::main(args))
        .ok()
        .and_then(|worker| worker.join().ok())
        .unwrap_or(70);
    std::process::exit(code);
}
