//! The commands of alembic/command.py: `init`, `list_templates`, `revision`, `upgrade`,
//! `downgrade`, `current`, `history`, `heads`, `branches`, `show`, `stamp` and
//! `ensure_version`, over the file-system, database and clock seams.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::args::Parsed;
use super::environment::{load_revisions, Action, Environment};
use super::format::cmd_format;
use super::{Env, Failure};
use crate::config::Config;
use crate::fs;
use crate::python::runtime::value::Value;
use crate::python::runtime::{Interp, PyErr};
use crate::script::revision::{MapError, RevisionMap};
use crate::script::{mako, ScriptDirectory};
use crate::shell::Output;

const LIST_TEMPLATES: &str = include_str!("help/list_templates.txt");
/// The files of each template `alembic init -t` knows, recorded by
/// tools/record/record_assets.sh, in the order Alembic's directory listing gave them.
const TEMPLATES: &[(&str, &[(&str, &str)])] = &[
    (
        "generic",
        &[
            (
                "script.py.mako",
                include_str!("templates/generic/script.py.mako"),
            ),
            ("README", include_str!("templates/generic/README")),
            ("env.py", include_str!("templates/generic/env.py")),
            (
                "alembic.ini.mako",
                include_str!("templates/generic/alembic.ini.mako"),
            ),
        ],
    ),
    (
        "async",
        &[
            (
                "script.py.mako",
                include_str!("templates/async/script.py.mako"),
            ),
            ("README", include_str!("templates/async/README")),
            ("env.py", include_str!("templates/async/env.py")),
            (
                "alembic.ini.mako",
                include_str!("templates/async/alembic.ini.mako"),
            ),
        ],
    ),
    (
        "multidb",
        &[
            (
                "script.py.mako",
                include_str!("templates/multidb/script.py.mako"),
            ),
            ("README", include_str!("templates/multidb/README")),
            ("env.py", include_str!("templates/multidb/env.py")),
            (
                "alembic.ini.mako",
                include_str!("templates/multidb/alembic.ini.mako"),
            ),
        ],
    ),
    (
        "pyproject",
        &[
            (
                "script.py.mako",
                include_str!("templates/pyproject/script.py.mako"),
            ),
            ("README", include_str!("templates/pyproject/README")),
            ("env.py", include_str!("templates/pyproject/env.py")),
            (
                "pyproject.toml.mako",
                include_str!("templates/pyproject/pyproject.toml.mako"),
            ),
            (
                "alembic.ini.mako",
                include_str!("templates/pyproject/alembic.ini.mako"),
            ),
        ],
    ),
    (
        "pyproject_async",
        &[
            (
                "script.py.mako",
                include_str!("templates/pyproject_async/script.py.mako"),
            ),
            ("README", include_str!("templates/pyproject_async/README")),
            ("env.py", include_str!("templates/pyproject_async/env.py")),
            (
                "pyproject.toml.mako",
                include_str!("templates/pyproject_async/pyproject.toml.mako"),
            ),
            (
                "alembic.ini.mako",
                include_str!("templates/pyproject_async/alembic.ini.mako"),
            ),
        ],
    ),
];

/// Where Alembic's own files would be, for messages that name them.
pub const SITE_PACKAGES: &str = crate::python::runtime::SITE_PACKAGES;

pub fn list_templates(out: &mut Output) -> Result<(), Failure> {
    out.stdout(LIST_TEMPLATES);
    Ok(())
}

