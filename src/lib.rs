//! Alembic Playground's engine: Alembic 1.20.1 on SQLite, re-implemented in plain Rust.
//!
//! The same engine runs in two hosts: the browser (the Yew UI in `ui`, wasm32 only) and the
//! native `alembic-playground --dir DIR <terminal line>` command (`native`). Neither host does
//! anything a learner can see on its own: both hand a terminal line to [`shell::Shell`] and show
//! the [`shell::Output`] it returns. All IO goes through three seams, so the engine never knows
//! which host it is in: the file system ([`fs::FileSystem`]), the database ([`db`]) and, once
//! revisions carry dates, the clock.
//!
//! Reading order: `shell` (the terminal), `command` (Alembic's command line), then the seams.
//! ARCHITECTURE.md is the codemap.

pub mod autogenerate;
pub mod clock;
pub mod command;
pub mod config;
pub mod db;
pub mod ddl;
pub mod fs;
pub mod operations;
pub mod project;
pub mod python;
pub mod reversible;
pub mod runtime;
pub mod schema;
pub mod script;
pub mod shell;
pub mod text;
pub mod tutorial;
pub mod undo;
pub mod views;
pub mod workspace;

#[cfg(not(target_arch = "wasm32"))]
pub mod native;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The Alembic release whose behaviour the playground reproduces.
pub const ALEMBIC_VERSION: &str = "1.20.1";
