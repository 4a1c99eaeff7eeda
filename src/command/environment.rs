//! Alembic's environment (`alembic/runtime/environment.py` and the migration loop of
//! `migration.py`): what `env.py` reaches through `alembic.context`. It loads the revision
//! files, asks the database for its current heads, and runs each step's `upgrade()` or
//! `downgrade()` with `op` bound, keeping the version table as Alembic keeps it, one
//! transaction per step on SQLite.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::config::Config;
use crate::python::runtime::value::{Module, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::runtime::{version_table, MigrationContext, OpError, Params};
use crate::schema::Dialect;
use crate::script::revision::{MapError, RevisionMap, StampStep};
use crate::script::{LoadError, RevisionVars, ScriptDirectory};

/// What the command asked `run_migrations()` to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Upgrade(String),
    Downgrade(String),
    Stamp {
        targets: Vec<String>,
        purge: bool,
    },
    Current {
        verbose: bool,
        check_heads: bool,
    },
    EnsureVersion,
    /// Only report the current heads back (`history -i`, `show current`).
    ReadCurrent,
    /// `edit current`: the current heads, which must exist (Alembic raises inside env.py).
    EditCurrent,
    /// `revision --autogenerate`: compare the models with the database.
    Autogenerate,
    /// `check`: compare, and fail with the diffs if there are any.
    Check,
    /// `revision` with `revision_environment = true`: env.py runs, nothing is compared.
    RevisionEnv,
}

/// The environment of one command.
pub struct Environment {
    pub config: Rc<RefCell<Config>>,
    pub script: ScriptDirectory,
    pub as_sql: bool,
    pub tag: Option<String>,
    pub action: Action,
    /// `--sql start:end`: where an offline run starts.
    pub starting_rev: Option<String>,
    pub state: RefCell<EnvState>,
}

#[derive(Default)]
pub struct EnvState {
    pub ctx: Option<Rc<MigrationContext>>,
    pub map: Option<Rc<RevisionMap>>,
    /// Revision id to its loaded module.
    pub modules: HashMap<String, Rc<Module>>,
    pub version_table: String,
    /// The heads `run_migrations` found, for commands that read them back.
    pub current: Option<Vec<String>>,
    /// A `CommandError` raised inside `run_migrations`, reported as `FAILED:` once env.py
    /// unwinds (alembic raises it through env.py).
    pub failure: Option<String>,
    /// `context.configure(target_metadata=...)`, for autogenerate.
    pub target_metadata: Option<Value>,
    /// The revisions the run is moving to.
    pub targets: Vec<String>,
    /// What autogenerate found.
    pub ops: Option<Vec<crate::autogenerate::Op>>,
    /// `check`: the repr of the diffs, when there are any.
    pub diffs: Option<String>,
    /// `context.configure()`'s autogenerate options.
    pub autogen: AutogenOptions,
}

/// What env.py's `context.configure()` says about autogenerate.
pub struct AutogenOptions {
    pub render_as_batch: bool,
    pub compare_type: bool,
    pub compare_server_default: bool,
    /// `include_object(object, name, type_, reflected, compare_to)`.
    pub include_object: Option<Value>,
    /// `include_name(name, type_, parent_names)`.
    pub include_name: Option<Value>,
}

impl Default for AutogenOptions {
    fn default() -> Self {
        AutogenOptions {
            render_as_batch: false,
            compare_type: true,
            compare_server_default: false,
            include_object: None,
            include_name: None,
        }
    }
}

/// The Python exception that carries a `CommandError` out through env.py.
pub fn command_error(interp: &mut Interp<'_>, message: &str) -> PyErr {
    let cls = interp
        .import_by_name("alembic.util.exc")
        .ok()
        .and_then(|m| m.dict.borrow().get("CommandError").cloned());
    if let Some(env) = interp.environment.clone() {
        env.state.borrow_mut().failure = Some(message.to_string());
    }
    match cls {
        Some(Value::Class(ref c)) => {
            let v = interp.make_exception(c, vec![Value::str(message)]);
            PyErr::new(v)
        }
        _ => interp.new_error("Exception", message),
    }
}

fn op_to_py(interp: &mut Interp<'_>, e: OpError) -> PyErr {
    if let OpError::Raise { class, message } = &e {
        if class == "alembic.util.exc.CommandError" {
            return command_error(interp, message);
        }
    }
    crate::python::runtime::modules::sqlalchemy::dml::op_error(interp, e)
}

fn map_error(interp: &mut Interp<'_>, e: MapError) -> PyErr {
    match e {
        MapError::Command(m) => command_error(interp, &m),
        MapError::Unresolved(id) => command_error(
            interp,
            &format!("Can't locate revision identified by '{id}'"),
        ),
        MapError::Exception { class, message } => interp.new_error(&class, &message),
        MapError::Load { class, message, .. } => revision_exception(interp, &class, &message),
    }
}