/// `alembic init [-t TEMPLATE] [--package] DIRECTORY`.
pub fn init(
    env: &mut Env<'_>,
    config: &Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let directory = args.positionals[0].clone();
    let template = args.value("--template").unwrap_or("generic").to_string();
    let path = fs::join(&env.cwd, &directory);
    let exists = env.fs.is_dir(&path) || env.fs.is_file(&path);
    let empty = env
        .fs
        .read_dir(&path)
        .map(|e| e.is_empty())
        .unwrap_or(false);
    if exists && !empty {
        return Err(Failure::Command(format!(
            "Directory {directory} already exists and is not empty"
        )));
    }
    let Some(&(_, files)) = TEMPLATES.iter().find(|(name, _)| *name == template) else {
        return Err(Failure::Command(format!(
            "No such template {SITE_PACKAGES}/alembic/templates/{template}"
        )));
    };
    // Lines printed through `config.messaging_opts` go quiet under `-q`; the files the
    // template's own ScriptDirectory writes are reported regardless.
    let status = |out: &mut Output, what: &str| out.stdout(format!("{what} ...  done\n"));
    let generating =
        |out: &mut Output, what: &str| out.stdout_always(format!("{what} ...  done\n"));
    if !exists {
        env.fs
            .create_dir_all(&path)
            .map_err(|e| Failure::Command(e.to_string()))?;
        status(out, &format!("Creating directory {path}"));
    }
    let versions = fs::join(&path, "versions");
    env.fs
        .create_dir_all(&versions)
        .map_err(|e| Failure::Command(e.to_string()))?;
    status(out, &format!("Creating directory {versions}"));
    // Each config file names the scripts folder relative to itself when it can.
    let relative_to = |dir: &str| match path.strip_prefix(&format!("{dir}/")) {
        Some(rel) => format!("%(here)s/{rel}"),
        None => path.clone(),
    };
    let ini_location = relative_to(fs::parent(&config.file));
    let toml_file = fs::join(&env.cwd, "pyproject.toml");
    let toml_location = relative_to(&env.cwd);
    let write = |env: &mut Env<'_>, file: &str, text: &str| {
        env.fs
            .write(file, text.as_bytes())
            .map_err(|e| Failure::Command(e.to_string()))
    };
    let mut has_toml = false;
    for &(name, text) in files {
        match name {
            "alembic.ini.mako" => {
                if env.fs.is_file(&config.file) {
                    out.stdout(format!("File {} already exists, skipping\n", config.file));
                } else {
                    let ini = text.replace("${script_location}", &ini_location);
                    write(env, &config.file, &ini)?;
                    generating(out, &format!("Generating {}", config.file));
                }
            }
            "pyproject.toml.mako" => {
                has_toml = true;
                let rendered = text.replace("${script_location}", &toml_location);
                match env.fs.read_to_string(&toml_file) {
                    Ok(existing) if has_alembic_table(&existing) => {
                        out.stdout_always(format!(
                            "File {toml_file} already exists and already has a [tool.alembic] section, skipping\n"
                        ));
                    }
                    Ok(existing) => {
                        write(env, &toml_file, &format!("{existing}\n\n{rendered}"))?;
                        generating(out, &format!("Appending to existing {toml_file}"));
                    }
                    Err(_) => {
                        write(env, &toml_file, &rendered)?;
                        generating(out, &format!("Generating {toml_file}"));
                    }
                }
            }
            _ => {
                let file = fs::join(&path, name);
                write(env, &file, text)?;
                generating(out, &format!("Generating {file}"));
            }
        }
    }
    if args.flag("--package") {
        for dir in [&path, &versions] {
            let file = fs::join(dir, "__init__.py");
            write(env, &file, "")?;
            status(out, &format!("Adding {file}"));
        }
    }
    if has_toml {
        out.stdout(format!(
            "Please edit configuration settings in {toml_file} and configuration/connection/logging settings in {} before proceeding.\n",
            config.file
        ));
    } else {
        out.stdout(format!(
            "Please edit configuration/connection/logging settings in {} before proceeding.\n",
            config.file
        ));
    }
    Ok(())
}

/// Whether a pyproject.toml already has a `[tool.alembic]` table (or one under it), which
/// `init` then leaves alone. A line scan stands in for a TOML parser: tables are headed on
/// lines of their own.
fn has_alembic_table(toml: &str) -> bool {
    toml.lines().any(|line| {
        let header = line.trim().trim_start_matches('[').trim_start();
        line.trim_start().starts_with('[')
            && (header.starts_with("tool.alembic]") || header.starts_with("tool.alembic."))
    })
}

/// A fresh interpreter for a command: the project's `sys.path` as the `alembic` script sets it
/// up (the working directory first, then `prepend_sys_path`), and the shell's environment.
fn interp_for<'a>(env: &'a Env<'_>, config: &Config) -> Interp<'a> {
    let mut interp = Interp::new(&*env.fs, &env.cwd);
    interp.output.live = env.live.clone();
    interp.packages = super::packages();
    for (k, v) in env.vars {
        interp.set_env(k, v);
    }
    // `prepend_sys_path` goes first; then PYTHONPATH; then the script's own folder, the
    // virtualenv's `bin`, as Python sets `sys.path[0]` for the `alembic` console script. The
    // working directory is not on the path unless one of these puts it there.
    let mut front = Vec::new();
    if let Ok(Some(prepend)) = config.main_option("prepend_sys_path") {
        let sep = config.main_option("path_separator").ok().flatten();
        let parts: Vec<String> = match sep.as_deref().map(str::trim) {
            Some("os") | Some(":") => prepend.split(':').map(String::from).collect(),
            Some(";") => prepend.split(';').map(String::from).collect(),
            Some("space") => prepend.split(' ').map(String::from).collect(),
            _ => prepend.split([' ', ',']).map(String::from).collect(),
        };
        for p in parts.iter().filter(|p| !p.trim().is_empty()) {
            front.push(Value::str(&fs::join(&env.cwd, p.trim())));
        }
    }
    let mut after = Vec::new();
    if let Some(pp) = env.vars.get("PYTHONPATH") {
        for p in pp.split(':').filter(|p| !p.is_empty()) {
            after.push(Value::str(&fs::join(&env.cwd, p)));
        }
    }
    let venv_bin = SITE_PACKAGES
        .strip_suffix("/lib/python3.11/site-packages")
        .map(|v| format!("{v}/bin"))
        .unwrap_or_default();
    after.insert(0, Value::str(&venv_bin));
    // PYTHONPATH comes after sys.path[0] (the script's folder), prepend_sys_path before both.
    front.push(after.remove(0));
    front.extend(after);
    for (i, entry) in front.into_iter().enumerate() {
        interp.sys_path.borrow_mut().insert(i, entry);
    }
    interp
}

/// Writes back every SQLite file the command opened.
fn flush_databases(env: &mut Env<'_>, databases: Vec<(String, Rc<crate::db::Database>)>) {
    for (path, db) in databases {
        // A database nothing was written to is a 0-byte file, as SQLite leaves it.
        let bytes = db.to_bytes().unwrap_or_default();
        let _ = env.fs.write(&path, &bytes);
    }
}

