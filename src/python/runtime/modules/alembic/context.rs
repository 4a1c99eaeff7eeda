//! `alembic.context` and `alembic.config.Config` from Python: what `env.py` calls
//! (`context.config`, `configure`, `is_offline_mode`, `begin_transaction`, `run_migrations`,
//! `get_x_argument`), delegating to the command's `crate::command::environment::Environment`.
//! Also `sqlalchemy.engine_from_config`/`create_engine` and the connections they open.

use std::cell::RefCell;
use std::rc::Rc;

use super::super::sqlalchemy::schema::new_object;
use super::super::{kwarg, module, native_class};
use crate::command::environment::{command_error, Environment};
use crate::config::Config;
use crate::db::Database;
use crate::python::runtime::builtins::{arg, builtin};
use crate::python::runtime::call::Kwargs;
use crate::python::runtime::value::{Dict, HashKey, Module, Value};
use crate::python::runtime::{Interp, PyErr};
use crate::runtime::MigrationContext;
use crate::schema::Dialect;

/// The payload of a `Config` object.
pub struct ConfigObj(pub Rc<RefCell<Config>>);

/// The payload of a connection: its database.
pub struct ConnObj(pub Rc<Database>);

/// The payload of an engine: its URL.
pub struct EngineObj(pub String);

fn env(interp: &mut Interp<'_>, what: &str) -> Result<Rc<Environment>, PyErr> {
    match interp.environment.clone() {
        Some(e) => Ok(e),
        None => Err(interp.new_error(
            "NameError",
            &format!("Can't invoke function '{what}', as the proxy object has not yet been established for the Alembic 'EnvironmentContext' class.  Try placing this code inside a callable."),
        )),
    }
}

fn ini_error(interp: &mut Interp<'_>, e: crate::config::IniError) -> PyErr {
    let class = e.class.rsplit('.').next().unwrap_or(e.class);
    let class = if class == "ValueError" {
        "ValueError"
    } else {
        "Exception"
    };
    interp.new_error(class, &e.message)
}

fn str_arg(interp: &mut Interp<'_>, args: &[Value], i: usize) -> String {
    let v = arg(args, i);
    interp.str_lossy(&v)
}

fn dict_of(pairs: impl IntoIterator<Item = (String, String)>) -> Value {
    let mut d = Dict::default();
    for (k, v) in pairs {
        let key: Rc<str> = Rc::from(k.as_str());
        d.insert(
            HashKey::Str(Rc::clone(&key)),
            Value::Str(key),
            Value::str(&v),
        );
    }
    Value::Dict(Rc::new(RefCell::new(d)))
}

