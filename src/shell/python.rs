//! `python` in the terminal: runs a script or `-c` code with the playground's evaluator, as
//! the virtualenv's Python 3.11 would (sys.path, `PYTHONPATH`, exit codes, tracebacks).

use std::collections::BTreeMap;

use crate::fs::{self, FileSystem};
use crate::python::runtime::{run_script, Script};
use crate::shell::Output;

pub const VERSION: &str = "Python 3.11.7";

pub fn run(
    program: &str,
    fs: &dyn FileSystem,
    cwd: &str,
    env: &BTreeMap<String, String>,
    args: &[String],
    out: &mut Output,
) -> i32 {
    let (path, source, path0, argv) = match args {
        [flag] if flag == "--version" || flag == "-V" => {
            out.stdout(format!("{VERSION}\n"));
            return 0;
        }
        [] => {
            out.stderr(
                "playground: the interactive Python prompt is not available here; run a file with \
                 `python FILE` or code with `python -c CODE`.\n",
            );
            return 2;
        }
        [flag] if flag == "-c" => {
            out.stderr(
                "Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n",
            );
            return 2;
        }
        [flag, code, rest @ ..] if flag == "-c" => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(rest.iter().cloned());
            ("<string>".to_string(), code.clone(), String::new(), argv)
        }
        [file, ..] => {
            let full = fs::join(cwd, file);
            match fs.read_to_string(&full) {
                Ok(source) if fs.is_file(&full) => (
                    full.clone(),
                    source,
                    fs::parent(&full).to_string(),
                    args.to_vec(),
                ),
                _ => {
                    let reason = if fs.is_dir(&full) {
                        format!("can't find '__main__' module in '{full}'")
                    } else {
                        format!("can't open file '{full}': [Errno 2] No such file or directory")
                    };
                    out.stderr(format!("{program}: {reason}\n"));
                    return 2;
                }
            }
        }
    };
    let live = out.live.clone();
    let streamed = live.is_some();
    let script = Script {
        path: &path,
        source: &source,
        argv,
        path0: &path0,
        live,
    };
    let outcome = run_script(fs, cwd, env, script);
    for (stderr, text) in outcome.output {
        if stderr {
            out.stderr_printed(text, streamed);
        } else {
            out.stdout_printed(text, streamed);
        }
    }
    outcome.exit_code
}