/// Turns a Python exception from env.py into the command's failure: `FAILED:` for a
/// `CommandError`, the traceback otherwise.
fn python_failure(interp: &mut Interp<'_>, err: PyErr) -> Failure {
    let is_command_error = matches!(&err.value, Value::Instance(i) if i.class.lineage().any(|c| c.name == "CommandError"));
    if is_command_error {
        let msg = interp.str_lossy(&err.value);
        return Failure::Command(msg);
    }
    Failure::Python(interp.format_exception(&err))
}

/// Alembic's own frames at the top of a traceback from env.py, per command, recorded by
/// tools/record/record_frames.py.
const FRAMES: &str = include_str!("frames.txt");

/// The recorded section headed exactly `header`, with the virtualenv's path filled in.
pub fn recorded_section(header: &str) -> Option<String> {
    find_section(|h| h == header)
}

/// The recorded section headed `[kind] command ...` (the command matched by its first
/// word), with the virtualenv's path filled in.
pub fn recorded_frames(kind: Option<&str>, command: &str) -> Option<String> {
    find_section(|header| {
        let mut words = header.split_whitespace();
        match kind {
            Some(k) => words.next() == Some(k) && words.next() == Some(command),
            None => words.next() == Some(command),
        }
    })
}

fn find_section(wanted: impl Fn(&str) -> bool) -> Option<String> {
    let venv = SITE_PACKAGES
        .strip_suffix("/lib/python3.11/site-packages")
        .unwrap_or(SITE_PACKAGES);
    FRAMES
        .split("\n== ")
        .map(|s| s.trim_start_matches("== "))
        .find(|s| wanted(s.lines().next().unwrap_or("")))
        .map(|s| {
            s.split_once('\n')
                .map(|(_, rest)| rest)
                .unwrap_or("")
                .trim_end_matches('\n')
                .replace("{venv}", venv)
                + "\n"
        })
}

/// `frames` ending in importlib's frames for a file that fails to compile rather than run:
/// the SyntaxError comes from `get_code`, not from executing the module.
pub fn with_syntax_tail(frames: &str) -> String {
    let tail = recorded_frames(None, "syntax").unwrap_or_default();
    let cut = frames.find("  File \"<frozen ").unwrap_or(frames.len());
    format!("{}{tail}", &frames[..cut])
}

/// Puts Alembic's frames for `command` in front of env.py's in the last traceback block.
fn with_alembic_frames(command: &str, traceback: String) -> String {
    let Some(frames) = recorded_frames(None, command) else {
        return traceback;
    };
    let marker = "Traceback (most recent call last):\n";
    match traceback.rfind(marker) {
        Some(at) => {
            let split = at + marker.len();
            format!("{}{frames}{}", &traceback[..split], &traceback[split..])
        }
        // No traceback at all: env.py itself did not compile, and CPython prints only the
        // SyntaxError block, which importlib's frames now precede.
        None if traceback.starts_with("  File \"") => {
            format!("{marker}{}{traceback}", with_syntax_tail(&frames))
        }
        None => traceback,
    }
}

/// What a command asks of env.py.
pub struct Run {
    pub action: Action,
    pub as_sql: bool,
    pub tag: Option<String>,
    pub starting_rev: Option<String>,
}

impl Run {
    pub fn plain(action: Action) -> Run {
        Run {
            action,
            as_sql: false,
            tag: None,
            starting_rev: None,
        }
    }
}

/// Runs env.py for a command (alembic's `script.run_env()`), with `action` for
/// `run_migrations()`. Returns the heads the run found, and what it printed.
pub fn run_env(
    env: &mut Env<'_>,
    config: Config,
    script: ScriptDirectory,
    run: Run,
    out: &mut Output,
) -> Result<Rc<Environment>, Failure> {
    let Run {
        action,
        as_sql,
        tag,
        starting_rev,
    } = run;
    let command = match &action {
        Action::Upgrade(_) => "upgrade",
        Action::Downgrade(_) => "downgrade",
        Action::Stamp { .. } => "stamp",
        Action::Current { .. } => "current",
        Action::EnsureVersion => "ensure_version",
        Action::ReadCurrent => "history",
        Action::EditCurrent => "edit",
        Action::Autogenerate => "revision",
        Action::Check => "check",
        Action::RevisionEnv => "revision",
    };
    let config_rc = Rc::new(RefCell::new(config.clone()));
    let environment = Rc::new(Environment {
        config: Rc::clone(&config_rc),
        script: script.clone(),
        as_sql,
        tag,
        action,
        starting_rev,
        state: RefCell::new(Default::default()),
    });
    let env_path = script.env_py();
    let (result, databases, printed) = {
        let mut interp = interp_for(env, &config);
        interp.environment = Some(Rc::clone(&environment));
        let result = (|| -> Result<(), PyErr> {
            let context = interp.import_by_name("alembic.context")?;
            let cfg = crate::python::runtime::modules::alembic::context::config_value(
                &mut interp,
                &config_rc,
            )?;
            context.dict.borrow_mut().insert(Rc::from("config"), cfg);
            let source = match interp.fs.read_to_string(&env_path) {
                Ok(s) => s,
                Err(_) => {
                    return Err(interp.new_error(
                        "FileNotFoundError",
                        &format!("[Errno 2] No such file or directory: '{env_path}'"),
                    ))
                }
            };
            interp.run_module("env_py", &env_path, &source)?;
            Ok(())
        })();
        let logged = interp.log_config.is_some();
        let failure = result
            .err()
            .map(|e| (python_failure(&mut interp, e), logged))
            .or_else(|| {
                // `check` raises its CommandError after env.py has finished.
                let diffs = environment.state.borrow().diffs.clone()?;
                let msg = format!("New upgrade operations detected: {diffs}");
                Some((Failure::Command(msg), logged))
            });
        let offline = environment
            .state
            .borrow()
            .ctx
            .as_ref()
            .filter(|c| c.as_sql)
            .map(|c| c.output.borrow().clone());
        if let Some(text) = offline {
            interp.output.push((false, text));
        }
        if let Some((Failure::Command(msg), true)) = &failure {
            crate::python::runtime::modules::logging::emit(
                &mut interp,
                "alembic.util.messaging",
                40,
                msg,
            );
        }
        let printed = std::mem::take(&mut interp.output);
        let dbs = std::mem::take(&mut interp.databases);
        (failure.map(|(f, _)| f), dbs, printed)
    };
    let streamed = printed.streamed();
    for (is_err, text) in printed {
        if is_err {
            out.stderr_printed(text, streamed);
        } else {
            // Python's own stdout; Alembic's messages were held back as they were made.
            out.stdout_printed(text, streamed);
        }
    }
    flush_databases(env, databases);
    if let Some(f) = result {
        return Err(match f {
            Failure::Python(tb) => Failure::Python(with_alembic_frames(command, tb)),
            other => other,
        });
    }
    Ok(environment)
}