/// `alembic.config`: the `Config` class whose instance env.py gets as `context.config`.
pub(in crate::python::runtime::modules) fn config_module(
    interp: &mut Interp<'_>,
) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let cfg = |interp: &mut Interp<'_>, v: &Value| -> Result<Rc<ConfigObj>, PyErr> {
        v.payload::<ConfigObj>()
            .ok_or_else(|| interp.type_error("not a Config"))
    };
    let get_main = builtin("get_main_option", "Config", move |interp, args, kw| {
        let c = cfg(interp, &arg(&args, 0))?;
        let name = str_arg(interp, &args, 1);
        let default = args
            .get(2)
            .cloned()
            .or_else(|| kwarg(&kw, "default"))
            .unwrap_or(Value::None);
        let value = c.0.borrow().main_option(&name);
        match value {
            Ok(Some(v)) => Ok(Value::str(&v)),
            Ok(None) => Ok(default),
            Err(e) => Err(ini_error(interp, e)),
        }
    });
    let set_main = builtin("set_main_option", "Config", move |interp, args, _| {
        let c = cfg(interp, &arg(&args, 0))?;
        let name = str_arg(interp, &args, 1);
        let value = str_arg(interp, &args, 2);
        let section = c.0.borrow().section.clone();
        let r = c.0.borrow_mut().set_section_option(&section, &name, &value);
        r.map_err(|e| ini_error(interp, e))?;
        Ok(Value::None)
    });
    let set_section = builtin("set_section_option", "Config", move |interp, args, _| {
        let c = cfg(interp, &arg(&args, 0))?;
        let section = str_arg(interp, &args, 1);
        let name = str_arg(interp, &args, 2);
        let value = str_arg(interp, &args, 3);
        let r = c.0.borrow_mut().set_section_option(&section, &name, &value);
        r.map_err(|e| ini_error(interp, e))?;
        Ok(Value::None)
    });
    let get_section = builtin("get_section", "Config", move |interp, args, kw| {
        let c = cfg(interp, &arg(&args, 0))?;
        let name = str_arg(interp, &args, 1);
        let default = args
            .get(2)
            .cloned()
            .or_else(|| kwarg(&kw, "default"))
            .unwrap_or(Value::None);
        let section = c.0.borrow().section(&name);
        match section {
            Ok(Some(s)) => Ok(dict_of(s)),
            Ok(None) => Ok(default),
            Err(e) => Err(ini_error(interp, e)),
        }
    });
    let get_section_option = builtin("get_section_option", "Config", move |interp, args, kw| {
        let c = cfg(interp, &arg(&args, 0))?;
        let section = str_arg(interp, &args, 1);
        let name = str_arg(interp, &args, 2);
        let default = args
            .get(3)
            .cloned()
            .or_else(|| kwarg(&kw, "default"))
            .unwrap_or(Value::None);
        if !c.0.borrow().ini.has_section(&section) {
            return Err(interp.new_error(
                "configparser.NoSectionError",
                &format!("No section: '{section}'"),
            ));
        }
        let value = c.0.borrow().section_option(&section, &name);
        match value {
            Ok(Some(v)) => Ok(Value::str(&v)),
            Ok(None) => Ok(default),
            Err(e) => Err(ini_error(interp, e)),
        }
    });
    let getattr = builtin("__getattr__", "Config", move |interp, args, _| {
        let c = cfg(interp, &arg(&args, 0))?;
        let name = str_arg(interp, &args, 1);
        let c = c.0.borrow();
        match name.as_str() {
            "config_file_name" => Ok(Value::str(&c.file)),
            "config_ini_section" => Ok(Value::str(&c.section)),
            _ => Err(interp.new_error(
                "AttributeError",
                &format!("'Config' object has no attribute '{name}'"),
            )),
        }
    });
    let print_stdout = builtin("print_stdout", "Config", move |interp, args, _| {
        if cfg(interp, &arg(&args, 0))?.0.borrow().quiet {
            return Ok(Value::None);
        }
        let text = str_arg(interp, &args, 1);
        let text = if args.len() > 2 {
            let rest = Value::tuple(args[2..].to_vec());
            let r = interp.binary_op(
                crate::python::ast::Operator::Mod,
                Value::str(&text),
                rest,
                false,
            )?;
            interp.str_lossy(&r)
        } else {
            text
        };
        interp.output.push((false, format!("{text}\n")));
        Ok(Value::None)
    });
    let class = native_class(
        interp,
        "Config",
        "alembic.config",
        vec![object],
        vec![
            ("get_main_option", get_main),
            ("set_main_option", set_main),
            ("set_section_option", set_section),
            ("get_section", get_section),
            ("get_section_option", get_section_option),
            ("print_stdout", print_stdout),
            ("__getattr__", getattr),
        ],
    )?;
    Ok(module(
        interp,
        "alembic.config",
        vec![("Config", Value::Class(class))],
    ))
}

/// The Python `Config` object for a command's configuration.
pub fn config_value(interp: &mut Interp<'_>, config: &Rc<RefCell<Config>>) -> Result<Value, PyErr> {
    let m = interp.import_by_name("alembic.config")?;
    let cls = m.dict.borrow().get("Config").cloned();
    let Some(Value::Class(ref cls)) = cls else {
        return Ok(Value::None);
    };
    let obj = interp.new_instance(cls);
    if let Value::Instance(i) = &obj {
        *i.payload.borrow_mut() = Some(Rc::new(ConfigObj(Rc::clone(config))));
        i.dict
            .borrow_mut()
            .insert(Rc::from("attributes"), Value::Dict(Rc::default()));
    }
    Ok(obj)
}

