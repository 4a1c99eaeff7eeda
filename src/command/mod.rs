//! Alembic's command line: `alembic [options] <command> ...` (alembic/config.py's
//! `CommandLine`), and the commands behind it (alembic/command.py).
//!
//! Top-level parsing follows Python 3.11's argparse as Alembic configures it: option
//! prefixes (`--ver`), attached values (`-cfoo`), the order in which errors win, the exact
//! usage and error texts on stderr, and exit code 2. The subcommands arrive with the command
//! line issue; until then they say so plainly instead of pretending to run.

pub mod args;
mod commands;
pub use commands::{recorded_frames, recorded_section};
pub mod environment;
mod format;

use std::collections::{BTreeMap, BTreeSet};

use crate::clock::Clock;
use crate::config::Config;
use crate::fs::FileSystem;
use crate::shell::Output;
use crate::ALEMBIC_VERSION;

/// What a command runs against: the seams and the shell's state.
pub struct Env<'a> {
    pub fs: &'a mut dyn FileSystem,
    pub cwd: String,
    pub vars: &'a BTreeMap<String, String>,
    pub clock: &'a mut dyn Clock,
    /// The subcommand running, whose frames a traceback from a revision file shows ("" for
    /// the panels, which show no tracebacks).
    pub command: &'static str,
    /// Sees what env.py and the revisions print as they print it (the browser's worker).
    pub live: Option<crate::shell::Live>,
}

thread_local! {
    /// The pip packages installed where `alembic` runs, by pip's key (see [`with_packages`]).
    static PACKAGES: std::cell::RefCell<BTreeSet<String>> = Default::default();
}

/// Runs `f` (an `alembic` command line) with `packages` installed, so that env.py finds the
/// database drivers pip put there. Hosts other than the terminal (the panels, the
/// reversibility check) build their [`Env`] themselves and see no drivers, as before; a field
/// of `Env` would make every one of them name the terminal's packages.
pub fn with_packages<T>(packages: &BTreeSet<String>, f: impl FnOnce() -> T) -> T {
    let before = PACKAGES.with(|p| p.replace(packages.clone()));
    let result = f();
    PACKAGES.with(|p| *p.borrow_mut() = before);
    result
}

/// The packages [`with_packages`] set for the command running now.
pub(crate) fn packages() -> BTreeSet<String> {
    PACKAGES.with(|p| p.borrow().clone())
}

/// How a command failed.
#[derive(Debug)]
pub enum Failure {
    /// Alembic's `CommandError`: `FAILED: <message>` on stdout, exit 255.
    Command(String),
    /// Any other exception: its traceback on stderr, exit 1.
    Python(String),
    /// Output already written; exit with this code.
    Exit(i32),
    /// A command the playground does not have yet, said plainly.
    NotYet(&'static str),
}

/// The subcommands, in argparse's (sorted) order.
pub const COMMANDS: [&str; 15] = [
    "branches",
    "check",
    "current",
    "downgrade",
    "edit",
    "ensure_version",
    "heads",
    "history",
    "init",
    "list_templates",
    "merge",
    "revision",
    "show",
    "stamp",
    "upgrade",
];

/// `alembic -h`, recorded from Alembic 1.20.1 at argparse's default 80 columns.
const HELP: &str = include_str!("help/alembic.txt");

/// The long options argparse matches by unique prefix.
const LONG_OPTIONS: [&str; 6] = [
    "--help",
    "--version",
    "--config",
    "--name",
    "--raiseerr",
    "--quiet",
];

/// Global options as parsed; read by the subcommands once they exist.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GlobalOptions {
    pub config: Vec<String>,
    pub name: Option<String>,
    pub x: Vec<String>,
    pub raiseerr: bool,
    pub quiet: bool,
}

/// Runs `alembic` with `args` (`sys.argv[1:]`) and returns the exit code.
pub fn main(args: &[String], env: &mut Env<'_>, out: &mut Output) -> i32 {
    let mut opts = GlobalOptions::default();
    let mut extras: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        i += 1;
        if arg == "--" {
            // Python 3.11 keeps a lone `--` as an argument: as the last word it is
            // unrecognized, before a command it is an invalid choice.
            match args.get(i) {
                None => extras.push(arg),
                Some(_) => return usage_error(out, &invalid_choice(arg)),
            }
            continue;
        }
        if !arg.starts_with('-') || arg == "-" {
            return subcommand(arg, &args[i..], &opts, env, out);
        }
        let (option, attached) = match resolve_option(arg) {
            Resolved::Option(option, attached) => (option, attached),
            Resolved::Ambiguous(matches) => {
                let msg = format!(
                    "ambiguous option: {} could match {}",
                    arg.split('=').next().unwrap_or(arg),
                    matches.join(", ")
                );
                return usage_error(out, &msg);
            }
            Resolved::Unknown => {
                extras.push(arg);
                continue;
            }
        };
        match option {
            "-h" => {
                out.stdout(HELP);
                return 0;
            }
            "--version" => {
                out.stdout(format!("alembic {ALEMBIC_VERSION}\n"));
                return 0;
            }
            "--raiseerr" => opts.raiseerr = true,
            "-q" => opts.quiet = true,
            _ => {
                let value = match attached {
                    Some(value) => value,
                    None => match args.get(i) {
                        Some(next) if !next.starts_with('-') || next == "-" => {
                            i += 1;
                            next.clone()
                        }
                        _ => {
                            let name = match option {
                                "-c" => "-c/--config",
                                "-n" => "-n/--name",
                                _ => "-x",
                            };
                            return usage_error(
                                out,
                                &format!("argument {name}: expected one argument"),
                            );
                        }
                    },
                };
                match option {
                    "-c" => opts.config.push(value),
                    "-n" => opts.name = Some(value),
                    _ => opts.x.push(value),
                }
            }
        }
    }
    if extras.is_empty() {
        usage_error(out, "too few arguments")
    } else {
        usage_error(
            out,
            &format!("unrecognized arguments: {}", extras.join(" ")),
        )
    }
}

