//! `python` in the terminal: runs a script or `-c` code with the playground's evaluator, as
//! the virtualenv's Python 3.11 would (sys.path, `PYTHONPATH`, exit codes, tracebacks).

use crate::fs::{self, FileSystem};
use crate::python::runtime::value::Value;
use crate::python::runtime::Interp;
use crate::shell::Output;

pub const VERSION: &str = "Python 3.11.7";

pub fn run(
    fs: &dyn FileSystem,
    cwd: &str,
    env: &std::collections::BTreeMap<String, String>,
    args: &[String],
    out: &mut Output,
) -> i32 {
    let (path, source, script_dir) = match args {
        [flag] if flag == "--version" || flag == "-V" => {
            out.stdout(format!("{VERSION}\n"));
            return 0;
        }
        [] => {
            out.stderr("playground: the interactive Python prompt is not available here; run a file with `python FILE` or code with `python -c CODE`.\n");
            return 2;
        }
        [flag, code, ..] if flag == "-c" => ("<string>".to_string(), code.clone(), String::new()),
        [flag] if flag == "-c" => {
            out.stderr("Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n");
            return 2;
        }
        [file, ..] => {
            let full = fs::join(cwd, file);
            match fs.read_to_string(&full) {
                Ok(source) if fs.is_file(&full) => {
                    (full.clone(), source, fs::parent(&full).to_string())
                }
                _ => {
                    let reason = if fs.is_dir(&full) {
                        format!("can't find '__main__' module in '{full}'")
                    } else {
                        format!("can't open file '{full}': [Errno 2] No such file or directory")
                    };
                    out.stderr(format!("/home/learner/.venv/bin/python: {reason}\n"));
                    return 2;
                }
            }
        }
    };
    let mut interp = Interp::new(fs, cwd);
    for (k, v) in env {
        interp.set_env(k, v);
    }
    let mut front = vec![Value::str(&script_dir)];
    if let Some(pythonpath) = env.get("PYTHONPATH") {
        front.extend(
            pythonpath
                .split(':')
                .filter(|p| !p.is_empty())
                .map(|p| Value::str(&fs::join(cwd, p))),
        );
    }
    {
        let mut sys_path = interp.sys_path.borrow_mut();
        for (i, entry) in front.into_iter().enumerate() {
            sys_path.insert(i, entry);
        }
    }
    let res = interp.run_module("__main__", &path, &source);
    for (stderr, text) in std::mem::take(&mut interp.output) {
        if stderr {
            out.stderr(text);
        } else {
            out.stdout(text);
        }
    }
    match res {
        Ok(_) => 0,
        Err(err) => {
            if interp.is_instance_of(&err.value, "SystemExit") {
                let code = interp.get_attr(&err.value, "code").unwrap_or(Value::None);
                return match code {
                    Value::None => 0,
                    Value::Int(n) => n as i32,
                    other => {
                        let text = interp.str_lossy(&other);
                        out.stderr(format!("{text}\n"));
                        1
                    }
                };
            }
            let text = interp.format_exception(&err);
            out.stderr(text);
            1
        }
    }
}