/// `alembic.context`.
pub(in crate::python::runtime::modules) fn context_module(
    interp: &mut Interp<'_>,
) -> Result<Rc<Module>, PyErr> {
    let object = Rc::clone(&interp.types.object);
    let transaction = native_class(
        interp,
        "_TransactionContext",
        "alembic.runtime.migration",
        vec![object],
        vec![
            (
                "__enter__",
                builtin("__enter__", "Transaction", |interp, args, _| {
                    offline_marker(interp, "BEGIN;");
                    Ok(arg(&args, 0))
                }),
            ),
            (
                "__exit__",
                builtin("__exit__", "Transaction", |interp, args, _| {
                    if arg(&args, 1).is_none() {
                        offline_marker(interp, "COMMIT;");
                    }
                    Ok(Value::Bool(false))
                }),
            ),
        ],
    )?;
    let configure = builtin("configure", "alembic.context", configure);
    let is_offline = builtin("is_offline_mode", "alembic.context", |interp, _, _| {
        Ok(Value::Bool(env(interp, "is_offline_mode")?.as_sql))
    });
    let run = builtin("run_migrations", "alembic.context", |interp, _, _| {
        env(interp, "run_migrations")?.run_migrations(interp)?;
        Ok(Value::None)
    });
    let begin = builtin(
        "begin_transaction",
        "alembic.context",
        move |interp, _, _| {
            env(interp, "begin_transaction")?;
            Ok(interp.new_instance(&transaction))
        },
    );
    let x_arg = builtin("get_x_argument", "alembic.context", |interp, _, kw| {
        let e = env(interp, "get_x_argument")?;
        let x = e.config.borrow().x.clone();
        let as_dict = match kwarg(&kw, "as_dictionary") {
            Some(v) => interp.truthy(&v)?,
            None => false,
        };
        if as_dict {
            Ok(dict_of(x.iter().map(|a| match a.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (a.clone(), String::new()),
            })))
        } else {
            Ok(Value::list(x.iter().map(|a| Value::str(a)).collect()))
        }
    });
    let tag = builtin("get_tag_argument", "alembic.context", |interp, _, _| {
        let e = env(interp, "get_tag_argument")?;
        Ok(e.tag.as_deref().map_or(Value::None, Value::str))
    });
    let transactional = builtin("is_transactional_ddl", "alembic.context", |interp, _, _| {
        let e = env(interp, "is_transactional_ddl")?;
        let ctx = e.state.borrow().ctx.clone();
        Ok(Value::Bool(
            ctx.is_some_and(|c| c.dialect == Dialect::Postgresql),
        ))
    });
    let get_bind = builtin("get_bind", "alembic.context", |interp, _, _| {
        let e = env(interp, "get_bind")?;
        let ctx = e.state.borrow().ctx.clone();
        match ctx.and_then(|c| c.db.clone()) {
            Some(db) => new_object(interp, "Connection", ConnObj(db)),
            None => Ok(Value::None),
        }
    });
    Ok(module(
        interp,
        "alembic.context",
        vec![
            ("configure", configure),
            ("is_offline_mode", is_offline),
            ("run_migrations", run),
            ("begin_transaction", begin),
            ("get_x_argument", x_arg),
            ("get_tag_argument", tag),
            ("is_transactional_ddl", transactional),
            ("get_bind", get_bind),
        ],
    ))
}

/// Offline, a dialect with transactional DDL (PostgreSQL) wraps the script in
/// `BEGIN;`/`COMMIT;`.
fn offline_marker(interp: &mut Interp<'_>, text: &str) {
    let Some(e) = interp.environment.clone() else {
        return;
    };
    let ctx = e.state.borrow().ctx.clone();
    // With a transaction per migration, env.py's transaction is empty: the steps mark theirs.
    if let Some(ctx) = ctx.filter(|c| {
        c.as_sql && c.dialect == Dialect::Postgresql && !c.transaction_per_migration.get()
    }) {
        ctx.output.borrow_mut().push_str(&format!("{text}\n\n"));
    }
}