enum Resolved {
    /// The canonical option (`-h`, `--version`, `-c`, `-n`, `-x`, `--raiseerr`, `-q`) and a
    /// value attached to it (`-cfoo`, `--config=foo`).
    Option(&'static str, Option<String>),
    Ambiguous(Vec<&'static str>),
    Unknown,
}

fn resolve_option(arg: &str) -> Resolved {
    if let Some(long) = arg.strip_prefix("--") {
        let (name, attached) = match long.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (long, None),
        };
        let typed = format!("--{name}");
        let matches: Vec<&'static str> = LONG_OPTIONS
            .iter()
            .copied()
            .filter(|option| option.starts_with(&typed))
            .collect();
        let canonical = match matches.as_slice() {
            [] => return Resolved::Unknown,
            [one] => *one,
            _ if matches.contains(&typed.as_str()) => LONG_OPTIONS
                .iter()
                .copied()
                .find(|o| *o == typed)
                .unwrap_or("--help"),
            _ => return Resolved::Ambiguous(matches),
        };
        let option = match canonical {
            "--help" => "-h",
            "--config" => "-c",
            "--name" => "-n",
            "--quiet" => "-q",
            other => other,
        };
        return Resolved::Option(option, attached);
    }
    let mut chars = arg[1..].chars();
    let option = match chars.next() {
        Some('h') => "-h",
        Some('c') => "-c",
        Some('n') => "-n",
        Some('x') => "-x",
        Some('q') => "-q",
        _ => return Resolved::Unknown,
    };
    let rest: String = chars.collect();
    match (option, rest.is_empty()) {
        (_, true) => Resolved::Option(option, None),
        ("-c" | "-n" | "-x", false) => Resolved::Option(option, Some(rest)),
        // Flags combine (`-qq`, `-qh`): each following letter must be a flag as well.
        (_, false) if rest.chars().all(|c| c == 'q' || c == 'h') => {
            if rest.contains('h') {
                Resolved::Option("-h", None)
            } else {
                Resolved::Option(option, None)
            }
        }
        _ => Resolved::Unknown,
    }
}

fn subcommand(
    name: &str,
    words: &[String],
    opts: &GlobalOptions,
    env: &mut Env<'_>,
    out: &mut Output,
) -> i32 {
    let Some(&command) = COMMANDS.iter().find(|c| **c == name) else {
        return usage_error(out, &invalid_choice(name));
    };
    env.command = command;
    let spec = args::spec(name);
    let parsed = match args::parse(&spec, words) {
        Ok(p) => p,
        Err(args::Outcome::Help) => {
            out.stdout(help_page(name));
            return 0;
        }
        Err(args::Outcome::Error(msg)) => {
            let page = help_page(name);
            let usage_end = page.find("\n\n").unwrap_or(page.len());
            out.stderr(format!(
                "{}\nalembic {name}: error: {msg}\n",
                &page[..usage_end]
            ));
            return 2;
        }
        Err(args::Outcome::Unrecognized(extra)) => {
            return usage_error(out, &format!("unrecognized arguments: {}", extra.join(" ")));
        }
    };
    let file = opts
        .config
        .last()
        .cloned()
        .or_else(|| env.vars.get("ALEMBIC_CONFIG").cloned())
        .unwrap_or_else(|| "alembic.ini".to_string());
    let section = opts.name.clone().unwrap_or_else(|| "alembic".to_string());
    let config = match Config::load(&*env.fs, &env.cwd, &file, &section, opts.x.clone()) {
        Ok(c) => Config {
            quiet: opts.quiet,
            ..c
        },
        Err(e) => {
            out.stderr(format!(
                "Traceback (most recent call last):\n{}: {}\n",
                e.class, e.message
            ));
            return 1;
        }
    };
    out.quiet = opts.quiet;
    let result = match name {
        "init" => commands::init(env, &config, &parsed, out),
        "list_templates" => commands::list_templates(out),
        "revision" => commands::revision(env, config, &parsed, out),
        "upgrade" => commands::migrate(env, config, &parsed, true, out),
        "downgrade" => commands::migrate(env, config, &parsed, false, out),
        "current" => commands::current(env, config, &parsed, out),
        "stamp" => commands::stamp(env, config, &parsed, out),
        "ensure_version" => commands::ensure_version(env, config, &parsed, out),
        "heads" => commands::heads(env, config, &parsed, out),
        "branches" => commands::branches(env, config, &parsed, out),
        "history" => commands::history(env, config, &parsed, out),
        "show" => commands::show(env, config, &parsed, out),
        "merge" => commands::merge(env, config, &parsed, out),
        "check" => commands::check(env, config, opts.quiet, out),
        "edit" => commands::edit(env, config, &parsed, out),
        _ => Err(Failure::NotYet("edit")),
    };
    out.quiet = false;
    match result {
        Ok(()) => 0,
        Err(Failure::Command(msg)) => {
            if !opts.quiet {
                out.stdout(format!("FAILED: {msg}\n"));
            }
            255
        }
        Err(Failure::Python(tb)) => {
            let note = crate::python::runtime::modules::alembic::context::no_server_note(&tb);
            out.stderr(tb);
            if let Some(note) = note {
                out.stdout_always(note);
            }
            1
        }
        Err(Failure::Exit(code)) => code,
        Err(Failure::NotYet(what)) => {
            out.stderr(format!(
                "playground: `alembic {what}` is not available in this build of the playground yet.\n"
            ));
            1
        }
    }
}

/// A subcommand's `--help` page, recorded from Alembic 1.20.1.
fn help_page(name: &str) -> &'static str {
    match name {
        "branches" => include_str!("help/branches.txt"),
        "check" => include_str!("help/check.txt"),
        "current" => include_str!("help/current.txt"),
        "downgrade" => include_str!("help/downgrade.txt"),
        "edit" => include_str!("help/edit.txt"),
        "ensure_version" => include_str!("help/ensure_version.txt"),
        "heads" => include_str!("help/heads.txt"),
        "history" => include_str!("help/history.txt"),
        "init" => include_str!("help/init.txt"),
        "list_templates" => include_str!("help/list_templates.txt"),
        "merge" => include_str!("help/merge.txt"),
        "revision" => include_str!("help/revision.txt"),
        "show" => include_str!("help/show.txt"),
        "stamp" => include_str!("help/stamp.txt"),
        _ => include_str!("help/upgrade.txt"),
    }
}