/// The script directory a config names (for the panels).
pub fn script(env: &Env<'_>, config: &Config) -> Result<ScriptDirectory, Failure> {
    script_for(env, config)
}

/// The revision map, loaded as the commands load it (for the panels).
pub fn load_map(
    env: &mut Env<'_>,
    config: &Config,
    out: &mut Output,
) -> Result<RevisionMap, Failure> {
    let script = script_for(env, config)?;
    revision_map(env, config, &script, out)
}

fn script_for(env: &Env<'_>, config: &Config) -> Result<ScriptDirectory, Failure> {
    ScriptDirectory::from_config(config, &*env.fs, &env.cwd).map_err(|e| match e {
        crate::script::ScriptError::Command(m) => Failure::Command(m),
        crate::script::ScriptError::Ini(i) => Failure::Python(format!(
            "Traceback (most recent call last):\n{}: {}\n",
            i.class, i.message
        )),
    })
}

/// Loads the revision map outside env.py (for `heads`, `history`, `revision`, ...).
fn revision_map(
    env: &mut Env<'_>,
    config: &Config,
    script: &ScriptDirectory,
    out: &mut Output,
) -> Result<RevisionMap, Failure> {
    let mut interp = interp_for(env, config);
    let mut modules = HashMap::new();
    let above = recorded_frames(Some("scripts"), env.command);
    let result = load_revisions(&mut interp, script, &mut modules, above.as_deref());
    // What the files printed and the map warned about shows even when loading fails.
    let printed = std::mem::take(&mut interp.output);
    let streamed = printed.streamed();
    for (is_err, text) in printed {
        if is_err {
            out.stderr_printed(text, streamed);
        } else {
            // Python's own stdout; Alembic's messages were held back as they were made.
            out.stdout_printed(text, streamed);
        }
    }
    result.map_err(|e| python_failure(&mut interp, e))
}

/// `upgrade`, `downgrade`: `[--sql] [--tag TAG] REVISION` (offline `start:end`).
pub fn migrate(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    up: bool,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let mut target = args.positionals[0].clone();
    let as_sql = args.flag("--sql");
    let mut starting = None;
    if let Some((start, end)) = target.clone().split_once(':') {
        if !as_sql {
            return Err(Failure::Command("Range revision not allowed".into()));
        }
        starting = Some(start.to_string());
        target = end.to_string();
    }
    if !up && as_sql && starting.is_none() {
        return Err(Failure::Command(
            "downgrade with --sql requires <fromrev>:<torev>".into(),
        ));
    }
    let action = if up {
        Action::Upgrade(target)
    } else {
        Action::Downgrade(target)
    };
    let tag = args.value("--tag").map(String::from);
    run_env(
        env,
        config,
        script,
        Run {
            action,
            as_sql,
            tag,
            starting_rev: starting,
        },
        out,
    )
    .map(|_| ())
}

pub fn current(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let action = Action::Current {
        verbose: args.flag("--verbose"),
        check_heads: args.flag("--check-heads"),
    };
    run_env(env, config, script, Run::plain(action), out).map(|_| ())
}

pub fn stamp(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let as_sql = args.flag("--sql");
    // Offline, `start:end` stamps from a starting revision the database cannot tell.
    let mut targets = Vec::new();
    let mut starting_rev: Option<String> = None;
    for target in &args.positionals {
        match target.split_once(':').filter(|_| as_sql) {
            Some((start, end)) => {
                match &starting_rev {
                    None => starting_rev = Some(start.to_string()),
                    Some(s) if s == start => {}
                    Some(_) => {
                        return Err(Failure::Command(
                            "Stamp operation with --sql only supports a single starting revision at a time".into(),
                        ))
                    }
                }
                targets.push(end.to_string());
            }
            None => targets.push(target.clone()),
        }
    }
    let action = Action::Stamp {
        targets,
        purge: args.flag("--purge"),
    };
    let tag = args.value("--tag").map(String::from);
    run_env(
        env,
        config,
        script,
        Run {
            action,
            as_sql,
            tag,
            starting_rev,
        },
        out,
    )
    .map(|_| ())
}