/// A revision file's variables, read from its module.
fn vars_of(interp: &mut Interp<'_>, module: &Rc<Module>) -> RevisionVars {
    let get = |name: &str| module.dict.borrow().get(name).cloned();
    let strings = |interp: &mut Interp<'_>, v: Option<Value>| -> Vec<String> {
        match v {
            None | Some(Value::None) => Vec::new(),
            Some(Value::Str(ref s)) => vec![s.to_string()],
            Some(other) => interp
                .iterate(&other)
                .map(|items| items.iter().map(|i| interp.str_lossy(i)).collect())
                .unwrap_or_default(),
        }
    };
    let revision = match get("revision") {
        Some(Value::Str(ref s)) => Some(s.to_string()),
        Some(Value::None) | None => None,
        Some(other) => Some(interp.str_lossy(&other)),
    };
    RevisionVars {
        revision,
        down: strings(interp, get("down_revision")),
        depends_on: strings(interp, get("depends_on")),
        branch_labels: strings(interp, get("branch_labels")),
        doc: match get("__doc__") {
            Some(Value::Str(ref s)) => Some(s.to_string()),
            _ => None,
        },
    }
}

/// Loads every revision file into `interp` and builds the revision map; a warning for a
/// missing parent prints as Python's `UserWarning` line. `above` holds the recorded frames
/// between the command and a revision file that raises as it loads.
pub fn load_revisions(
    interp: &mut Interp<'_>,
    script: &ScriptDirectory,
    modules: &mut HashMap<String, Rc<Module>>,
    above: Option<&str>,
) -> Result<RevisionMap, PyErr> {
    let mut loaded: Vec<(String, Rc<Module>)> = Vec::new();
    let fs = interp.fs;
    let result = {
        let mut load = |path: &str, source: &str| -> Result<RevisionVars, PyErr> {
            let name = path
                .rsplit('/')
                .next()
                .unwrap_or(path)
                .replace(['.', '-'], "_");
            let module = interp
                .run_module(&name, path, source)
                .map_err(|e| with_frames_above(interp, above, e))?;
            let vars = vars_of(interp, &module);
            if let Some(id) = &vars.revision {
                loaded.push((id.clone(), module));
            }
            Ok(vars)
        };
        script.load(fs, &mut load)
    };
    let revisions = match result {
        Ok(r) => r,
        Err(LoadError::Script(e)) => return Err(e),
        Err(LoadError::Command(m)) => return Err(command_error(interp, &m)),
    };
    for (id, m) in loaded {
        modules.insert(id, m);
    }
    let (result, warnings) = RevisionMap::build(revisions);
    push_warnings(interp, &warnings);
    match result {
        Ok(map) => Ok(map),
        Err(MapError::Load {
            class,
            message,
            frames,
            revision_error,
        }) => {
            // `heads` reads `revision_map.heads` outside `_catch_revision_errors`, so there a
            // RevisionError escapes as a traceback; every other command words it `FAILED:`.
            let caught = above.is_none_or(|a| !a.contains("in get_heads\n"));
            if revision_error && caught {
                return Err(command_error(interp, &message));
            }
            let mut err = revision_exception(interp, &class, &message);
            if let Some(above) = above {
                // The recorded frames run down into loading the files; a failure of the
                // map itself leaves `_revision_map` at its own line instead.
                let cut = above
                    .find("revision.py\", line 204, in _revision_map")
                    .and_then(|at| above[..at].rfind("  File "))
                    .unwrap_or(above.len());
                let site = crate::python::runtime::SITE_PACKAGES;
                let text = format!("{}{}", &above[..cut], frames.replace("{site}", site));
                let mut entries =
                    crate::python::runtime::error::TracebackEntry::verbatim_frames(&text);
                entries.append(&mut err.traceback);
                err.traceback = entries;
            }
            Err(err)
        }
        Err(e) => Err(map_error(interp, e)),
    }
}

/// Python's `UserWarning` lines for what the revision map warned about.
pub fn push_warnings(interp: &mut Interp<'_>, warnings: &[(u32, String)]) {
    let site = crate::python::runtime::SITE_PACKAGES;
    for (line, w) in warnings {
        interp.output.push((
            true,
            format!("{site}/alembic/script/revision.py:{line}: UserWarning: {w}\n  util.warn(\n"),
        ));
    }
}