fn invalid_choice(name: &str) -> String {
    let choices: Vec<String> = COMMANDS.iter().map(|c| format!("'{c}'")).collect();
    format!(
        "argument {{{}}}: invalid choice: '{name}' (choose from {})",
        COMMANDS.join(","),
        choices.join(", ")
    )
}

/// argparse's `error()`: the usage, then `prog: error: msg`, on stderr, exit 2.
fn usage_error(out: &mut Output, msg: &str) -> i32 {
    let usage_end = HELP.find("\n\n").unwrap_or(HELP.len());
    out.stderr(format!("{}\nalembic: error: {msg}\n", &HELP[..usage_end]));
    2
}

/// What the playground's panels ask of Alembic, without a command line and without printing:
/// the same config, script directory and environment the commands use.
pub mod inspect {
    use super::commands::{self, Run};
    use super::environment::Action;
    use super::{Env, Failure};

    use crate::config::Config;
    use crate::script::revision::RevisionMap;
    use crate::shell::Output;

    /// The project's `alembic.ini` (section `alembic`), or `None` before `alembic init`.
    pub fn config(env: &Env<'_>) -> Option<Config> {
        if !env.fs.is_file(&crate::fs::join(&env.cwd, "alembic.ini")) {
            return None;
        }
        Config::load(&*env.fs, &env.cwd, "alembic.ini", "alembic", Vec::new()).ok()
    }

    /// The revision map, as `alembic history` loads it; `Err` carries what the command would
    /// have printed.
    pub fn revisions(env: &mut Env<'_>, config: &Config) -> Result<RevisionMap, String> {
        let mut out = Output::default();
        commands::load_map(env, config, &mut out).map_err(|f| failure_text(f, &out))
    }

    /// What `alembic check` would find: autogenerate's operations. Runs env.py; the caller
    /// gives it a throwaway copy of the files, since running may create `alembic_version`.
    pub fn pending(
        env: &mut Env<'_>,
        config: Config,
    ) -> Result<Vec<crate::autogenerate::Op>, String> {
        let mut out = Output::default();
        let script = commands::script(env, &config).map_err(|f| failure_text(f, &out))?;
        // `revision --autogenerate`'s run: check's, without turning the diffs into a failure.
        let environment = commands::run_env(
            env,
            config,
            script,
            Run::plain(Action::Autogenerate),
            &mut out,
        )
        .map_err(|f| failure_text(f, &out))?;
        let ops = environment.state.borrow().ops.clone().unwrap_or_default();
        Ok(ops)
    }

    fn failure_text(f: Failure, out: &Output) -> String {
        match f {
            Failure::Command(m) => m,
            Failure::Python(tb) => tb.trim_end().lines().last().unwrap_or("").to_string(),
            _ => out.text(crate::shell::Stream::Stderr),
        }
    }
}