/// `context.configure(connection=..., url=..., target_metadata=..., ...)`.
fn configure(interp: &mut Interp<'_>, _: Vec<Value>, kw: Kwargs) -> Result<Value, PyErr> {
    let e = env(interp, "configure")?;
    let version_table = match kwarg(&kw, "version_table") {
        Some(Value::Str(ref s)) => s.to_string(),
        _ => "alembic_version".to_string(),
    };
    let connection = kwarg(&kw, "connection").filter(|c| !c.is_none());
    let ctx = if let Some(conn) = connection {
        let Some(c) = conn.payload::<ConnObj>() else {
            return Err(interp.type_error("connection must be a Connection"));
        };
        MigrationContext::online(Rc::clone(&c.0))
    } else {
        let url = match kwarg(&kw, "url") {
            Some(Value::Str(ref u)) => Some(u.to_string()),
            Some(Value::None) | None => None,
            Some(other) => Some(interp.str_lossy(&other)),
        };
        let dialect_name = match kwarg(&kw, "dialect_name") {
            Some(Value::Str(ref d)) => Some(d.to_string()),
            _ => None,
        };
        let name = url
            .as_deref()
            .map(|u| u.split(['+', ':']).next().unwrap_or("").to_string())
            .or(dialect_name);
        let Some(name) = name else {
            return Err(
                interp.new_error("Exception", "Connection, url, or dialect_name is required.")
            );
        };
        let dialect = if name.starts_with("postgres") {
            Dialect::Postgresql
        } else {
            Dialect::Sqlite
        };
        if !e.as_sql {
            return Err(command_error(
                interp,
                "Online migrations need a connection: pass connection= to context.configure()",
            ));
        }
        MigrationContext::offline(dialect)
    };
    if let Some(v) = kwarg(&kw, "literal_binds") {
        ctx.literal_binds.set(interp.truthy(&v)?);
    }
    if let Some(v) = kwarg(&kw, "transaction_per_migration") {
        ctx.transaction_per_migration.set(interp.truthy(&v)?);
    }
    if let Some(opts) = kwarg(&kw, "dialect_opts").filter(|v| !v.is_none()) {
        let style = interp.get_item(&opts, &Value::str("paramstyle")).ok();
        ctx.named_paramstyle
            .set(matches!(style, Some(Value::Str(ref s)) if &**s == "named"));
    }
    e.state.borrow_mut().target_metadata = kwarg(&kw, "target_metadata").filter(|m| !m.is_none());
    let flag = |interp: &mut Interp<'_>, name: &str, default: bool| -> Result<bool, PyErr> {
        match kwarg(&kw, name) {
            Some(v) => interp.truthy(&v),
            None => Ok(default),
        }
    };
    let options = crate::command::environment::AutogenOptions {
        render_as_batch: flag(interp, "render_as_batch", false)?,
        compare_type: flag(interp, "compare_type", true)?,
        compare_server_default: flag(interp, "compare_server_default", false)?,
        include_object: kwarg(&kw, "include_object").filter(|v| !v.is_none()),
        include_name: kwarg(&kw, "include_name").filter(|v| !v.is_none()),
    };
    e.state.borrow_mut().autogen = options;
    e.configure(interp, ctx, version_table);
    Ok(Value::None)
}

/// `sqlalchemy.engine_from_config(configuration, prefix="sqlalchemy.", **kw)`.
pub fn engine_from_config(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let config = arg(&args, 0);
    let prefix = match args.get(1).cloned().or_else(|| kwarg(&kw, "prefix")) {
        Some(Value::Str(ref p)) => p.to_string(),
        _ => "sqlalchemy.".to_string(),
    };
    let key = format!("{prefix}url");
    let url = interp.get_item(&config, &Value::str(&key))?;
    let url = interp.str_lossy(&url);
    create_engine_for(interp, &url, true)
}