pub fn ensure_version(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    run_env(
        env,
        config,
        script,
        Run {
            action: Action::EnsureVersion,
            as_sql: args.flag("--sql"),
            tag: None,
            starting_rev: None,
        },
        out,
    )
    .map(|_| ())
}

fn map_failure(e: MapError) -> Failure {
    match e {
        MapError::Command(m) => Failure::Command(m),
        MapError::Unresolved(id) => {
            Failure::Command(format!("Can't locate revision identified by '{id}'"))
        }
        MapError::Exception { class, message } | MapError::Load { class, message, .. } => {
            Failure::Python(format!(
                "Traceback (most recent call last):\n{class}: {message}\n"
            ))
        }
    }
}

pub fn heads(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let map = revision_map(env, &config, &script, out)?;
    let verbose = args.flag("--verbose");
    for h in map.heads() {
        out.stdout(format!(
            "{}\n",
            super::format::cmd_format_tree(&map, h, verbose, true, false, false, &[], false)
        ));
    }
    Ok(())
}

pub fn branches(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let map = revision_map(env, &config, &script, out)?;
    let verbose = args.flag("--verbose");
    let heads: Vec<String> = map.heads().into_iter().map(String::from).collect();
    let all: std::collections::HashSet<String> = map.revisions.keys().cloned().collect();
    for id in map.topological_sort(&all, &heads) {
        if !map.is_branch_point(&id) {
            continue;
        }
        // `print_stdout("%s\n%s\n", ...)`: the point, its children, and a blank line.
        let children: Vec<String> = map
            .children(&id)
            .iter()
            .map(|c| {
                let text = cmd_format(&map, c, false, true, verbose, false, &[]);
                format!("{} -> {text}", " ".repeat(id.len()))
            })
            .collect();
        out.stdout(format!(
            "{}\n{}\n\n",
            cmd_format(&map, &id, verbose, true, false, false, &[]),
            children.join("\n")
        ));
    }
    Ok(())
}

pub fn show(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let map = revision_map(env, &config, &script, out)?;
    let rev = &args.positionals[0];
    let ids = if rev == "current" {
        run_env(env, config, script, Run::plain(Action::ReadCurrent), out)?
            .state
            .borrow()
            .current
            .clone()
            .unwrap_or_default()
    } else {
        map.resolve(rev, &[]).map_err(map_failure)?
    };
    for id in ids {
        out.stdout(format!("{}\n", super::format::log_entry(&map, &id, &[])));
    }
    Ok(())
}

/// `edit <rev>`: opens the revision's file in the playground's editor, where Alembic would
/// start `$EDITOR`; it prints nothing, as Alembic does when the editor exits cleanly.
pub fn edit(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let map = revision_map(env, &config, &script, out)?;
    let rev = &args.positionals[0];
    let ids = if rev == "current" {
        run_env(env, config, script, Run::plain(Action::EditCurrent), out)?
            .state
            .borrow()
            .current
            .clone()
            .unwrap_or_default()
    } else {
        let ids = map.resolve(rev, &[]).map_err(map_failure)?;
        if ids.is_empty() {
            return Err(Failure::Command(format!(
                "No revision files indicated by symbol '{rev}'"
            )));
        }
        ids
    };
    for id in ids {
        if let Some(r) = map.get(&id) {
            out.events.push(crate::shell::Event::Open(r.path.clone()));
        }
    }
    Ok(())
}

