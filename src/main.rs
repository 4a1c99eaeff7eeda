//! The one binary of both builds: in the browser it mounts the playground's UI; natively it is
//! `alembic-playground --dir DIR <terminal line>`.

#[cfg(target_arch = "wasm32")]
fn main() {
    alembic_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let code = alembic_playground::native::main(std::env::args().skip(1).collect());
    std::process::exit(code);
}
