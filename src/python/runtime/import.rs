//! The import system over the workspace's files, with real `sys.path` semantics: entries are
//! searched in order (`''` is the working directory), packages are folders with an
//! `__init__.py` (or namespace packages without one), and the standard library and
//! site-packages are path entries whose modules are native.

use std::cell::RefCell;
use std::rc::Rc;

use super::value::{Dict, HashKey, Module, Value};
use super::{Frame, Interp, PyErr};
use crate::fs;
use crate::python::ast::{Alias, Stmt};
use crate::text::TextRange;

/// Where the playground's virtual Python keeps its standard library and installed packages;
/// these `sys.path` entries resolve to native modules.
pub const STDLIB_DIR: &str = "/usr/lib/python3.11";
pub const SITE_PACKAGES: &str = "/home/learner/.venv/lib/python3.11/site-packages";

enum Found {
    Package { dir: String, init: String },
    Module { file: String },
    Native,
}

impl Interp<'_> {
    /// `import a.b.c`: imports each level and returns the last.
    pub(crate) fn import_module(
        &mut self,
        dotted: &str,
        _frame: &Frame,
        range: TextRange,
    ) -> Result<Rc<Module>, PyErr> {
        self.import_by_name(dotted).map_err(|e| e.at(range))
    }

    /// `sys.modules`: one dict for the session, so that what Python code deletes from it or
    /// puts in it is what the import system sees (`del sys.modules[name]` forces a re-import).
    pub(crate) fn sys_modules(&mut self) -> Rc<RefCell<Dict>> {
        self.reconcile_sys_modules();
        let dict = Rc::clone(self.sys_modules.get_or_insert_with(Default::default));
        {
            let mut d = dict.borrow_mut();
            for (k, v) in &self.modules {
                let key = HashKey::Str(Rc::from(k.as_str()));
                if d.get(&key).is_none() {
                    d.insert(key, Value::str(k), Value::Module(Rc::clone(v)));
                }
            }
        }
        self.sys_modules_seen = self.modules.keys().cloned().collect();
        dict
    }

    /// Carries changes Python code made to `sys.modules` into the import system's table.
    fn reconcile_sys_modules(&mut self) {
        let Some(dict) = self.sys_modules.clone() else {
            return;
        };
        let d = dict.borrow();
        // Names it held when last handed out that are gone now were deleted by the program.
        for name in std::mem::take(&mut self.sys_modules_seen) {
            if d.get(&HashKey::Str(Rc::from(name.as_str()))).is_none() {
                self.modules.shift_remove(&name);
            }
        }
        for (k, v) in d.entries.values() {
            if let (Value::Str(name), Value::Module(m)) = (k, v) {
                let same = self
                    .modules
                    .get(&**name)
                    .is_some_and(|old| Rc::ptr_eq(old, m));
                if !same {
                    self.modules.insert(name.to_string(), Rc::clone(m));
                }
            }
        }
    }

    pub fn import_by_name(&mut self, name: &str) -> Result<Rc<Module>, PyErr> {
        self.reconcile_sys_modules();
        if let Some(m) = self.modules.get(name) {
            return Ok(Rc::clone(m));
        }
        let (parent, leaf) = match name.rsplit_once('.') {
            Some((parent, leaf)) => (Some(parent), leaf),
            None => (None, name),
        };
        let search: Vec<String> = match parent {
            Some(parent) => {
                let parent_module = self.import_by_name(parent)?;
                if let Some(m) = self.modules.get(name) {
                    return Ok(Rc::clone(m));
                }
                let path = parent_module.dict.borrow().get("__path__").cloned();
                match path {
                    Some(Value::List(ref dirs)) => dirs
                        .borrow()
                        .iter()
                        .filter_map(|d| d.as_str().map(String::from))
                        .collect(),
                    _ => {
                        return Err(self.module_not_found(
                            name,
                            &format!("No module named '{name}'; '{parent}' is not a package"),
                        ))
                    }
                }
            }
            None => {
                let entries: Vec<Value> = self.sys_path.borrow().clone();
                entries
                    .iter()
                    .filter_map(|e| e.as_str().map(String::from))
                    .collect()
            }
        };
        let mut namespace_dirs = Vec::new();
        let mut found = None;
        for entry in &search {
            if entry == STDLIB_DIR || entry == SITE_PACKAGES {
                let is_site = entry == SITE_PACKAGES;
                if self.native_module_exists(name, is_site) {
                    found = Some(Found::Native);
                    break;
                }
                continue;
            }
            let dir = fs::join(&self.cwd, entry);
            let candidate = fs::join(&dir, leaf);
            let init = format!("{candidate}/__init__.py");
            if self.fs.is_file(&init) {
                found = Some(Found::Package {
                    dir: candidate,
                    init,
                });
                break;
            }
            let file = format!("{candidate}.py");
            if self.fs.is_file(&file) {
                found = Some(Found::Module { file });
                break;
            }
            if self.fs.is_dir(&candidate) {
                namespace_dirs.push(candidate);
            }
        }
        let module = match found {
            Some(Found::Native) => {
                let init = self.native_modules.get(name).copied();
                let module = match init {
                    Some(init) => init(self)?,
                    None => {
                        return Err(
                            self.module_not_found(name, &format!("No module named '{name}'"))
                        )
                    }
                };
                self.modules.insert(name.to_string(), Rc::clone(&module));
                module
            }
            Some(Found::Package { dir, init }) => self.load_file(name, &init, Some(vec![dir]))?,
            Some(Found::Module { file }) => self.load_file(name, &file, None)?,
            None if !namespace_dirs.is_empty() => {
                let module = self.new_module(name, None);
                let dirs = namespace_dirs.iter().map(|d| Value::str(d)).collect();
                module
                    .dict
                    .borrow_mut()
                    .insert(Rc::from("__path__"), Value::list(dirs));
                module
                    .dict
                    .borrow_mut()
                    .insert(Rc::from("__package__"), Value::str(name));
                self.modules.insert(name.to_string(), Rc::clone(&module));
                module
            }
            None => return Err(self.module_not_found(name, &format!("No module named '{name}'"))),
        };
        if let Some(parent) = parent {
            if let Some(parent_module) = self.modules.get(parent).cloned() {
                parent_module
                    .dict
                    .borrow_mut()
                    .insert(Rc::from(leaf), Value::Module(Rc::clone(&module)));
            }
        }
        Ok(module)
    }

    fn native_module_exists(&self, name: &str, site_packages: bool) -> bool {
        let top = name.split('.').next().unwrap_or(name);
        let third_party = matches!(
            top,
            "sqlalchemy" | "alembic" | "pydantic" | "pydantic_settings" | "dotenv" | "mako"
        );
        third_party == site_packages && self.native_modules.contains_key(name)
    }

    fn load_file(
        &mut self,
        name: &str,
        path: &str,
        package_dirs: Option<Vec<String>>,
    ) -> Result<Rc<Module>, PyErr> {
        let source = match self.fs.read_to_string(path) {
            Ok(source) => source,
            Err(err) => return Err(self.new_error("OSError", &err.to_string())),
        };
        let module = self.new_module(name, Some(path));
        {
            let mut dict = module.dict.borrow_mut();
            match &package_dirs {
                Some(dirs) => {
                    dict.insert(
                        Rc::from("__path__"),
                        Value::list(dirs.iter().map(|d| Value::str(d)).collect()),
                    );
                    dict.insert(Rc::from("__package__"), Value::str(name));
                }
                None => {
                    let package = name.rsplit_once('.').map_or("", |(p, _)| p);
                    dict.insert(Rc::from("__package__"), Value::str(package));
                }
            }
        }
        self.modules.insert(name.to_string(), Rc::clone(&module));
        self.loading.push(name.to_string());
        let res = self.exec_source(&module, path, &source);
        self.loading.pop();
        if let Err(err) = res {
            self.modules.shift_remove(name);
            return Err(err);
        }
        Ok(module)
    }

    fn module_not_found(&mut self, name: &str, message: &str) -> PyErr {
        let err = self.new_error("ModuleNotFoundError", message);
        if let Value::Instance(inst) = &err.value {
            inst.dict
                .borrow_mut()
                .insert(Rc::from("name"), Value::str(name));
        }
        err
    }

    pub(crate) fn exec_import_from(
        &mut self,
        frame: &mut Frame,
        module: Option<&str>,
        names: &[Alias],
        level: u32,
        stmt: &Stmt,
    ) -> Result<(), PyErr> {
        let absolute = if level == 0 {
            module.unwrap_or_default().to_string()
        } else {
            let package = match frame.globals.dict.borrow().get("__package__") {
                Some(Value::Str(p)) if !p.is_empty() => p.to_string(),
                _ => {
                    return Err(self
                        .new_error(
                            "ImportError",
                            "attempted relative import with no known parent package",
                        )
                        .at(stmt.range))
                }
            };
            let mut parts: Vec<&str> = package.split('.').collect();
            for _ in 1..level {
                if parts.pop().is_none() || parts.is_empty() {
                    return Err(self
                        .new_error(
                            "ImportError",
                            "attempted relative import beyond top-level package",
                        )
                        .at(stmt.range));
                }
            }
            let base = parts.join(".");
            match module {
                Some(m) => format!("{base}.{m}"),
                None => base,
            }
        };
        let source = self
            .import_by_name(&absolute)
            .map_err(|e| e.at(stmt.range))?;
        for alias in names {
            if alias.name == "*" {
                let all = source.dict.borrow().get("__all__").cloned();
                let exported: Vec<(Rc<str>, Value)> = match all {
                    Some(all) => {
                        let mut out = Vec::new();
                        for name in self.iterate(&all)? {
                            if let Value::Str(ref n) = name {
                                let v = self
                                    .get_attr(&Value::Module(Rc::clone(&source)), n)
                                    .map_err(|e| e.at(stmt.range))?;
                                out.push((Rc::clone(n), v));
                            }
                        }
                        out
                    }
                    None => source
                        .dict
                        .borrow()
                        .iter()
                        .filter(|(k, _)| !k.starts_with('_'))
                        .map(|(k, v)| (Rc::clone(k), v.clone()))
                        .collect(),
                };
                for (k, v) in exported {
                    self.store_name(frame, &k, v)?;
                }
                continue;
            }
            let existing = source.dict.borrow().get(alias.name.as_str()).cloned();
            let value = match existing {
                Some(v) => v,
                None => {
                    let sub = format!("{absolute}.{}", alias.name);
                    let is_package = source.dict.borrow().contains_key("__path__");
                    let imported = if is_package {
                        Some(self.import_by_name(&sub))
                    } else {
                        None
                    };
                    match imported {
                        Some(Ok(m)) => Value::Module(m),
                        Some(Err(e)) if !self.is_instance_of(&e.value, "ModuleNotFoundError") => {
                            return Err(e.at(stmt.range))
                        }
                        _ => {
                            let location = match &source.file {
                                Some(f) => f.clone(),
                                None => "unknown location".to_string(),
                            };
                            let partially = if self.initializing(&absolute) {
                                "partially initialized module "
                            } else {
                                ""
                            };
                            let circular = if partially.is_empty() {
                                ""
                            } else {
                                " (most likely due to a circular import)"
                            };
                            let msg = format!("cannot import name '{}' from {partially}'{absolute}'{circular} ({location})", alias.name);
                            let err = self.new_error("ImportError", &msg);
                            if let Value::Instance(inst) = &err.value {
                                inst.dict
                                    .borrow_mut()
                                    .insert(Rc::from("name"), Value::str(&absolute));
                            }
                            return Err(err.at(stmt.range));
                        }
                    }
                }
            };
            let bound = alias.asname.as_deref().unwrap_or(&alias.name);
            self.store_name(frame, bound, value)?;
        }
        Ok(())
    }

    /// Whether a module is still running its body (so a missing name may be a cycle).
    fn initializing(&self, name: &str) -> bool {
        self.loading.iter().any(|n| n == name)
    }
}
