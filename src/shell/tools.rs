//! Two more programs of the learner's terminal: `tree` (as tree 2.1 draws a folder, in the C
//! locale's byte order) and `env` (the virtualenv's environment plus what was exported).

use std::collections::BTreeMap;

use super::Output;
use crate::fs::{self, FileSystem};

/// `tree [-a] [-d] [-L N] [DIR...]`.
pub fn tree<F: FileSystem>(fs: &F, cwd: &str, args: &[String], out: &mut Output) -> i32 {
    let mut all = false;
    let mut dirs_only = false;
    let mut level: Option<usize> = None;
    let mut roots: Vec<String> = Vec::new();
    let mut words = args.iter();
    while let Some(a) = words.next() {
        match a.as_str() {
            "-a" => all = true,
            "-d" => dirs_only = true,
            "-L" => match words
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| *n > 0)
            {
                Some(n) => level = Some(n),
                None => {
                    out.stderr("tree: Invalid level, must be greater than 0.\n");
                    return 1;
                }
            },
            o if o.starts_with('-') => {
                out.stderr(format!(
                    "tree: Invalid argument `{o}'.\nusage: tree [-adL] [<directory list>]\n"
                ));
                return 1;
            }
            d => roots.push(d.to_string()),
        }
    }
    if roots.is_empty() {
        roots.push(".".into());
    }
    let (mut ndirs, mut nfiles) = (0usize, 0usize);
    let mut status = 0;
    for root in &roots {
        let path = fs::join(cwd, root);
        if !fs.is_dir(&path) {
            out.stdout(format!("{root}  [error opening dir]\n"));
            status = 2;
            continue;
        }
        out.stdout(format!("{root}\n"));
        ndirs += 1;
        walk(
            fs,
            &path,
            "",
            1,
            level,
            all,
            dirs_only,
            &mut ndirs,
            &mut nfiles,
            out,
        );
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if dirs_only {
        out.stdout(format!("\n{}\n", plural(ndirs, "directory", "directories")));
    } else {
        out.stdout(format!(
            "\n{}, {}\n",
            plural(ndirs, "directory", "directories"),
            plural(nfiles, "file", "files")
        ));
    }
    status
}

#[allow(clippy::too_many_arguments)]
fn walk<F: FileSystem>(
    fs: &F,
    dir: &str,
    prefix: &str,
    depth: usize,
    level: Option<usize>,
    all: bool,
    dirs_only: bool,
    ndirs: &mut usize,
    nfiles: &mut usize,
    out: &mut Output,
) {
    let mut entries: Vec<_> = fs
        .read_dir(dir)
        .unwrap_or_default()
        .into_iter()
        .filter(|e| all || !e.name.starts_with('.'))
        .filter(|e| !dirs_only || e.is_dir)
        .collect();
    entries.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    let n = entries.len();
    for (i, e) in entries.into_iter().enumerate() {
        let last = i + 1 == n;
        out.stdout(format!(
            "{prefix}{}{}\n",
            if last { "└── " } else { "├── " },
            e.name
        ));
        if e.is_dir {
            *ndirs += 1;
            if level.is_none_or(|l| depth < l) {
                // tree pads under a continuing branch with two no-break spaces, as it does in UTF-8 locales.
                let inner = format!("{prefix}{}", if last { "    " } else { "│\u{a0}\u{a0} " });
                walk(
                    fs,
                    &fs::join(dir, &e.name),
                    &inner,
                    depth + 1,
                    level,
                    all,
                    dirs_only,
                    ndirs,
                    nfiles,
                    out,
                );
            }
        } else {
            *nfiles += 1;
        }
    }
}

/// `env`: the environment a learner's terminal has in the project's virtualenv, then what
/// they exported, in the order `env` prints (the order variables were set; here by name).
pub fn env(home: &str, cwd: &str, exported: &BTreeMap<String, String>, out: &mut Output) -> i32 {
    let venv = format!("{home}/.venv");
    let mut vars: BTreeMap<String, String> = [
        ("HOME", home.to_string()),
        ("LANG", "C.UTF-8".to_string()),
        ("LOGNAME", "learner".to_string()),
        ("PATH", format!("{venv}/bin:/usr/local/bin:/usr/bin:/bin")),
        ("PWD", cwd.to_string()),
        ("SHELL", "/bin/bash".to_string()),
        ("TERM", "xterm-256color".to_string()),
        ("USER", "learner".to_string()),
        ("VIRTUAL_ENV", venv.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in exported {
        vars.insert(k.clone(), v.clone());
    }
    for (k, v) in vars {
        out.stdout(format!("{k}={v}\n"));
    }
    0
}