/// The exception revision.py raises: its own classes (qualified by their module, as the
/// traceback's last line shows them) or a builtin such as `KeyError`.
fn revision_exception(interp: &mut Interp<'_>, class: &str, message: &str) -> PyErr {
    let Some(name) = class.strip_prefix("alembic.script.revision.") else {
        return interp.new_error(class, message);
    };
    let module = interp.new_module("alembic.script.revision", None);
    let mut source = String::from("class RevisionError(Exception):\n    pass\n");
    if name != "RevisionError" {
        source.push_str(&format!("class {name}(RevisionError):\n    pass\n"));
    }
    if let Err(e) = interp.exec_source(&module, "<revision>", &source) {
        return e;
    }
    let cls = module.dict.borrow().get(name).cloned();
    match cls {
        Some(Value::Class(ref cls)) => {
            PyErr::new(interp.make_exception(cls, vec![Value::str(message)]))
        }
        _ => interp.new_error("Exception", message),
    }
}

/// Puts `above` in front of a revision file's traceback. A file that does not compile has
/// no frames of its own, and importlib's frames for it differ.
fn with_frames_above(interp: &Interp<'_>, above: Option<&str>, mut err: PyErr) -> PyErr {
    let Some(above) = above else {
        return err;
    };
    let syntax = err.traceback.is_empty()
        && interp
            .class_of(&err.value)
            .lineage()
            .any(|c| c.name == "SyntaxError");
    let frames = if syntax {
        super::commands::with_syntax_tail(above)
    } else {
        above.to_string()
    };
    let mut entries = crate::python::runtime::error::TracebackEntry::verbatim_frames(&frames);
    entries.append(&mut err.traceback);
    err.traceback = entries;
    err
}

impl Environment {
    pub fn map(&self, interp: &mut Interp<'_>) -> Result<Rc<RevisionMap>, PyErr> {
        if let Some(m) = self.state.borrow().map.clone() {
            return Ok(m);
        }
        let mut modules = HashMap::new();
        let command = match &self.action {
            Action::Upgrade(_) => "upgrade",
            Action::Downgrade(_) => "downgrade",
            Action::Stamp { .. } => "stamp",
            Action::Current { .. } => "current",
            Action::ReadCurrent => "history",
            Action::EditCurrent => "edit",
            Action::Autogenerate | Action::RevisionEnv => "revision",
            Action::Check => "check",
            Action::EnsureVersion => "ensure_version",
        };
        let above = super::commands::recorded_frames(Some("scripts_env"), command);
        let map = Rc::new(load_revisions(
            interp,
            &self.script,
            &mut modules,
            above.as_deref(),
        )?);
        let mut state = self.state.borrow_mut();
        state.modules = modules;
        state.map = Some(Rc::clone(&map));
        Ok(map)
    }

    fn log(interp: &mut Interp<'_>, message: &str) {
        crate::python::runtime::modules::logging::emit(
            interp,
            "alembic.runtime.migration",
            20,
            message,
        );
    }

    /// `context.configure(...)`: the migration context, and its two (offline three) INFO lines.
    pub fn configure(&self, interp: &mut Interp<'_>, ctx: MigrationContext, version_table: String) {
        let name = match ctx.dialect {
            Dialect::Sqlite => "SQLiteImpl",
            Dialect::Postgresql => "PostgresqlImpl",
        };
        Self::log(interp, &format!("Context impl {name}."));
        if ctx.as_sql {
            Self::log(interp, "Generating static SQL");
        }
        let transactional = ctx.dialect == Dialect::Postgresql;
        Self::log(
            interp,
            &format!(
                "Will assume {}transactional DDL.",
                if transactional { "" } else { "non-" }
            ),
        );
        let mut state = self.state.borrow_mut();
        state.ctx = Some(Rc::new(ctx));
        state.version_table = version_table;
    }

    fn ctx(&self, interp: &mut Interp<'_>) -> Result<Rc<MigrationContext>, PyErr> {
        match self.state.borrow().ctx.clone() {
            Some(c) => Ok(c),
            None => Err(interp.new_error(
                "AttributeError",
                "'NoneType' object has no attribute 'run_migrations'",
            )),
        }
    }

    /// The heads the run starts from: the version table online, `--sql start:` offline.
    fn start_heads(
        &self,
        interp: &mut Interp<'_>,
        ctx: &MigrationContext,
        map: &RevisionMap,
    ) -> Result<Vec<String>, PyErr> {
        if ctx.as_sql {
            return match &self.starting_rev {
                Some(s) => map.resolve(s, &[]).map_err(|e| map_error(interp, e)),
                None => Ok(Vec::new()),
            };
        }
        let table = self.state.borrow().version_table.clone();
        ctx.current_heads(&table).map_err(|e| op_to_py(interp, e))
    }

