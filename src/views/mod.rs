//! What the playground's side panels show, computed from the workspace: the live schema
//! (`schema`), the revision graph (`history`) and the changes `alembic check` would report
//! (`pending`), and what the editor underlines (`diagnostics`). Plain data, no DOM: the UI
//! draws it, and native tests check it.

pub mod data;
pub mod diagnostics;
pub mod history;
pub mod pending;
pub mod schema;

use std::collections::BTreeMap;

use crate::clock::FixedClock;
use crate::command::Env;
use crate::fs::FileSystem;

/// Runs `f` with a command environment over `fs` at `cwd`. The panels never make revisions,
/// so a fixed clock stands in for the real one.
fn with_env<T>(
    fs: &mut dyn FileSystem,
    cwd: &str,
    vars: &BTreeMap<String, String>,
    f: impl FnOnce(&mut Env<'_>) -> T,
) -> T {
    let mut clock = FixedClock::new();
    let mut env = Env {
        fs,
        cwd: cwd.to_string(),
        vars,
        clock: &mut clock,
        command: "",
        live: None,
    };
    f(&mut env)
}