/// `sqlalchemy.create_engine(url, ...)`.
pub fn create_engine(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> Result<Value, PyErr> {
    let url = args
        .first()
        .cloned()
        .or_else(|| kwarg(&kw, "url"))
        .unwrap_or(Value::None);
    let url = interp.str_lossy(&url);
    create_engine_for(interp, &url, false)
}

/// SQLAlchemy's frames under `engine_from_config(...)` (or, without its first frame, under
/// `create_engine(...)`) for the failure recorded as `probe`.
fn with_engine_frames(mut err: PyErr, probe: &str, via_config: bool) -> PyErr {
    let header = format!("sqlalchemy engine_from_config {probe}");
    let Some(frames) = crate::command::recorded_section(&header) else {
        return err;
    };
    let mut entries = crate::python::runtime::error::TracebackEntry::verbatim_frames(&frames);
    if !via_config && !entries.is_empty() {
        entries.remove(0);
    }
    err.traceback.extend(entries);
    err
}

fn create_engine_for(interp: &mut Interp<'_>, url: &str, via_config: bool) -> Result<Value, PyErr> {
    let scheme = url.split("://").next().unwrap_or("");
    let (backend, driver) = scheme.split_once('+').unwrap_or((scheme, ""));
    match backend {
        "sqlite" => new_object(interp, "Engine", EngineObj(url.to_string())),
        // SQLAlchemy 2.1's default PostgreSQL driver is psycopg (3). With it installed (pip's
        // built-in stand-ins) the engine is made and `connect()` fails: there is no server.
        "postgresql" => {
            let driver = if driver.is_empty() { "psycopg" } else { driver };
            if driver_installed(interp, driver) {
                return new_object(interp, "Engine", EngineObj(url.to_string()));
            }
            let err = interp.new_error(
                "ModuleNotFoundError",
                &format!("No module named '{driver}'"),
            );
            let probe = match driver {
                "psycopg" => "postgresql".to_string(),
                other => format!("postgresql+{other}"),
            };
            Err(with_engine_frames(err, &probe, via_config))
        }
        _ if !url.contains("://") => {
            let msg = format!("Could not parse SQLAlchemy URL from string '{url}'");
            Err(super::super::sqlalchemy::sa_error(
                interp,
                "ArgumentError",
                &msg,
            ))
        }
        other => {
            let msg = format!("Can't load plugin: sqlalchemy.dialects:{other}");
            let err = super::super::sqlalchemy::sa_error(interp, "NoSuchModuleError", &msg);
            Err(with_engine_frames(err, "unknown", via_config))
        }
    }
}

/// Whether pip installed a package that provides the DBAPI module `driver`.
fn driver_installed(interp: &Interp<'_>, driver: &str) -> bool {
    let packages: &[&str] = match driver {
        "psycopg" => &["psycopg"],
        "psycopg2" => &["psycopg2", "psycopg2_binary"],
        _ => &[],
    };
    packages.iter().any(|p| interp.packages.contains(*p))
}

/// What connecting to a PostgreSQL URL raises here: the page has no network, so it is what
/// the driver raises when no server listens, as recorded with the tutorial's URL
/// (`localhost:5432`) by tools/record/record_frames.py: SQLAlchemy's OperationalError with
/// its frames, raised from the driver's own error with that one's frames.
fn no_server_error(interp: &mut Interp<'_>, url: &str) -> PyErr {
    let scheme = url.split("://").next().unwrap_or("");
    let probe = if scheme.ends_with("+psycopg2") {
        "postgresql+psycopg2"
    } else {
        "postgresql"
    };
    let section = |part: &str| {
        crate::command::recorded_section(&format!("sqlalchemy connect {probe}{part}"))
            .unwrap_or_default()
    };
    let printed = section(" error");
    let mut message = printed
        .trim_end_matches('\n')
        .strip_prefix("sqlalchemy.exc.OperationalError: ")
        .unwrap_or("")
        .to_string();
    // The driver names the port it tried; the rest of the text is the recording's.
    if let Some(port) = url_port(url).filter(|p| *p != "5432") {
        message = message.replace("port 5432 failed", &format!("port {port} failed"));
    }
    let verbatim = crate::python::runtime::error::TracebackEntry::verbatim_frames;
    let mut err = super::super::sqlalchemy::sa_error(interp, "OperationalError", &message);
    err.traceback.extend(verbatim(&section("")));
    // `(psycopg.OperationalError) <the driver's message>\n(Background on this error at: ...)`
    let driver = message.strip_prefix('(').and_then(|m| m.split_once(") "));
    if let Some((class, rest)) = driver {
        let (module, name) = class.rsplit_once('.').unwrap_or(("builtins", class));
        let text = rest
            .rsplit_once("\n(Background on this error at:")
            .map_or(rest, |(t, _)| t);
        let base = interp.types.exception("Exception");
        if let Ok(cls) = native_class(interp, name, module, vec![base], Vec::new()) {
            let value = interp.make_exception(&cls, vec![Value::str(text)]);
            let mut cause = PyErr::new(value);
            cause.traceback = verbatim(&section(" cause"));
            err.cause = Some(Box::new(cause));
        }
    }
    err
}

/// The port a URL names (`...@localhost:5433/db` is 5433), if it names one.
fn url_port(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host.rsplit_once(':')
        .map(|(_, p)| p)
        .filter(|p| !p.is_empty())
}

/// The line the terminal adds under a traceback from connecting to PostgreSQL, which the page
/// cannot do (stdout, `playground: ...`, so that stderr stays exactly the real one).
pub fn no_server_note(traceback: &str) -> Option<&'static str> {
    let last = traceback
        .trim_end()
        .lines()
        .rev()
        .find(|l| l.starts_with("sqlalchemy.exc."))?;
    last.starts_with("sqlalchemy.exc.OperationalError: (psycopg").then_some(
        "playground: there is no PostgreSQL server in this page, and no network to reach one; the database here is SQLite (sqlalchemy.url = sqlite:///./app.db).\n",
    )
}