    /// `context.run_migrations()`.
    pub fn run_migrations(&self, interp: &mut Interp<'_>) -> Result<(), PyErr> {
        let ctx = self.ctx(interp)?;
        let table = self.state.borrow().version_table.clone();
        // Alembic reads the version table, and creates it unless the command only looks
        // (`current`), before the command's function loads a single revision file: a broken
        // revision file still leaves the table behind.
        let mutates = !matches!(
            self.action,
            Action::Current { .. } | Action::Autogenerate | Action::Check | Action::EnsureVersion
        );
        if mutates && !ctx.as_sql {
            let heads = ctx.current_heads(&table).map_err(|e| op_to_py(interp, e))?;
            if heads.is_empty() {
                self.ensure_table(interp, &ctx, &table)?;
            }
        }
        match self.action.clone() {
            Action::Current {
                verbose,
                check_heads,
            } => {
                let map = self.map(interp)?;
                let heads = self.start_heads(interp, &ctx, &map)?;
                return self.show_current(interp, &map, &heads, verbose, check_heads);
            }
            Action::ReadCurrent | Action::EditCurrent => {
                let map = self.map(interp)?;
                let heads = self.start_heads(interp, &ctx, &map)?;
                if heads.is_empty() && self.action == Action::EditCurrent {
                    return Err(command_error(interp, "No current revisions"));
                }
                self.state.borrow_mut().current = Some(heads);
                return Ok(());
            }
            Action::Autogenerate | Action::Check => return self.autogenerate(interp, &ctx),
            Action::RevisionEnv => {
                // Alembic's run_migrations still makes sure the version table exists.
                let table = self.state.borrow().version_table.clone();
                let heads = ctx.current_heads(&table).map_err(|e| op_to_py(interp, e))?;
                if heads.is_empty() {
                    self.ensure_table(interp, &ctx, &table)?;
                }
                ctx.commit();
            }
            Action::EnsureVersion => {
                let heads = ctx.current_heads(&table).map_err(|e| op_to_py(interp, e))?;
                if heads.is_empty() || ctx.as_sql {
                    self.ensure_table(interp, &ctx, &table)?;
                }
                ctx.commit();
                return Ok(());
            }
            _ => {}
        }
        let map = self.map(interp)?;
        // `stamp --purge` never reads the table: its rows may name revisions that are gone.
        let purging = matches!(self.action, Action::Stamp { purge: true, .. });
        let heads = if purging && !ctx.as_sql {
            Vec::new()
        } else {
            self.start_heads(interp, &ctx, &map)?
        };
        for h in &heads {
            if map.get(h).is_none() {
                return Err(command_error(
                    interp,
                    &format!("Can't locate revision identified by '{h}'"),
                ));
            }
        }
        let mut current = heads.clone();
        match self.action.clone() {
            Action::Upgrade(target) | Action::Downgrade(target) => {
                let up = matches!(self.action, Action::Upgrade(_));
                let steps = if up {
                    map.upgrade_revs(&target, &heads)
                } else {
                    map.downgrade_revs(&target, &heads)
                };
                push_warnings(interp, &map.take_warnings());
                let steps = steps.map_err(|e| map_error(interp, e))?;
                if !up {
                    self.state.borrow_mut().targets =
                        map.resolve(&target, &heads).unwrap_or_default();
                }
                // `transaction_per_migration`: offline, each step (the first with the version
                // table) is its own BEGIN/COMMIT, where env.py's one transaction would be.
                let per_step = ctx.as_sql && ctx.transaction_per_migration.get();
                for id in steps {
                    if per_step {
                        offline_transaction_marker(&ctx, "BEGIN;");
                    }
                    if ctx.as_sql && current.is_empty() {
                        self.ensure_table(interp, &ctx, &table)?;
                    }
                    self.step(interp, &ctx, &map, &table, &id, up, &mut current)?;
                    if per_step {
                        offline_transaction_marker(&ctx, "COMMIT;");
                    }
                }
            }
            Action::Stamp { targets, purge } => {
                if purge && ctx.as_sql {
                    return Err(command_error(interp, "Can't use --purge with --sql mode"));
                }
                if purge {
                    let sql = format!("DELETE FROM {table}");
                    self.exec(interp, &ctx, &sql)?;
                    current.clear();
                }
                let steps = map.stamp_revs(&targets, &current);
                push_warnings(interp, &map.take_warnings());
                let steps = steps.map_err(|e| map_error(interp, e))?;
                for step in steps {
                    if ctx.as_sql && current.is_empty() {
                        self.ensure_table(interp, &ctx, &table)?;
                    }
                    let short = format!(
                        "stamp_revision {} -> {}",
                        step.from.join(", "),
                        step.to.join(", ")
                    );
                    Self::log(interp, &format!("Running {short}"));
                    if ctx.as_sql {
                        ctx.output
                            .borrow_mut()
                            .push_str(&format!("-- Running {short}\n\n"));
                    }
                    let change = stamp_change(&step, &current);
                    self.apply(interp, &ctx, &table, &mut current, change)?;
                }
                ctx.commit();
            }
            _ => {}
        }
        Ok(())
    }

