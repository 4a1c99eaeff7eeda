//! Statements: assignment targets, control flow, `try`, `with`, imports, and `def`/`class`.

use std::cell::RefCell;
use std::rc::Rc;

use indexmap::IndexMap;

use super::value::{Class, Function, FunctionBody, HashKey, Namespace, Value};
use super::{scope, Flow, Frame, FrameKind, Interp, PyErr};
use crate::python::ast::{Expr, ExprKind, Stmt, StmtKind};

impl Interp<'_> {
    pub(crate) fn exec_block(&mut self, frame: &mut Frame, body: &[Stmt]) -> Result<Flow, PyErr> {
        for stmt in body {
            match self.exec_stmt(frame, stmt)? {
                Flow::Normal => {}
                flow => return Ok(flow),
            }
        }
        Ok(Flow::Normal)
    }

    fn exec_stmt(&mut self, frame: &mut Frame, stmt: &Stmt) -> Result<Flow, PyErr> {
        self.enter_native()?;
        let res = self.exec_stmt_inner(frame, stmt);
        self.native_depth -= 1;
        res
    }

    fn exec_stmt_inner(&mut self, frame: &mut Frame, stmt: &Stmt) -> Result<Flow, PyErr> {
        self.step()?;
        frame.stmt = stmt.range;
        match &stmt.kind {
            StmtKind::Expr { value } => {
                self.eval(frame, value)?;
            }
            StmtKind::Assign { targets, value } => {
                let value = self.eval(frame, value)?;
                for target in targets {
                    self.assign(frame, target, value.clone())?;
                }
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                let annotation = self.annotation(frame, annotation)?;
                if let Some(value) = value {
                    let value = self.eval(frame, value)?;
                    self.assign(frame, target, value)?;
                }
                if let (true, ExprKind::Name { id }) = (*simple, &target.kind) {
                    self.record_annotation(frame, id, annotation);
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                let current = self.eval(frame, target)?;
                let rhs = self.eval(frame, value)?;
                let result = self
                    .binary_op(*op, current, rhs, true)
                    .map_err(|e| e.at(stmt.range))?;
                self.assign(frame, target, result)?;
            }
            StmtKind::If { test, body, orelse } => {
                let test = self.eval(frame, test)?;
                let branch = if self.truthy(&test)? { body } else { orelse };
                return self.exec_block(frame, branch);
            }
            StmtKind::While { test, body, orelse } => loop {
                self.step()?;
                let value = self.eval(frame, test)?;
                if !self.truthy(&value)? {
                    return self.exec_block(frame, orelse);
                }
                match self.exec_block(frame, body)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Continue | Flow::Normal => {}
                }
            },
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                let iterable = self.eval(frame, iter)?;
                let items = self.iterate(&iterable).map_err(|e| e.at(stmt.range))?;
                for item in items {
                    self.step()?;
                    self.assign(frame, target, item)?;
                    match self.exec_block(frame, body)? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Continue | Flow::Normal => {}
                    }
                }
                return self.exec_block(frame, orelse);
            }
            StmtKind::Pass => {}
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Return { value } => {
                let value = match value {
                    Some(value) => self.eval(frame, value)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(value));
            }
            StmtKind::Delete { targets } => {
                for target in targets {
                    self.delete(frame, target)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                return Err(self.raise(frame, exc.as_ref(), cause.as_ref(), stmt)?)
            }
            StmtKind::Assert { test, msg } => {
                let value = self.eval(frame, test)?;
                if !self.truthy(&value)? {
                    let args = match msg {
                        Some(msg) => vec![self.eval(frame, msg)?],
                        None => Vec::new(),
                    };
                    let cls = self.types.exception("AssertionError");
                    let value = self.make_exception(&cls, args);
                    let at = if msg.is_some() {
                        stmt.range
                    } else {
                        test.range
                    };
                    return Err(PyErr::new(value).at(at));
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                return self.exec_try(frame, body, handlers, orelse, finalbody);
            }
            StmtKind::With { items, body, .. } => return self.exec_with(frame, items, body, stmt),
            StmtKind::Import { names } => {
                for alias in names {
                    let module = self.import_module(&alias.name, frame, stmt.range)?;
                    match &alias.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule itself.
                            let leaf = self.modules.get(&alias.name).cloned().unwrap_or(module);
                            self.store_name(frame, asname, Value::Module(leaf))?;
                        }
                        None => {
                            let top = alias.name.split('.').next().unwrap_or_default();
                            let top_module = self.modules.get(top).cloned().unwrap_or(module);
                            self.store_name(frame, top, Value::Module(top_module))?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.exec_import_from(frame, module.as_deref(), names, *level, stmt)?;
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::FunctionDef(def) => {
                let mut func = self.make_function(
                    frame,
                    &def.name,
                    &def.args,
                    FunctionBody::Block(Rc::from(def.body.clone())),
                )?;
                // Annotations are evaluated when the `def` runs, as without
                // `from __future__ import annotations`.
                let mut annotations = super::value::Dict::default();
                let params = def
                    .args
                    .posonlyargs
                    .iter()
                    .chain(&def.args.args)
                    .chain(def.args.vararg.as_ref())
                    .chain(&def.args.kwonlyargs)
                    .chain(def.args.kwarg.as_ref());
                for param in params {
                    if let Some(annotation) = &param.annotation {
                        let value = self.annotation(frame, annotation)?;
                        annotations.insert(
                            HashKey::Str(Rc::from(param.arg.as_str())),
                            Value::str(&param.arg),
                            value,
                        );
                    }
                }
                if let Some(returns) = &def.returns {
                    let value = self.annotation(frame, returns)?;
                    annotations.insert(
                        HashKey::Str(Rc::from("return")),
                        Value::str("return"),
                        value,
                    );
                }
                func.dict.get_mut().insert(
                    Rc::from("__annotations__"),
                    Value::Dict(Rc::new(RefCell::new(annotations))),
                );
                let mut value = Value::Function(Rc::new(func));
                for decorator in def.decorator_list.iter().rev() {
                    let decorator = self.eval(frame, decorator)?;
                    value = self
                        .call(&decorator, vec![value], Vec::new())
                        .map_err(|e| e.at(stmt.range))?;
                }
                self.store_name(frame, &def.name, value)?;
            }
            StmtKind::ClassDef(class) => {
                let value = self.exec_class(frame, class, stmt)?;
                self.store_name(frame, &class.name, value)?;
            }
        }
        Ok(Flow::Normal)
    }

    /// An annotation's value: evaluated, or under `from __future__ import annotations` (PEP
    /// 563) its source text, as CPython keeps it.
    fn annotation(&mut self, frame: &mut Frame, expr: &Expr) -> Result<Value, PyErr> {
        let postponed = frame
            .globals
            .dict
            .borrow()
            .get("annotations")
            .is_some_and(|v| matches!(v, Value::Instance(i) if i.class.name == "_Feature" && i.class.module == "__future__"));
        if postponed {
            if let Some(text) = crate::python::unparse::unparse(expr) {
                return Ok(Value::str(&text));
            }
            let text = &frame.file.text;
            let (start, end) = (expr.range.start as usize, expr.range.end as usize);
            if let Some(src) = text.get(start..end) {
                return Ok(Value::str(src));
            }
        }
        self.eval(frame, expr)
    }

    fn record_annotation(&mut self, frame: &mut Frame, name: &str, annotation: Value) {
        let namespace = match &frame.kind {
            FrameKind::Class { namespace, .. } => Rc::clone(namespace),
            FrameKind::Module => Rc::clone(&frame.globals.dict),
            FrameKind::Function { .. } => return,
        };
        let existing = namespace.borrow().get("__annotations__").cloned();
        let dict = match existing {
            Some(Value::Dict(ref d)) => Rc::clone(d),
            _ => {
                let d = Rc::new(RefCell::new(super::value::Dict::default()));
                namespace
                    .borrow_mut()
                    .insert(Rc::from("__annotations__"), Value::Dict(Rc::clone(&d)));
                d
            }
        };
        dict.borrow_mut()
            .insert(HashKey::Str(Rc::from(name)), Value::str(name), annotation);
    }

    fn raise(
        &mut self,
        frame: &mut Frame,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
        stmt: &Stmt,
    ) -> Result<PyErr, PyErr> {
        let Some(exc) = exc else {
            // A bare `raise` re-raises the handled exception with its own traceback, which
            // already has this frame's line.
            return match self.handling.last().cloned() {
                Some(mut err) => {
                    err.frame_recorded = true;
                    Ok(err)
                }
                None => Ok(self
                    .new_error("RuntimeError", "No active exception to reraise")
                    .at(stmt.range)),
            };
        };
        let value = self.eval(frame, exc)?;
        let value = self
            .exception_instance(value)
            .map_err(|e| e.at(stmt.range))?;
        // Raising a caught exception again keeps the frames it already passed through.
        let mut err = match self.handling.iter().rev().find(|h| h.value.is(&value)) {
            Some(previous) => {
                let mut err = PyErr::new(value.clone());
                err.traceback = previous.traceback.clone();
                err.at(stmt.range)
            }
            None => PyErr::new(value.clone()).at(stmt.range),
        };
        if let Some(cause) = cause {
            let cause = self.eval(frame, cause)?;
            err.suppress_context = true;
            if !cause.is_none() {
                let cause = self.exception_instance(cause)?;
                let chained = match self.handling.iter().rev().find(|h| h.value.is(&cause)) {
                    Some(handled) => handled.clone(),
                    None => PyErr::new(cause.clone()),
                };
                err.cause = Some(Box::new(chained));
                self.set_attr(&value, "__cause__", cause)?;
            } else {
                self.set_attr(&value, "__cause__", Value::None)?;
            }
            self.set_attr(&value, "__suppress_context__", Value::Bool(true))?;
        }
        Ok(err)
    }

    /// `raise X` accepts a class (instantiated with no arguments) or an instance.
    fn exception_instance(&mut self, value: Value) -> Result<Value, PyErr> {
        if let Value::Class(cls) = &value {
            if cls.is_subclass(&self.types.exception("BaseException")) {
                return self.call(&value, Vec::new(), Vec::new());
            }
        }
        if self.exception_class_of(&value).is_some() {
            return Ok(value);
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    fn exec_try(
        &mut self,
        frame: &mut Frame,
        body: &[Stmt],
        handlers: &[crate::python::ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> Result<Flow, PyErr> {
        let outcome = match self.exec_block(frame, body) {
            Ok(flow) => match flow {
                Flow::Normal => self.exec_block(frame, orelse),
                other => Ok(other),
            },
            Err(err) if err.fatal => Err(err),
            Err(err) => {
                let mut handled = None;
                for handler in handlers {
                    let matches = match &handler.type_ {
                        None => true,
                        Some(type_expr) => {
                            let wanted = self.eval(frame, type_expr)?;
                            self.exception_matches(&err.value, &wanted)?
                        }
                    };
                    if matches {
                        handled = Some(handler);
                        break;
                    }
                }
                match handled {
                    None => Err(err),
                    Some(handler) => {
                        if let Some(name) = &handler.name {
                            self.store_name(frame, name, err.value.clone())?;
                        }
                        // The caught exception's traceback ends in this frame.
                        let caught = self.leave_frame(frame, err);
                        self.handling.push(caught.clone());
                        let res = self.exec_block(frame, &handler.body);
                        self.handling.pop();
                        if let Some(name) = &handler.name {
                            // `except E as name` unbinds the name afterwards, as Python does.
                            self.unbind(frame, name);
                        }
                        match res {
                            Err(mut inner) => {
                                if inner.context.is_none()
                                    && !inner.value.is(&caught.value)
                                    && !inner.fatal
                                {
                                    let _ = self.set_attr(
                                        &inner.value,
                                        "__context__",
                                        caught.value.clone(),
                                    );
                                    inner.context = Some(Box::new(caught));
                                }
                                Err(inner)
                            }
                            ok => ok,
                        }
                    }
                }
            }
        };
        if finalbody.is_empty() {
            return outcome;
        }
        match self.exec_block(frame, finalbody)? {
            Flow::Normal => outcome,
            flow => Ok(flow),
        }
    }

    pub(crate) fn exception_matches(
        &mut self,
        value: &Value,
        wanted: &Value,
    ) -> Result<bool, PyErr> {
        let Some(cls) = self.exception_class_of(value) else {
            return Ok(false);
        };
        match wanted {
            Value::Class(want) => Ok(cls.is_subclass(want)),
            Value::Tuple(items) => {
                for item in items.iter() {
                    if self.exception_matches(value, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn exec_with(
        &mut self,
        frame: &mut Frame,
        items: &[crate::python::ast::WithItem],
        body: &[Stmt],
        stmt: &Stmt,
    ) -> Result<Flow, PyErr> {
        let Some((item, rest)) = items.split_first() else {
            return self.exec_block(frame, body);
        };
        let manager = self.eval(frame, &item.context_expr)?;
        let enter = self
            .get_attr(&manager, "__enter__")
            .map_err(|e| e.at(item.context_expr.range))?;
        let exit = self
            .get_attr(&manager, "__exit__")
            .map_err(|e| e.at(item.context_expr.range))?;
        let entered = self
            .call(&enter, Vec::new(), Vec::new())
            .map_err(|e| e.at(item.context_expr.range))?;
        if let Some(target) = &item.optional_vars {
            self.assign(frame, target, entered)?;
        }
        let res = self.exec_with(frame, rest, body, stmt);
        match res {
            Ok(flow) => {
                self.call(
                    &exit,
                    vec![Value::None, Value::None, Value::None],
                    Vec::new(),
                )
                .map_err(|e| e.at(stmt.range))?;
                Ok(flow)
            }
            Err(err) if err.fatal => Err(err),
            Err(err) => {
                let cls = self
                    .exception_class_of(&err.value)
                    .map(Value::Class)
                    .unwrap_or(Value::None);
                let suppress = self
                    .call(&exit, vec![cls, err.value.clone(), Value::None], Vec::new())
                    .map_err(|e| e.at(stmt.range))?;
                if self.truthy(&suppress)? {
                    Ok(Flow::Normal)
                } else {
                    Err(err)
                }
            }
        }
    }

    pub(crate) fn make_function(
        &mut self,
        frame: &mut Frame,
        name: &str,
        params: &crate::python::ast::Arguments,
        body: FunctionBody,
    ) -> Result<Function, PyErr> {
        let mut defaults = Vec::with_capacity(params.defaults.len());
        for default in &params.defaults {
            defaults.push(self.eval(frame, default)?);
        }
        let mut kw_defaults = Vec::with_capacity(params.kw_defaults.len());
        for default in &params.kw_defaults {
            kw_defaults.push(match default {
                Some(d) => Some(self.eval(frame, d)?),
                None => None,
            });
        }
        let info = match &body {
            FunctionBody::Block(stmts) => scope::analyze(params, stmts),
            FunctionBody::Lambda(_) => scope::analyze_lambda(params),
        };
        let closure = match &frame.kind {
            FrameKind::Module => Vec::new(),
            FrameKind::Function {
                locals, closure, ..
            } => {
                let mut c = closure.clone();
                c.push(Rc::clone(locals));
                c
            }
            FrameKind::Class { closure, .. } => closure.clone(),
        };
        let qualname = match (&frame.kind, frame.name.as_str()) {
            (FrameKind::Module, _) => name.to_string(),
            (FrameKind::Class { .. }, class) => format!("{class}.{name}"),
            (FrameKind::Function { .. }, func) => format!("{func}.<locals>.{name}"),
        };
        let mut dict = IndexMap::new();
        dict.insert(
            Rc::from("__module__"),
            frame
                .globals
                .dict
                .borrow()
                .get("__name__")
                .cloned()
                .unwrap_or(Value::None),
        );
        Ok(Function {
            name: name.to_string(),
            qualname,
            params: Rc::new(params.clone()),
            body,
            defaults,
            kw_defaults,
            globals: Rc::clone(&frame.globals),
            closure,
            scope: Rc::new(info),
            file: Rc::clone(&frame.file),
            dict: RefCell::new(dict),
            owner: RefCell::new(None),
        })
    }

    fn exec_class(
        &mut self,
        frame: &mut Frame,
        class: &crate::python::ast::ClassDef,
        stmt: &Stmt,
    ) -> Result<Value, PyErr> {
        let mut bases = Vec::new();
        for base in &class.bases {
            match self.eval(frame, base)? {
                Value::Class(ref cls) => bases.push(Rc::clone(cls)),
                other => {
                    // `class X(declarative_base())` and other bases that build a class at runtime
                    // already return classes; anything else cannot be a base.
                    let _ = other;
                    return Err(self.type_error("bases must be types").at(base.range));
                }
            }
        }
        let mut keywords = Vec::new();
        for keyword in &class.keywords {
            let value = self.eval(frame, &keyword.value)?;
            if let Some(arg) = &keyword.arg {
                if arg != "metaclass" {
                    keywords.push((Rc::from(arg.as_str()), value));
                }
            }
        }
        let namespace: Rc<RefCell<Namespace>> = Rc::new(RefCell::new(IndexMap::new()));
        let module_name = frame
            .globals
            .dict
            .borrow()
            .get("__name__")
            .cloned()
            .unwrap_or(Value::None);
        namespace
            .borrow_mut()
            .insert(Rc::from("__module__"), module_name.clone());
        let qualname = match &frame.kind {
            FrameKind::Module => class.name.clone(),
            FrameKind::Class { .. } => format!("{}.{}", frame.name, class.name),
            FrameKind::Function { .. } => format!("{}.<locals>.{}", frame.name, class.name),
        };
        namespace
            .borrow_mut()
            .insert(Rc::from("__qualname__"), Value::str(&qualname));
        namespace
            .borrow_mut()
            .insert(Rc::from("__doc__"), super::call::docstring(&class.body));
        let closure = match &frame.kind {
            FrameKind::Module => Vec::new(),
            FrameKind::Function {
                locals, closure, ..
            } => {
                let mut c = closure.clone();
                c.push(Rc::clone(locals));
                c
            }
            FrameKind::Class { closure, .. } => closure.clone(),
        };
        let mut body_frame = Frame {
            file: Rc::clone(&frame.file),
            name: qualname.clone(),
            globals: Rc::clone(&frame.globals),
            kind: FrameKind::Class {
                namespace: Rc::clone(&namespace),
                closure,
            },
            stmt: stmt.range,
        };
        body_frame.name = class.name.clone();
        if let Err(err) = self.exec_block(&mut body_frame, &class.body) {
            return Err(if err.fatal {
                err
            } else {
                self.leave_frame(&body_frame, err).at(stmt.range)
            });
        }
        let dict = namespace.borrow().clone();
        let module = match module_name {
            Value::Str(ref s) => s.to_string(),
            _ => String::new(),
        };
        let cls = self
            .new_class(&class.name, &module, bases, dict)
            .map_err(|e| e.at(stmt.range))?;
        let mut value = Value::Class(Rc::clone(&cls));
        self.init_subclass(&cls, keywords)
            .map_err(|e| e.at(stmt.range))?;
        for decorator in class.decorator_list.iter().rev() {
            let decorator = self.eval(frame, decorator)?;
            value = self
                .call(&decorator, vec![value], Vec::new())
                .map_err(|e| e.at(stmt.range))?;
        }
        Ok(value)
    }

    /// Creates a class: computes the MRO and ties methods to their class for `super()`.
    pub fn new_class(
        &mut self,
        name: &str,
        module: &str,
        mut bases: Vec<Rc<Class>>,
        dict: Namespace,
    ) -> Result<Rc<Class>, PyErr> {
        if bases.is_empty() {
            bases.push(Rc::clone(&self.types.object));
        }
        let mro = match c3_linearize(&bases) {
            Some(mro) => mro,
            None => {
                let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
                return Err(self.type_error(&format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        let cls = Rc::new(Class {
            name: name.to_string(),
            module: module.to_string(),
            bases,
            mro,
            dict: RefCell::new(dict),
        });
        for value in cls.dict.borrow().values() {
            let func = match value {
                Value::Function(f) => Some(f),
                Value::ClassMethod(inner) | Value::StaticMethod(inner) => match &**inner {
                    Value::Function(f) => Some(f),
                    _ => None,
                },
                Value::Property(p) => match &p.fget {
                    Value::Function(f) => Some(f),
                    _ => None,
                },
                _ => None,
            };
            if let Some(func) = func {
                *func.owner.borrow_mut() = Some(Rc::downgrade(&cls));
            }
        }
        // Descriptors learn their attribute name when the class is created (`__set_name__`).
        let named: Vec<(Rc<str>, Value)> = cls
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (Rc::clone(k), v.clone()))
            .collect();
        for (name, value) in named {
            if let Value::Instance(inst) = &value {
                if let Some(hook) = inst.class.lookup("__set_name__") {
                    self.call(
                        &hook,
                        vec![
                            value.clone(),
                            Value::Class(Rc::clone(&cls)),
                            Value::Str(name),
                        ],
                        Vec::new(),
                    )?;
                }
            }
        }
        Ok(cls)
    }

    /// Python's `__init_subclass__` hook, which native bases (enums, declarative bases) use
    /// to process the new class.
    fn init_subclass(
        &mut self,
        cls: &Rc<Class>,
        keywords: Vec<(Rc<str>, Value)>,
    ) -> Result<(), PyErr> {
        let hook = cls
            .mro
            .iter()
            .find_map(|c| c.dict.borrow().get("__init_subclass__").cloned());
        match hook {
            Some(Value::Builtin(ref b)) => {
                (b.func)(self, vec![Value::Class(Rc::clone(cls))], keywords)?;
            }
            Some(Value::ClassMethod(ref f)) | Some(Value::StaticMethod(ref f)) => {
                self.call(f, vec![Value::Class(Rc::clone(cls))], keywords)?;
            }
            Some(f @ Value::Function(_)) => {
                self.call(&f, vec![Value::Class(Rc::clone(cls))], keywords)?;
            }
            _ => {
                if !keywords.is_empty() {
                    return Err(self.type_error(&format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        cls.name
                    )));
                }
            }
        }
        Ok(())
    }
}

/// C3 linearization of the bases' MROs (without the class itself).
fn c3_linearize(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| b.lineage().cloned().collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut res: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(res);
        }
        let candidate = seqs
            .iter()
            .map(|s| &s[0])
            .find(|c| !seqs.iter().any(|s| s[1..].iter().any(|x| Rc::ptr_eq(x, c))))?;
        let candidate = Rc::clone(candidate);
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        res.push(candidate);
    }
}