/// `history [-r start:end] [-v] [-i]`: every revision from the heads down.
pub fn history(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let (base, head) = match args.value("--rev-range") {
        Some(r) => match r.trim().split_once(':') {
            Some((b, h)) => (
                Some(b.to_string()).filter(|s| !s.is_empty()),
                Some(h.to_string()).filter(|s| !s.is_empty()),
            ),
            None => {
                return Err(Failure::Command(
                    "History range requires [start]:[end], [start]:, or :[end]".into(),
                ))
            }
        },
        None => (None, None),
    };
    let indicate = args.flag("--indicate-current");
    let needs_env = indicate
        || base.as_deref() == Some("current")
        || head.as_deref() == Some("current")
        || script.revision_environment;
    let map = revision_map(env, &config, &script, out)?;
    let currents = if needs_env {
        run_env(env, config, script, Run::plain(Action::ReadCurrent), out)?
            .state
            .borrow()
            .current
            .clone()
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    use crate::script::revision::Ident;
    // `current` on either side stands for the database's heads (a tuple), as Alembic's
    // `_display_current_history` passes them.
    fn side<'a>(v: &'a Option<String>, currents: &'a [String]) -> Ident<'a> {
        match v.as_deref() {
            Some("current") => Ident::Tuple(currents),
            Some(x) => Ident::Str(x),
            None => Ident::None,
        }
    }
    let walked = map
        .walk_revisions(side(&base, &currents), side(&head, &currents))
        .map_err(map_failure)?;
    let verbose = args.flag("--verbose");
    let shown = if indicate {
        currents.clone()
    } else {
        Vec::new()
    };
    for id in walked {
        out.stdout(format!(
            "{}\n",
            cmd_format(&map, &id, verbose, true, true, true, &shown)
        ));
    }
    Ok(())
}

/// `revision_environment` in the ini, read as Alembic's `util.asbool` reads it.
fn revision_environment(config: &Config) -> bool {
    config
        .main_option("revision_environment")
        .ok()
        .flatten()
        .is_some_and(|v| {
            matches!(
                v.trim().to_lowercase().as_str(),
                "true" | "yes" | "on" | "y" | "t" | "1"
            )
        })
}

/// `check`: autogenerate's comparison, reported instead of written.
pub fn check(
    env: &mut Env<'_>,
    config: Config,
    quiet: bool,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    run_env(env, config, script, Run::plain(Action::Check), out)?;
    if !quiet {
        out.stdout("No new upgrade operations detected.\n");
    }
    Ok(())
}

/// `revision [-m MESSAGE] [--head H] [--splice] [--branch-label L] [--rev-id ID]
/// [--depends-on D] [--version-path P]`, without `--autogenerate`.
pub fn revision(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    if args.flag("--autogenerate") && args.flag("--sql") {
        return Err(Failure::Command(
            "Using --sql with --autogenerate does not make any sense".into(),
        ));
    }
    let bodies = if args.flag("--autogenerate") {
        let environment = run_env(
            env,
            config.clone(),
            script.clone(),
            Run::plain(Action::Autogenerate),
            out,
        )?;
        let ops = environment.state.borrow().ops.clone().unwrap_or_default();
        for table in crate::autogenerate::render::unnamed_drops(&ops) {
            out.stderr(format!(
                "{SITE_PACKAGES}/alembic/autogenerate/render.py:488: UserWarning: Autogenerate rendered a drop_constraint() directive for an unnamed constraint on table '{table}'; the migration will fail unless a constraint name is added to the directive.  Consider using a naming convention so that constraint names are known ahead of time.\n  util.warn(\n"
            ));
        }
        let batch = environment.state.borrow().autogen.render_as_batch;
        Some(crate::autogenerate::render::render(&ops, batch))
    } else if revision_environment(&config) {
        // env.py runs; the script gets autogenerate's markers around no operations.
        run_env(
            env,
            config.clone(),
            script.clone(),
            Run::plain(Action::RevisionEnv),
            out,
        )?;
        Some(crate::autogenerate::render::render(&[], false))
    } else {
        None
    };
    let map = revision_map(env, &config, &script, out)?;
    let rev_id = new_rev_id(env, args)?;
    let head_arg = args.value("--head").unwrap_or("head");
    let down = map
        .new_revision_parents(
            crate::script::revision::Ident::Str(head_arg),
            args.flag("--splice"),
        )
        .map_err(map_failure)?;
    let message = args.value("--message").map(String::from);
    let slug = crate::script::slug(
        message.as_deref().unwrap_or(""),
        script.truncate_slug_length,
    );
    let versions = match args.value("--version-path") {
        Some(p) => {
            let full = fs::join(&env.cwd, p);
            if !script.version_locations.contains(&full) {
                return Err(Failure::Command(format!(
                    "Path {p} is not represented in current version locations"
                )));
            }
            full
        }
        None => {
            if script.version_locations.len() > 1 && down.is_empty() {
                return Err(Failure::Command(
                    "Multiple version locations present, please specify --version-path".into(),
                ));
            }
            match down.first().and_then(|d| map.get(d)) {
                Some(parent) => fs::parent(&parent.path).to_string(),
                None => script.version_locations[0].clone(),
            }
        }
    };
    let depends = map
        .resolve_depends_on(&args.values("--depends-on"))
        .map_err(map_failure)?;
    let labels: Vec<String> = args
        .value("--branch-label")
        .map(|l| vec![l.to_string()])
        .unwrap_or_default();
    let clash = map.label_in_use(&labels);
    let new_id = rev_id.clone();
    write_script(
        env,
        &config,
        &script,
        NewScript {
            rev_id,
            down,
            message,
            labels,
            depends,
            versions,
            slug,
            bodies,
        },
        out,
    )?;
    // The file is written before Alembic adds it to the map, outside
    // `_catch_revision_errors`: a label in use escapes as a traceback.
    match clash {
        Some((label, owner)) => Err(Failure::Python(format!(
            "Traceback (most recent call last):\n{}alembic.script.revision.RevisionError: Branch name '{label}' in revision {new_id} already used by revision {owner}\n",
            DUPLICATE_LABEL_FRAMES.replace("{site}", SITE_PACKAGES).replace(
                "{venv}",
                SITE_PACKAGES
                    .strip_suffix("/lib/python3.11/site-packages")
                    .unwrap_or(SITE_PACKAGES)
            )
        ))),
        None => Ok(()),
    }
}

/// Recorded: `revision --branch-label` with a label another revision has.
const DUPLICATE_LABEL_FRAMES: &str = "  File \"{venv}/bin/alembic\", line 8, in <module>
    sys.exit(main())
             ^^^^^^
  File \"{site}/alembic/config.py\", line 1039, in main
    CommandLine(prog=prog).main(argv=argv)
  File \"{site}/alembic/config.py\", line 1029, in main
    self.run_cmd(cfg, options)
  File \"{site}/alembic/config.py\", line 963, in run_cmd
    fn(
  File \"{site}/alembic/command.py\", line 313, in revision
    scripts = [script for script in revision_context.generate_scripts()]
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File \"{site}/alembic/command.py\", line 313, in <listcomp>
    scripts = [script for script in revision_context.generate_scripts()]
              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File \"{site}/alembic/autogenerate/api.py\", line 660, in generate_scripts
    yield self._to_script(generated_revision)
          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File \"{site}/alembic/autogenerate/api.py\", line 565, in _to_script
    return self.script_directory.generate_revision(
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File \"{site}/alembic/script/base.py\", line 765, in generate_revision
    self.revision_map.add_revision(script)
  File \"{site}/alembic/script/revision.py\", line 440, in add_revision
    self._map_branch_labels(revisions, map_)
  File \"{site}/alembic/script/revision.py\", line 324, in _map_branch_labels
    raise RevisionError(
";

/// `--rev-id`, checked for the characters Alembic forbids, or a new random id.
fn new_rev_id(env: &mut Env<'_>, args: &Parsed) -> Result<String, Failure> {
    match args.value("--rev-id") {
        Some(id) => {
            let bad: Vec<String> = id
                .chars()
                .filter(|c| matches!(c, '@' | '-' | '+' | ':'))
                .map(|c| c.to_string())
                .collect();
            if !bad.is_empty() {
                return Err(Failure::Command(format!(
                    "Character(s) '{}' not allowed in revision identifier '{id}'",
                    bad.join(", ")
                )));
            }
            Ok(id.to_string())
        }
        None => Ok(crate::clock::rev_id(env.clock)),
    }
}

/// A revision file to write.
struct NewScript {
    rev_id: String,
    down: Vec<String>,
    message: Option<String>,
    labels: Vec<String>,
    depends: Vec<String>,
    versions: String,
    slug: String,
    /// Autogenerate's `upgrades` and `downgrades` texts.
    bodies: Option<(String, String)>,
}

/// Renders `script.py.mako` for a new revision and writes it, as `ScriptDirectory.generate_revision`.
fn write_script(
    env: &mut Env<'_>,
    config: &Config,
    script: &ScriptDirectory,
    new: NewScript,
    out: &mut Output,
) -> Result<(), Failure> {
    let NewScript {
        rev_id,
        down,
        message,
        labels,
        depends,
        versions,
        slug,
        bodies,
    } = new;
    let now = env.clock.now();
    let file_name = rev_file_name(env, config, &script.file_template, &rev_id, &slug, now)?;
    let path = fs::join(&versions, &format!("{file_name}.py"));
    let template_path = fs::join(&script.dir, "script.py.mako");
    let template = env.fs.read_to_string(&template_path).map_err(|e| {
        Failure::Python(format!(
            "Traceback (most recent call last):\nFileNotFoundError: {e}\n"
        ))
    })?;
    let text = render_script(
        env,
        config,
        &template,
        &RenderArgs {
            message: message
                .clone()
                .unwrap_or_else(|| "empty message".to_string()),
            up_revision: rev_id.clone(),
            down_revision: down.clone(),
            branch_labels: labels,
            depends_on: depends,
            create_date: now.python_str(),
            bodies,
        },
    )?;
    if !env.fs.is_dir(&versions) {
        env.fs
            .create_dir_all(&versions)
            .map_err(|e| Failure::Command(e.to_string()))?;
        out.stdout(format!("Creating directory {versions} ...  done\n"));
    }
    env.fs
        .write(&path, text.as_bytes())
        .map_err(|e| Failure::Command(e.to_string()))?;
    out.stdout(format!("Generating {path} ...  done\n"));
    if down.contains(&rev_id) {
        return Err(Failure::Command(format!(
            "Self-loop is detected in revisions ({rev_id})"
        )));
    }
    Ok(())
}

/// Seconds since 1970 of a local time taken as UTC: the engine knows no time zone, and
/// `%(epoch)s` is the only token that would need one.
fn epoch_seconds(t: crate::clock::LocalTime) -> i64 {
    // Days from civil (Howard Hinnant's algorithm), proleptic Gregorian.
    let (y, m, d) = (i64::from(t.year), i64::from(t.month), i64::from(t.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second)
}

/// The new file's name: `file_template % {...}` as `ScriptDirectory._rev_path` formats it,
/// through the evaluator so that every `%` conversion and error is Python's own.
fn rev_file_name(
    env: &Env<'_>,
    config: &Config,
    template: &str,
    rev_id: &str,
    slug: &str,
    now: crate::clock::LocalTime,
) -> Result<String, Failure> {
    use crate::python::runtime::value::repr_str;
    let source = format!(
        "name = {template} % {{'rev': {rev}, 'slug': {slug}, 'epoch': {epoch}, 'year': {year}, \
         'month': {month}, 'day': {day}, 'hour': {hour}, 'minute': {minute}, 'second': {second}}}\n",
        template = repr_str(template),
        rev = repr_str(rev_id),
        slug = repr_str(slug),
        epoch = epoch_seconds(now),
        year = now.year,
        month = now.month,
        day = now.day,
        hour = now.hour,
        minute = now.minute,
        second = now.second,
    );
    let mut interp = interp_for(env, config);
    match interp.run_module("_rev_path", "<rev_path>", &source) {
        Ok(module) => match module.dict.borrow().get("name") {
            Some(Value::Str(s)) => Ok(s.to_string()),
            _ => Ok(String::new()),
        },
        Err(mut err) => {
            // The failing line is Alembic's own, so its recorded frames replace ours.
            let frames = recorded_frames(Some("rev_path"), "revision").unwrap_or_default();
            err.traceback = crate::python::runtime::error::TracebackEntry::verbatim_frames(&frames);
            Err(Failure::Python(interp.format_exception(&err)))
        }
    }
}

pub struct RenderArgs {
    pub message: String,
    pub up_revision: String,
    pub down_revision: Vec<String>,
    pub branch_labels: Vec<String>,
    pub depends_on: Vec<String>,
    pub create_date: String,
    pub bodies: Option<(String, String)>,
}

fn py_opt_list(items: &[String]) -> String {
    match items {
        [] => "None".into(),
        [one] => crate::python::runtime::value::repr_str(one),
        many => format!(
            "({})",
            many.iter()
                .map(|s| crate::python::runtime::value::repr_str(s))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Renders `script.py.mako` with Python evaluating each `${...}`, as Mako does.
fn render_script(
    env: &Env<'_>,
    config: &Config,
    template: &str,
    a: &RenderArgs,
) -> Result<String, Failure> {
    let nodes = mako::parse(template).map_err(|e| {
        Failure::Python(format!(
            "Traceback (most recent call last):\nmako.exceptions.SyntaxException: {}\n",
            e.0
        ))
    })?;
    let mut interp = interp_for(env, config);
    let module = interp.new_module("mako_template", None);
    let labels = if a.branch_labels.is_empty() {
        "None".to_string()
    } else {
        format!(
            "({},)",
            a.branch_labels
                .iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let setup = format!(
        "class _Date(str):\n    pass\nmessage = {message}\nup_revision = {up}\ndown_revision = {down}\nbranch_labels = {labels}\ndepends_on = {depends}\ncreate_date = _Date({date})\nimports = ''\nupgrades = {upgrades}\ndowngrades = {downgrades}\n",
        message = crate::python::runtime::value::repr_str(&a.message),
        up = crate::python::runtime::value::repr_str(&a.up_revision),
        down = py_opt_list(&a.down_revision),
        depends = py_opt_list(&a.depends_on),
        date = crate::python::runtime::value::repr_str(&a.create_date),
        upgrades = a
            .bodies
            .as_ref()
            .map_or("None".to_string(), |b| crate::python::runtime::value::repr_str(&b.0)),
        downgrades = a
            .bodies
            .as_ref()
            .map_or("None".to_string(), |b| crate::python::runtime::value::repr_str(&b.1)),
    );
    interp
        .exec_source(&module, "<template>", &setup)
        .map_err(|e| Failure::Python(interp.format_exception(&e)))?;
    let interp_cell = RefCell::new(interp);
    let eval = |code: &str, filters: &[String]| -> Result<String, PyErr> {
        let mut interp = interp_cell.borrow_mut();
        interp.exec_source(&module, "<template>", &format!("__value = ({code})\n"))?;
        let v = module
            .dict
            .borrow()
            .get("__value")
            .cloned()
            .unwrap_or(Value::None);
        if filters.iter().any(|f| f == "comma") {
            return Ok(match &v {
                Value::None => String::new(),
                Value::Str(s) => s.to_string(),
                other => {
                    let items = interp.iterate(other)?;
                    items
                        .iter()
                        .map(|i| interp.str_lossy(i))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            });
        }
        interp.py_str(&v)
    };
    let test = |code: &str| -> Result<bool, PyErr> {
        let mut interp = interp_cell.borrow_mut();
        interp.exec_source(&module, "<template>", &format!("__value = ({code})\n"))?;
        let v = module
            .dict
            .borrow()
            .get("__value")
            .cloned()
            .unwrap_or(Value::None);
        interp.truthy(&v)
    };
    let mut eval = eval;
    let mut test = test;
    mako::render(&nodes, &mut eval, &mut test).map_err(|e| {
        let mut interp = interp_cell.borrow_mut();
        Failure::Python(interp.format_exception(&e))
    })
}

/// `merge [-m MESSAGE] [--branch-label L] [--rev-id ID] REVISIONS...`: a revision with every
/// given revision as its parent.
pub fn merge(
    env: &mut Env<'_>,
    config: Config,
    args: &Parsed,
    out: &mut Output,
) -> Result<(), Failure> {
    let script = script_for(env, &config)?;
    let map = revision_map(env, &config, &script, out)?;
    let rev_id = new_rev_id(env, args)?;
    // `merge` is `generate_revision` with the given revisions as `head`.
    let down = map
        .new_revision_parents(
            crate::script::revision::Ident::Tuple(&args.positionals),
            false,
        )
        .map_err(map_failure)?;
    let message = args.value("--message").map(String::from);
    let slug = crate::script::slug(
        message.as_deref().unwrap_or(""),
        script.truncate_slug_length,
    );
    let versions = match down.first().and_then(|d| map.get(d)) {
        Some(parent) => fs::parent(&parent.path).to_string(),
        None => script.version_locations[0].clone(),
    };
    let labels: Vec<String> = args
        .value("--branch-label")
        .map(|l| vec![l.to_string()])
        .unwrap_or_default();
    write_script(
        env,
        &config,
        &script,
        NewScript {
            rev_id,
            down,
            message,
            labels,
            depends: Vec::new(),
            versions,
            slug,
            bodies: None,
        },
        out,
    )
}