    /// `revision --autogenerate`: the plugin lines, the checks Alembic makes, then the
    /// comparison of the models with the reflected database.
    fn autogenerate(
        &self,
        interp: &mut Interp<'_>,
        ctx: &Rc<MigrationContext>,
    ) -> Result<(), PyErr> {
        let table = self.state.borrow().version_table.clone();
        let heads = ctx.current_heads(&table).map_err(|e| op_to_py(interp, e))?;
        if heads.is_empty() {
            self.ensure_table(interp, ctx, &table)?;
        }
        let map = self.map(interp)?;
        let mut script_heads: Vec<String> = map.heads().into_iter().map(String::from).collect();
        let mut have = heads.clone();
        script_heads.sort();
        have.sort();
        if script_heads != have {
            return Err(command_error(interp, "Target database is not up to date."));
        }
        for plugin in [
            "schemas",
            "tables",
            "types",
            "constraints",
            "defaults",
            "comments",
        ] {
            crate::python::runtime::modules::logging::emit(
                interp,
                "alembic.runtime.plugins",
                20,
                &format!("setting up autogenerate plugin alembic.autogenerate.{plugin}"),
            );
        }
        let metadata = self.state.borrow().target_metadata.clone();
        let Some(md) = metadata
            .as_ref()
            .and_then(crate::python::runtime::metadata_of)
        else {
            return Err(command_error(
                interp,
                &format!(
                    "Can't proceed with --autogenerate option; environment script {} does not provide a MetaData object or sequence of objects to the context.",
                    self.script.env_py()
                ),
            ));
        };
        let Some(db) = ctx.db.clone() else {
            return Ok(());
        };
        let names = db
            .execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name",
                &[],
            )
            .map_err(|error| {
                op_to_py(
                    interp,
                    OpError::Db {
                        error,
                        sql: String::new(),
                        params: Params::None,
                    },
                )
            })?;
        let mut reflected = Vec::new();
        for row in names.rows {
            let crate::db::SqlValue::Text(name) = &row[0] else {
                continue;
            };
            if *name == table {
                continue;
            }
            if let Ok(t) = crate::schema::reflect::reflect_table(&db, name) {
                reflected.push(t);
            }
        }
        let (options, include_object, include_name) = {
            let st = self.state.borrow();
            (
                crate::autogenerate::Options {
                    compare_type: st.autogen.compare_type,
                    compare_server_default: st.autogen.compare_server_default,
                },
                st.autogen.include_object.clone(),
                st.autogen.include_name.clone(),
            )
        };
        let mut hooks = PyHooks {
            interp,
            include_object,
            include_name,
            error: None,
        };
        let comparison =
            crate::autogenerate::compare(&md.borrow(), &reflected, options, &mut hooks);
        if let Some(e) = hooks.error {
            return Err(e);
        }
        for (logger, line) in &comparison.log {
            crate::python::runtime::modules::logging::emit(interp, logger, 20, line);
        }
        if matches!(self.action, Action::Check) && !comparison.ops.is_empty() {
            let sides = crate::autogenerate::diffs::Sides {
                metadata: &md.borrow(),
                reflected: &reflected,
            };
            self.state.borrow_mut().diffs = Some(crate::autogenerate::diffs::as_diffs(
                &comparison.ops,
                &sides,
            ));
        }
        self.state.borrow_mut().ops = Some(comparison.ops);
        ctx.commit();
        Ok(())
    }

    fn exec(
        &self,
        interp: &mut Interp<'_>,
        ctx: &MigrationContext,
        sql: &str,
    ) -> Result<(), PyErr> {
        let mark = interp.output.len();
        ctx.execute(sql, Params::None, mark)
            .map(|_| ())
            .map_err(|e| op_to_py(interp, e))
    }

    fn ensure_table(
        &self,
        interp: &mut Interp<'_>,
        ctx: &MigrationContext,
        table: &str,
    ) -> Result<(), PyErr> {
        // Online, Alembic creates the version table only when it is not there.
        if let Some(db) = &ctx.db {
            let exists = db
                .execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name=?",
                    &[crate::db::SqlValue::Text(table.to_string())],
                )
                .map(|r| !r.rows.is_empty())
                .unwrap_or(false);
            if exists {
                return Ok(());
            }
        }
        self.exec(interp, ctx, &version_table::create(table))
    }

    /// One migration step: the log line, the script's function, the version table, COMMIT.
    #[allow(clippy::too_many_arguments)]
    fn step(
        &self,
        interp: &mut Interp<'_>,
        ctx: &Rc<MigrationContext>,
        map: &RevisionMap,
        table: &str,
        id: &str,
        up: bool,
        current: &mut Vec<String>,
    ) -> Result<(), PyErr> {
        let rev = map.get(id).expect("steps come from the map").clone();
        let downs = rev.down.join(", ");
        let (from, to) = if up {
            (downs.clone(), id.to_string())
        } else {
            (id.to_string(), downs.clone())
        };
        let kind = if up { "upgrade" } else { "downgrade" };
        let line = if rev.doc().is_empty() {
            format!("Running {kind} {from} -> {to}")
        } else {
            format!("Running {kind} {from} -> {to}, {}", rev.doc())
        };
        Self::log(interp, &line);
        if ctx.as_sql {
            let comment = format!("-- Running {kind} {from} -> {to}");
            ctx.output.borrow_mut().push_str(&format!("{comment}\n\n"));
        }
        let module = self.state.borrow().modules.get(id).cloned();
        let func = module.and_then(|m| m.dict.borrow().get(kind).cloned());
        let previous = interp.migration.replace(Rc::clone(ctx));
        let result = match func {
            Some(f) => interp.call(&f, Vec::new(), Vec::new()).map(|_| ()),
            None => Err(interp.new_error(
                "AttributeError",
                &format!("module has no attribute '{kind}'"),
            )),
        };
        interp.migration = previous;
        if let Err(mut e) = result {
            // Between env.py's `context.run_migrations()` and the script: Alembic's frames.
            if let Some(frames) =
                crate::python::runtime::modules::alembic::recorded_frames("run_migrations")
            {
                let mut entries =
                    crate::python::runtime::error::TracebackEntry::verbatim_frames(&frames);
                entries.append(&mut e.traceback);
                e.traceback = entries;
            }
            return Err(e);
        }
        let targets = self.state.borrow().targets.clone();
        let change = revision_change(map, id, up, current, &targets);
        self.apply(interp, ctx, table, current, change)?;
        ctx.commit();
        Ok(())
    }

    /// `HeadMaintainer.update_to_step`: one change to the version table's rows.
    fn apply(
        &self,
        interp: &mut Interp<'_>,
        ctx: &Rc<MigrationContext>,
        table: &str,
        heads: &mut Vec<String>,
        change: Change,
    ) -> Result<(), PyErr> {
        let delete = |interp: &mut Interp<'_>, heads: &mut Vec<String>, v: &str| {
            heads.retain(|h| h != v);
            let sql = version_table::delete(table, v);
            ctx.execute_version_change(&sql, &format!("deleting '{v}'"), table)
                .map_err(|e| op_to_py(interp, e))
        };
        let insert = |interp: &mut Interp<'_>, heads: &mut Vec<String>, v: &str| {
            heads.push(v.to_string());
            self.exec(interp, ctx, &version_table::insert(table, v, ctx.dialect))
        };
        let update = |interp: &mut Interp<'_>, heads: &mut Vec<String>, from: &str, to: &str| {
            heads.retain(|h| h != from);
            heads.push(to.to_string());
            let sql = version_table::update(table, from, to);
            ctx.execute_version_change(&sql, &format!("updating '{from}' to '{to}'"), table)
                .map_err(|e| op_to_py(interp, e))
        };
        match change {
            Change::Delete(v) => delete(interp, heads, &v),
            Change::Insert(v) => insert(interp, heads, &v),
            Change::Merge {
                delete: gone,
                from,
                to,
            } => {
                for v in &gone {
                    delete(interp, heads, v)?;
                }
                update(interp, heads, &from, &to)
            }
            Change::Unmerge {
                insert: new,
                from,
                to,
            } => {
                for v in &new {
                    insert(interp, heads, v)?;
                }
                update(interp, heads, &from, &to)
            }
            Change::Update(from, to) => update(interp, heads, &from, &to),
        }
    }

    /// `current`: each head the database is at, as `rev (head)`.
    fn show_current(
        &self,
        interp: &mut Interp<'_>,
        map: &RevisionMap,
        heads: &[String],
        verbose: bool,
        check_heads: bool,
    ) -> Result<(), PyErr> {
        if check_heads {
            let mut all: Vec<String> = map.heads().into_iter().map(String::from).collect();
            all.sort();
            let mut have = heads.to_vec();
            have.sort();
            if all != have {
                return Err(command_error(
                    interp,
                    "Database is not on all head revisions",
                ));
            }
        }
        // `-q` silences `config.print_stdout`, which prints all of this.
        let quiet = self.config.borrow().quiet;
        if verbose && !quiet {
            let url = self
                .config
                .borrow()
                .main_option("sqlalchemy.url")
                .ok()
                .flatten()
                .unwrap_or_default();
            interp.output.push((
                false,
                format!("Current revision(s) for {}:\n", hide_password(&url)),
            ));
        }
        for h in heads {
            if map.get(h).is_none() {
                return Err(command_error(
                    interp,
                    &format!("Can't locate revision identified by '{h}'"),
                ));
            }
        }
        let shown = map
            .get_all_current(heads)
            .map_err(|e| map_error(interp, e))?;
        for h in &shown {
            let text = super::format::cmd_format(map, h, verbose, false, false, false, &[]);
            if !quiet {
                interp.output.push((false, format!("{text}\n")));
            }
        }
        Ok(())
    }
}