/// The database file a `sqlite://` URL names (`None` for an in-memory database).
pub fn sqlite_path(url: &str, cwd: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or("");
    let path = rest.strip_prefix('/')?;
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    Some(crate::fs::join(cwd, path))
}

/// `engine.connect()`: opens the database file through the file-system seam.
pub fn engine_connect(
    interp: &mut Interp<'_>,
    args: Vec<Value>,
    _: Kwargs,
) -> Result<Value, PyErr> {
    let this = arg(&args, 0);
    let Some(engine) = this.payload::<EngineObj>() else {
        return Err(interp.type_error("not an Engine"));
    };
    if engine.0.starts_with("postgresql") {
        let url = engine.0.clone();
        return Err(no_server_error(interp, &url));
    }
    let path = sqlite_path(&engine.0, &interp.cwd);
    if let Some(p) = &path {
        if let Some((_, db)) = interp.databases.iter().find(|(q, _)| q == p) {
            let db = Rc::clone(db);
            return new_object(interp, "Connection", ConnObj(db));
        }
        let dir = crate::fs::parent(p).to_string();
        if !interp.fs.is_dir(&dir) {
            let msg = "(sqlite3.OperationalError) unable to open database file\n(Background on this error at: https://sqlalche.me/e/21/e3q8)";
            return Err(super::super::sqlalchemy::sa_error(
                interp,
                "OperationalError",
                msg,
            ));
        }
    }
    let bytes = path
        .as_ref()
        .and_then(|p| interp.fs.read(p).ok())
        .unwrap_or_default();
    // The learner's own database: what it runs goes to the SQL log (src/db.rs, `record`).
    let db = Database::from_bytes(&bytes)
        .map(Database::logged)
        .map_err(|e| {
            let msg = format!("(sqlite3.DatabaseError) {}", e.message);
            super::super::sqlalchemy::sa_error(interp, "DatabaseError", &msg)
        })?;
    let db = Rc::new(db);
    if let Some(p) = path {
        interp.databases.push((p, Rc::clone(&db)));
    }
    new_object(interp, "Connection", ConnObj(db))
}
