//! The evaluator: runs parsed Python with Python's semantics for the subset the playground's
//! files use. Statements and expressions are walked directly (no bytecode); every step counts
//! against a budget and every call against a recursion limit, so a learner's infinite loop or
//! runaway recursion becomes a clear error instead of a frozen or crashed tab.
//!
//! Layout: `value` (the object model), `error` (exceptions and tracebacks), `scope` (local
//! name analysis), `exec` (statements), `eval` (expressions, names, assignment targets),
//! `operators` (arithmetic, comparison, hashing), `format` (repr, str, format), `call`
//! (calls and classes), `attr` (attributes), `subscript` (indexing), `builtins` (the built-in types), `methods` (their methods),
//! `functions` (the builtins module), `import` (the import system over the workspace files),
//! `modules` (native modules).

mod attr;
pub(crate) mod bigint;
mod builtins;
mod call;
mod container_methods;
pub mod error;
mod eval;
mod exec;
mod format;
mod functions;
mod import;
mod instance_dict;
mod methods;
pub(crate) mod modules;
mod operators;
pub mod printed;
mod scope;
mod subscript;
mod teardown;
pub mod value;

/// The schema model behind a Python `MetaData` object (`Base.metadata`, `target_metadata`).
pub use modules::sqlalchemy::schema::metadata_of;

/// Where the playground's Python keeps installed packages (Alembic's files in messages).
pub use import::{SITE_PACKAGES, STDLIB_DIR};

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::fs::FileSystem;
use crate::text::TextRange;
pub use builtins::Types;
pub use error::{PyErr, TracebackEntry};
use value::{Class, Dict, Function, Module, Namespace, Scope, ScopeInfo, SourceFile, Value};

/// How many statements and calls one command may run before the playground stops it; bulk
/// operations (iterating, hashing and comparing containers) count one step per item they
/// touch, so a short loop over a huge list cannot escape the budget. At the evaluator's speed
/// this is well under a second in the browser.
pub const DEFAULT_STEP_LIMIT: u64 = 5_000_000;

/// How many nested evaluator calls the host's stack holds (see `Interp::native_depth`).
/// Measured in headless Chromium on the release build: see BENCHMARKS.md, "Recursion".
pub const BROWSER_NATIVE_DEPTH: u32 = 1_500;
#[cfg(target_arch = "wasm32")]
pub const MAX_NATIVE_DEPTH: u32 = BROWSER_NATIVE_DEPTH;
/// Natively the CLI runs the engine on a 512 MiB stack, which CPython's limits fit in.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_NATIVE_DEPTH: u32 = 1_000_000;

/// CPython's default `sys.getrecursionlimit()`.
pub const DEFAULT_RECURSION_LIMIT: u32 = 1000;

/// Builds a native module on first import.
pub type NativeModuleInit = fn(&mut Interp<'_>) -> Result<Rc<Module>, PyErr>;

/// One evaluator session: loaded modules, `sys.path`, `os.environ`, output, and limits.
pub struct Interp<'fs> {
    pub fs: &'fs dyn FileSystem,
    pub types: Types,
    pub builtins: Rc<Module>,
    pub modules: IndexMap<String, Rc<Module>>,
    /// The list object that is `sys.path`.
    pub sys_path: Rc<RefCell<Vec<Value>>>,
    /// The dict that is `os.environ`.
    pub environ: Rc<RefCell<Dict>>,
    pub cwd: String,
    /// What `print()` and friends wrote, in order: (is_stderr, text).
    pub output: printed::Printed,
    pub steps: u64,
    pub step_limit: u64,
    /// `sys.get_int_max_str_digits()`: the most digits an int/str conversion may have.
    pub int_max_str_digits: usize,
    pub depth: u32,
    pub recursion_limit: u32,
    expr_depth: u32,
    /// Nested evaluator calls (expressions, statements, calls) right now, and the most this
    /// host's stack holds: the browser's engine limits wasm recursion by its own native
    /// stack, well below what CPython's recursion limit of 1000 can need.
    pub(crate) native_depth: u32,
    pub max_native_depth: u32,
    pub peak_native_depth: u32,
    pub native_modules: HashMap<&'static str, NativeModuleInit>,
    /// Exceptions being handled by `except` blocks, innermost last, with their tracebacks
    /// (for bare `raise`, `raise ... from` and implicit chaining).
    handling: Vec<PyErr>,
    /// Functions currently running, innermost last (for zero-argument `super()`).
    pub(crate) calls: Vec<(Rc<Function>, Option<Value>)>,
    /// Modules whose body is running, for the circular-import hint.
    loading: Vec<String>,
    /// The `.ini` file given to `logging.config.fileConfig`, for the command line to apply.
    pub logging_config: Option<String>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// The module of each running frame, innermost last (for `globals()`).
    pub(crate) frames: Vec<Rc<Module>>,
    /// The migration context `alembic.op` directives run through, while a migration runs.
    pub migration: Option<Rc<crate::runtime::MigrationContext>>,
    /// The logging set up by `logging.config.fileConfig`, if env.py has run it.
    pub log_config: Option<Rc<modules::logging::LogConfig>>,
    /// The Alembic environment `alembic.context` speaks for, while a command runs env.py.
    pub environment: Option<Rc<crate::command::environment::Environment>>,
    /// SQLite files opened through engines, by path: the command writes them back through
    /// the file-system seam when it ends.
    pub databases: Vec<(String, Rc<crate::db::Database>)>,
    /// The pip packages installed (pip's keys): which database drivers `create_engine` finds.
    pub packages: std::collections::BTreeSet<String>,
    /// The dict Python sees as `sys.modules`, once asked for, and the names it held then.
    pub(crate) sys_modules: Option<Rc<RefCell<Dict>>>,
    pub(crate) sys_modules_seen: Vec<String>,
    /// What shutdown starts from to break reference cycles (see `teardown`).
    pub(crate) tracked: teardown::Tracked,
}