/// A URL with its password shown as `***`, as `util.obfuscate_url_pw` renders it.
pub fn hide_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((creds, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match creds.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

/// env.py's `include_name` and `include_object`, called as Alembic calls them. The first
/// exception a hook raises stops the comparison's use of hooks and is raised afterwards.
struct PyHooks<'a, 'i> {
    interp: &'a mut Interp<'i>,
    include_object: Option<Value>,
    include_name: Option<Value>,
    error: Option<PyErr>,
}

impl PyHooks<'_, '_> {
    fn call(&mut self, f: Value, args: Vec<Value>) -> bool {
        if self.error.is_some() {
            return true;
        }
        match self.interp.call(&f, args, Vec::new()) {
            Ok(v) => self.interp.truthy(&v).unwrap_or(true),
            Err(e) => {
                self.error = Some(e);
                true
            }
        }
    }

    fn handle(&mut self, object: crate::autogenerate::Object<'_>) -> Value {
        use crate::autogenerate::Object;
        use crate::python::runtime::modules::sqlalchemy::schema::{
            new_object, ColumnObj, ColumnState, ItemDraft, ItemObj, TableObj,
        };
        use crate::schema::ConstraintKind;
        let table_ref = |t: &crate::schema::Table| Rc::new(RefCell::new(t.clone()));
        let made = match object {
            Object::Table(t) => new_object(
                self.interp,
                "Table",
                TableObj {
                    table: table_ref(t),
                },
            ),
            Object::Column(t, c) => new_object(
                self.interp,
                "Column",
                ColumnObj {
                    state: RefCell::new(ColumnState::Attached {
                        table: table_ref(t),
                        name: c.name.clone(),
                    }),
                },
            ),
            Object::Index(_, i) => new_object(
                self.interp,
                "Index",
                ItemObj(ItemDraft::Index {
                    name: i.name.clone(),
                    items: i.columns.clone(),
                    unique: i.unique,
                    order: i.order,
                }),
            ),
            Object::Constraint(_, c) => {
                let (class, draft) = match &c.kind {
                    ConstraintKind::Unique { columns } => (
                        "UniqueConstraint",
                        ItemDraft::Unique {
                            name: c.name.clone(),
                            columns: columns.clone(),
                            order: c.order,
                        },
                    ),
                    ConstraintKind::ForeignKey(spec) => (
                        "ForeignKeyConstraint",
                        ItemDraft::ForeignKey {
                            name: c.name.clone(),
                            spec: spec.clone(),
                            order: c.order,
                        },
                    ),
                    ConstraintKind::Check { sqltext } => (
                        "CheckConstraint",
                        ItemDraft::Check {
                            name: c.name.clone(),
                            sqltext: sqltext.clone(),
                            order: c.order,
                        },
                    ),
                };
                new_object(self.interp, class, ItemObj(draft))
            }
        };
        made.unwrap_or(Value::None)
    }
}

impl crate::autogenerate::Hooks for PyHooks<'_, '_> {
    fn include_name(&mut self, name: &str, type_: &str, table: Option<&str>) -> bool {
        let Some(f) = self.include_name.clone() else {
            return true;
        };
        let parents = Value::dict_of_str(
            [("schema_name", Value::None)]
                .into_iter()
                .chain(table.map(|t| ("table_name", Value::str(t)))),
        );
        self.call(f, vec![Value::str(name), Value::str(type_), parents])
    }

    fn include_object(
        &mut self,
        object: crate::autogenerate::Object<'_>,
        name: Option<&str>,
        type_: &str,
        reflected: bool,
        compare_to: Option<crate::autogenerate::Object<'_>>,
    ) -> bool {
        let Some(f) = self.include_object.clone() else {
            return true;
        };
        let object = self.handle(object);
        let compare_to = match compare_to {
            Some(o) => self.handle(o),
            None => Value::None,
        };
        let name = name.map(Value::str).unwrap_or(Value::None);
        self.call(
            f,
            vec![
                object,
                name,
                Value::str(type_),
                Value::Bool(reflected),
                compare_to,
            ],
        )
    }
}

/// A change to the version table's rows (what `HeadMaintainer.update_to_step` decides).
#[derive(Debug)]
enum Change {
    Delete(String),
    Insert(String),
    Merge {
        delete: Vec<String>,
        from: String,
        to: String,
    },
    Unmerge {
        insert: Vec<String>,
        from: String,
        to: String,
    },
    Update(String, String),
}

/// `RevisionStep`'s choice for running `id` up or down with `heads` in the table. Where
/// Alembic picks from a Python set (which row of a merge survives), the first parent or the
/// downgrade target keeps its row here.
fn revision_change(
    map: &RevisionMap,
    id: &str,
    up: bool,
    heads: &[String],
    targets: &[String],
) -> Change {
    let downs = map.step_downs(id);
    let present: Vec<String> = downs
        .iter()
        .filter(|d| heads.contains(d))
        .cloned()
        .collect();
    if up {
        if present.is_empty() {
            return Change::Insert(id.to_string());
        }
        if downs.len() > 1 && present.len() > 1 {
            let others: Vec<String> = heads
                .iter()
                .filter(|h| !downs.contains(h))
                .cloned()
                .collect();
            let below = map.ancestors(&others);
            let mut from: Vec<String> = present
                .into_iter()
                .filter(|d| others.is_empty() || !below.contains(d))
                .collect();
            if from.is_empty() {
                return Change::Insert(id.to_string());
            }
            let keep = from.remove(0);
            return Change::Merge {
                delete: from,
                from: keep,
                to: id.to_string(),
            };
        }
        return Change::Update(present[0].clone(), id.to_string());
    }
    if !heads.iter().any(|h| h == id) {
        // Not in the table (an ancestor of a remaining head): Alembic updates a row that is
        // not there and fails on the row count.
        let down = downs.first().cloned().unwrap_or_default();
        return Change::Update(id.to_string(), down);
    }
    let unmerge_to: Vec<String> = {
        let others: Vec<String> = heads.iter().filter(|h| *h != id).cloned().collect();
        if others.is_empty() {
            let below: std::collections::HashSet<String> = downs
                .iter()
                .flat_map(|d| {
                    map.ancestors(std::slice::from_ref(d))
                        .into_iter()
                        .filter(move |r| r != d)
                })
                .collect();
            downs
                .iter()
                .filter(|d| !below.contains(*d))
                .cloned()
                .collect()
        } else {
            let below = map.ancestors(&others);
            downs
                .iter()
                .filter(|d| !below.contains(*d))
                .cloned()
                .collect()
        }
    };
    if downs.is_empty() || unmerge_to.is_empty() {
        return Change::Delete(id.to_string());
    }
    if downs.len() > 1 {
        let mut to = unmerge_to;
        let pick = to.iter().position(|t| targets.contains(t)).unwrap_or(0);
        let keep = to.remove(pick);
        return Change::Unmerge {
            insert: to,
            from: id.to_string(),
            to: keep,
        };
    }
    Change::Update(id.to_string(), downs[0].clone())
}

/// `StampStep`'s choice, in `HeadMaintainer.update_to_step`'s order of tests.
fn stamp_change(step: &StampStep, heads: &[String]) -> Change {
    let first = |v: &[String]| v.first().cloned().unwrap_or_default();
    let last = |v: &[String]| v.last().cloned().unwrap_or_default();
    if !step.is_upgrade && step.branch_move {
        return Change::Delete(first(&step.from));
    }
    if step.is_upgrade
        && (step.branch_move || step.from.iter().any(|f| !heads.contains(f)))
        && step.to.iter().any(|t| !heads.contains(t))
    {
        return Change::Insert(first(&step.to));
    }
    if step.from.len() > 1 {
        return Change::Merge {
            delete: step.from[..step.from.len() - 1].to_vec(),
            from: last(&step.from),
            to: first(&step.to),
        };
    }
    if step.to.len() > 1 {
        return Change::Unmerge {
            insert: step.to[..step.to.len() - 1].to_vec(),
            from: first(&step.from),
            to: last(&step.to),
        };
    }
    Change::Update(first(&step.from), first(&step.to))
}

/// `BEGIN;`/`COMMIT;` in an offline script, for the dialects whose DDL is transactional.
fn offline_transaction_marker(ctx: &MigrationContext, text: &str) {
    if ctx.as_sql && ctx.dialect == Dialect::Postgresql {
        ctx.output.borrow_mut().push_str(&format!("{text}\n\n"));
    }
}