/// What executing a statement did to the flow of control.
pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
}

/// Where names live while a frame runs.
pub enum FrameKind {
    /// Module level: locals are the globals.
    Module,
    Function {
        locals: Scope,
        info: Rc<ScopeInfo>,
        closure: Vec<Scope>,
    },
    Class {
        namespace: Rc<RefCell<Namespace>>,
        closure: Vec<Scope>,
    },
}

/// One running frame.
pub struct Frame {
    pub file: Rc<SourceFile>,
    pub name: String,
    pub globals: Rc<Module>,
    pub kind: FrameKind,
    /// The statement being run, for the traceback when no expression is more precise.
    pub stmt: TextRange,
}

impl<'fs> Interp<'fs> {
    pub fn new(fs: &'fs dyn FileSystem, cwd: &str) -> Interp<'fs> {
        let types = Types::new();
        let builtins = functions::make_module(&types);
        let mut interp = Interp {
            fs,
            types,
            builtins,
            modules: IndexMap::new(),
            sys_path: Rc::new(RefCell::new(Vec::new())),
            environ: Rc::new(RefCell::new(Dict::default())),
            cwd: cwd.to_string(),
            output: printed::Printed::default(),
            steps: 0,
            step_limit: DEFAULT_STEP_LIMIT,
            int_max_str_digits: bigint::DEFAULT_MAX_STR_DIGITS,
            depth: 0,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            expr_depth: 0,
            native_depth: 0,
            max_native_depth: MAX_NATIVE_DEPTH,
            peak_native_depth: 0,
            native_modules: HashMap::new(),
            handling: Vec::new(),
            calls: Vec::new(),
            loading: Vec::new(),
            logging_config: None,
            argv: vec![String::new()],
            frames: Vec::new(),
            migration: None,
            log_config: None,
            environment: None,
            databases: Vec::new(),
            packages: std::collections::BTreeSet::new(),
            sys_modules: None,
            sys_modules_seen: Vec::new(),
            tracked: Default::default(),
        };
        modules::register(&mut interp);
        let builtins = Rc::clone(&interp.builtins);
        interp.modules.insert("builtins".into(), builtins);
        interp
    }

    /// Sets an environment variable, as the shell's `export` does.
    pub fn set_env(&mut self, key: &str, value: &str) {
        let k = Value::str(key);
        self.environ
            .borrow_mut()
            .insert(value::HashKey::Str(Rc::from(key)), k, Value::str(value));
    }

    /// Enters one nested evaluator call, or raises `RecursionError` before the host's stack
    /// would overflow.
    pub(crate) fn enter_native(&mut self) -> Result<(), PyErr> {
        if self.native_depth >= self.max_native_depth {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        self.peak_native_depth = self.peak_native_depth.max(self.native_depth);
        Ok(())
    }

    /// Enters a C-level recursion of CPython (`repr`, comparison, hashing of containers):
    /// it counts against the same recursion limit as Python frames, as `Py_EnterRecursiveCall`
    /// does, and against the host's stack, so a deeply nested value raises `RecursionError`.
    pub(crate) fn guarded<T>(
        &mut self,
        context: &str,
        f: impl FnOnce(&mut Self) -> Result<T, PyErr>,
    ) -> Result<T, PyErr> {
        if self.depth + 1 >= self.recursion_limit {
            let msg = format!("maximum recursion depth exceeded{context}");
            return Err(self.new_error("RecursionError", &msg));
        }
        self.enter_native()?;
        self.depth += 1;
        let res = f(self);
        self.depth -= 1;
        self.native_depth -= 1;
        res
    }

    /// Counts `n` steps of work against the budget at once.
    pub fn charge(&mut self, n: usize) -> Result<(), PyErr> {
        self.steps = self.steps.saturating_add(n as u64);
        if self.steps > self.step_limit {
            return self.step();
        }
        Ok(())
    }

    /// Counts one step against the budget.
    pub fn step(&mut self) -> Result<(), PyErr> {
        self.steps = self.steps.saturating_add(1);
        if self.steps > self.step_limit {
            let msg = format!(
                "the playground stopped this code after {} steps; is there an infinite loop?",
                self.step_limit
            );
            let mut err = self.new_error("RuntimeError", &msg);
            err.fatal = true;
            return Err(err);
        }
        Ok(())
    }

    /// An exception of a builtin class, with one message argument.
    pub fn new_error(&mut self, class: &str, message: &str) -> PyErr {
        let cls = self.types.exception(class);
        let args = if message.is_empty() {
            Vec::new()
        } else {
            vec![Value::str(message)]
        };
        PyErr::new(self.make_exception(&cls, args))
    }

    pub fn make_exception(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> Value {
        let inst = value::Instance {
            class: Rc::clone(cls),
            dict: RefCell::new(IndexMap::new()),
            payload: RefCell::new(None),
        };
        inst.dict
            .borrow_mut()
            .insert(Rc::from("args"), Value::tuple(args));
        let inst = Rc::new(inst);
        self.tracked.instance(&inst);
        Value::Instance(inst)
    }

    pub fn type_error(&mut self, message: &str) -> PyErr {
        self.new_error("TypeError", message)
    }

    /// Parses and runs `source` as module `name` loaded from `path`. The module is entered
    /// in `sys.modules` before it runs, as Python does, and removed again if it fails.
    pub fn run_module(
        &mut self,
        name: &str,
        path: &str,
        source: &str,
    ) -> Result<Rc<Module>, PyErr> {
        let module = self.new_module(name, Some(path));
        self.modules.insert(name.to_string(), Rc::clone(&module));
        let res = self.exec_source(&module, path, source);
        if res.is_err() {
            self.modules.shift_remove(name);
        }
        res.map(|()| module)
    }

    pub fn new_module(&mut self, name: &str, path: Option<&str>) -> Rc<Module> {
        let mut dict = IndexMap::new();
        dict.insert(Rc::from("__name__"), Value::str(name));
        dict.insert(
            Rc::from("__builtins__"),
            Value::Module(Rc::clone(&self.builtins)),
        );
        if let Some(path) = path {
            dict.insert(Rc::from("__file__"), Value::str(path));
        }
        let module = Rc::new(Module {
            name: name.to_string(),
            file: path.map(String::from),
            dict: Rc::new(RefCell::new(dict)),
        });
        self.tracked.module(&module);
        module
    }

    /// Runs source text in an existing module's namespace.
    pub fn exec_source(
        &mut self,
        module: &Rc<Module>,
        path: &str,
        source: &str,
    ) -> Result<(), PyErr> {
        let parsed = crate::python::parse(source);
        if let Some(err) = parsed.python_error(source) {
            return Err(self.syntax_error(err, path));
        }
        // Valid Python the playground cannot run is refused up front, never half-run.
        if let Some(unsupported) = parsed.unsupported().next() {
            let index = crate::text::LineIndex::new(source);
            let err = unsupported.to_python(source, &index);
            return Err(self.syntax_error(err, path));
        }
        let file = Rc::new(SourceFile {
            path: path.to_string(),
            text: Rc::from(source),
            index: crate::text::LineIndex::new(source),
        });
        let mut frame = Frame {
            file,
            name: "<module>".to_string(),
            globals: Rc::clone(module),
            kind: FrameKind::Module,
            stmt: TextRange::default(),
        };
        let body = parsed.module.body;
        module
            .dict
            .borrow_mut()
            .insert(Rc::from("__doc__"), call::docstring(&body));
        self.frames.push(Rc::clone(module));
        let res = self.exec_block(&mut frame, &body);
        self.frames.pop();
        match res {
            Ok(_) => Ok(()),
            Err(err) => Err(self.leave_frame(&frame, err)),
        }
    }

    /// A Python `SyntaxError` (or subclass) for a parse failure, carrying CPython's fields.
    fn syntax_error(&mut self, err: crate::python::PySyntaxError, path: &str) -> PyErr {
        let class = err.class.to_string();
        let cls = self.types.exception(&class);
        let details = Value::tuple(vec![
            Value::str(path),
            Value::Int(err.lineno as i64),
            Value::Int(err.offset as i64),
            Value::str(&err.text),
            Value::Int(err.end_lineno as i64),
            Value::Int(err.end_offset as i64),
        ]);
        let value = self.make_exception(&cls, vec![Value::str(&err.msg), details]);
        if let Value::Instance(inst) = &value {
            let mut dict = inst.dict.borrow_mut();
            dict.insert(Rc::from("msg"), Value::str(&err.msg));
            dict.insert(Rc::from("filename"), Value::str(path));
            dict.insert(Rc::from("lineno"), Value::Int(err.lineno as i64));
            dict.insert(Rc::from("offset"), Value::Int(err.offset as i64));
            dict.insert(Rc::from("text"), Value::str(&err.text));
            dict.insert(Rc::from("end_lineno"), Value::Int(err.end_lineno as i64));
            dict.insert(Rc::from("end_offset"), Value::Int(err.end_offset as i64));
        }
        PyErr::new(value)
    }

    /// Adds this frame to the traceback of an error leaving it.
    pub(crate) fn leave_frame(&mut self, frame: &Frame, mut err: PyErr) -> PyErr {
        if err.frame_recorded {
            err.frame_recorded = false;
            err.location = None;
            err.anchors = None;
            return err;
        }
        let range = err.location.take().unwrap_or(frame.stmt);
        let anchors = err.anchors.take();
        err.traceback.insert(
            0,
            TracebackEntry {
                file: Rc::clone(&frame.file),
                name: frame.name.clone(),
                range,
                anchors,
                verbatim: None,
            },
        );
        err
    }

    /// The text CPython prints for an uncaught exception: the traceback, then
    /// `Type: message`.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut out = String::new();
        if let Some(cause) = &err.cause {
            out.push_str(&self.format_exception(cause));
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let (Some(context), false) = (&err.context, err.suppress_context) {
            out.push_str(&self.format_exception(context));
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        if !err.traceback.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython prints a line repeated more than three times in a row once per
            // repetition up to three, then counts the rest.
            let mut last: Option<(String, usize, String)> = None;
            let mut count = 0usize;
            for entry in &err.traceback {
                let key = (
                    match &entry.verbatim {
                        Some(v) => v.to_string(),
                        None => entry.file.path.clone(),
                    },
                    entry.file.index.line(entry.range.start),
                    entry.name.clone(),
                );
                if last.as_ref() != Some(&key) {
                    if count > 3 {
                        out.push_str(&repeated_line(count - 3));
                    }
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count <= 3 {
                    out.push_str(&error::format_entry(entry));
                }
            }
            if count > 3 {
                out.push_str(&repeated_line(count - 3));
            }
        }
        out.push_str(&self.exception_line(&err.value));
        out
    }

    /// `Type: message`, or the SyntaxError block for syntax errors.
    pub fn exception_line(&mut self, value: &Value) -> String {
        let Value::Instance(inst) = value else {
            return format!("{}\n", self.str_lossy(value));
        };
        let cls = Rc::clone(&inst.class);
        let qualified = if cls.module == "builtins" || cls.module == "__main__" {
            cls.name.clone()
        } else {
            format!("{}.{}", cls.module, cls.name)
        };
        if cls.is_subclass(&self.types.exception("SyntaxError")) {
            let get = |k: &str| inst.dict.borrow().get(k).cloned();
            if let (
                Some(Value::Str(ref msg)),
                Some(Value::Str(ref file)),
                Some(Value::Int(lineno)),
                Some(Value::Int(offset)),
                Some(Value::Str(ref text)),
                Some(Value::Int(end_lineno)),
                Some(Value::Int(end_offset)),
            ) = (
                get("msg"),
                get("filename"),
                get("lineno"),
                get("offset"),
                get("text"),
                get("end_lineno"),
                get("end_offset"),
            ) {
                let err = crate::python::PySyntaxError {
                    class: match cls.name.as_str() {
                        "IndentationError" => crate::python::SyntaxErrorClass::IndentationError,
                        "TabError" => crate::python::SyntaxErrorClass::TabError,
                        _ => crate::python::SyntaxErrorClass::SyntaxError,
                    },
                    msg: msg.to_string(),
                    lineno: lineno as usize,
                    offset: offset as usize,
                    end_lineno: end_lineno as usize,
                    end_offset: end_offset as usize,
                    text: text.to_string(),
                };
                return err.render_uncaught(file);
            }
        }
        let text = self.str_lossy(value);
        if text.is_empty() {
            format!("{qualified}\n")
        } else {
            format!("{qualified}: {text}\n")
        }
    }

    /// `globals()`: the running frame's module namespace, as a dict copy.
    pub fn current_globals(&mut self) -> Result<Value, PyErr> {
        let Some(module) = self.frames.last().cloned() else {
            return Ok(Value::Dict(Rc::new(RefCell::new(Dict::default()))));
        };
        let mut d = Dict::default();
        for (k, v) in module.dict.borrow().iter() {
            d.insert(
                value::HashKey::Str(Rc::clone(k)),
                Value::Str(Rc::clone(k)),
                v.clone(),
            );
        }
        Ok(Value::Dict(Rc::new(RefCell::new(d))))
    }

    /// `str(value)`, with any error in a user `__str__` shown as Python would skip it.
    pub fn str_lossy(&mut self, value: &Value) -> String {
        self.py_str(value)
            .unwrap_or_else(|_| "<exception str() failed>".to_string())
    }

    pub(crate) fn exception_class_of(&self, value: &Value) -> Option<Rc<Class>> {
        match value {
            Value::Instance(inst)
                if inst
                    .class
                    .is_subclass(&self.types.exception("BaseException")) =>
            {
                Some(Rc::clone(&inst.class))
            }
            _ => None,
        }
    }
}

fn repeated_line(n: usize) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("  [Previous line repeated {n} more time{s}]\n")
}

/// What running a script printed, in order (`true` for stderr), and its exit status.
pub struct ScriptOutcome {
    pub output: Vec<(bool, String)>,
    pub exit_code: i32,
}

/// A script to run with [`run_script`].
pub struct Script<'a> {
    /// Its file (`<string>` for `-c`).
    pub path: &'a str,
    pub source: &'a str,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path[0]`: the script's folder, or `''` for `-c`.
    pub path0: &'a str,
    /// Sees what it prints as it prints it (the browser's worker).
    pub live: Option<crate::shell::Live>,
}

/// Runs `source` as `__main__` the way `python SCRIPT ARGS...` does: `sys.argv`, `sys.path[0]`
/// (the script's folder, or `''` for `-c`), `PYTHONPATH`, the environment, and the exit
/// status, including `SystemExit` and the traceback of an uncaught exception.
pub fn run_script(
    fs: &dyn FileSystem,
    cwd: &str,
    env: &std::collections::BTreeMap<String, String>,
    script: Script<'_>,
) -> ScriptOutcome {
    let Script {
        path,
        source,
        argv,
        path0,
        live,
    } = script;
    let mut interp = Interp::new(fs, cwd);
    interp.output.live = live;
    for (k, v) in env {
        interp.set_env(k, v);
    }
    let mut front = vec![Value::str(path0)];
    if let Some(pythonpath) = env.get("PYTHONPATH") {
        front.extend(
            pythonpath
                .split(':')
                .filter(|p| !p.is_empty())
                .map(|p| Value::str(&crate::fs::join(cwd, p))),
        );
    }
    for (i, entry) in front.into_iter().enumerate() {
        interp.sys_path.borrow_mut().insert(i, entry);
    }
    interp.argv = argv;
    let res = interp.run_module("__main__", path, source);
    let mut exit_code = 0;
    if let Err(err) = res {
        exit_code = if interp.is_instance_of(&err.value, "SystemExit") {
            let code = interp.get_attr(&err.value, "code").unwrap_or(Value::None);
            match code {
                Value::None => 0,
                Value::Int(n) => n as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let text = interp.str_lossy(&other);
                    interp.output.push((true, format!("{text}\n")));
                    1
                }
            }
        } else {
            let text = interp.format_exception(&err);
            interp.output.push((true, text));
            1
        };
    }
    ScriptOutcome {
        output: std::mem::take(&mut interp.output).into_vec(),
        exit_code,
    }
}
