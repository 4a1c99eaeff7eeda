//! `pip` in the learner's terminal. The page has no network, so pip can only "install" what is
//! built into the playground; it says so, and otherwise answers as pip does (pip's own texts
//! for an already satisfied requirement and for a package it cannot find).

use std::collections::BTreeSet;

use super::Output;
use crate::fs::{self, FileSystem};

const SITE: &str = "/home/learner/.venv/lib/python3.11/site-packages";

/// In place of pip's `Downloading ...` progress, which would be a fiction here.
const BUILT_IN: &str = "  playground: no network here; using the copy built into this page\n";

/// A package the playground has, as pip knows it.
struct Dist {
    /// pip's canonical key: lowercase, `_` for `-`.
    key: &'static str,
    /// The name its metadata gives.
    name: &'static str,
    version: &'static str,
    /// What it requires, as its metadata writes the requirement, with the key it names.
    requires: &'static [(&'static str, &'static str)],
    /// What each extra (`psycopg[binary]`) adds to `requires`.
    extras: &'static [(&'static str, &'static [(&'static str, &'static str)])],
}

type Package = &'static Dist;

const fn dist(
    key: &'static str,
    name: &'static str,
    version: &'static str,
    requires: &'static [(&'static str, &'static str)],
) -> Dist {
    Dist {
        key,
        name,
        version,
        requires,
        extras: &[],
    }
}

/// The packages built into the page, at the oracle's versions (tools/record/requirements.txt),
/// and the PostgreSQL drivers at the versions pip installs with those pins
/// (tools/record/drivers.txt). The drivers are stand-ins: they import, and connecting fails as
/// it does with no server to reach (python/runtime/modules/alembic/context.rs).
const KNOWN: &[Dist] = &[
    dist(
        "alembic",
        "alembic",
        "1.20.1",
        &[
            ("SQLAlchemy>=2.0", "sqlalchemy"),
            ("Mako", "mako"),
            ("typing-extensions>=4.12", "typing_extensions"),
        ],
    ),
    dist(
        "mako",
        "Mako",
        "1.4.3",
        &[("MarkupSafe>=2.0", "markupsafe")],
    ),
    dist("markupsafe", "MarkupSafe", "3.0.4", &[]),
    dist(
        "sqlalchemy",
        "SQLAlchemy",
        "2.1.9",
        &[("typing-extensions>=4.6.0", "typing_extensions")],
    ),
    dist("typing_extensions", "typing_extensions", "4.16.0", &[]),
    Dist {
        extras: &[("binary", &[("psycopg-binary==3.3.9", "psycopg_binary")])],
        // Its metadata's other requirements are for other Pythons and platforms.
        ..dist(
            "psycopg",
            "psycopg",
            "3.3.9",
            &[("typing-extensions>=4.6", "typing_extensions")],
        )
    },
    dist("psycopg_binary", "psycopg-binary", "3.3.9", &[]),
    dist("psycopg2_binary", "psycopg2-binary", "2.9.13", &[]),
    // From its source distribution, which the learner's pip would compile against libpq.
    dist("psycopg2", "psycopg2", "2.9.13", &[]),
    dist("pip", "pip", "23.2.1", &[]),
    dist("setuptools", "setuptools", "65.5.0", &[]),
];

fn known(name: &str) -> Option<Package> {
    let key = name.to_lowercase().replace('-', "_");
    KNOWN.iter().find(|k| k.key == key)
}

pub fn run<F: FileSystem>(
    fs: &F,
    cwd: &str,
    installed: &mut BTreeSet<String>,
    args: &[String],
    out: &mut Output,
) -> i32 {
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => {
            out.stdout(format!("pip 23.2.1 from {SITE}/pip (python 3.11)\n"));
            0
        }
        Some("install") => install(fs, cwd, installed, &args[1..], out),
        Some("list") => {
            let rows: Vec<(&str, &str)> = listed(installed);
            let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(7).max(7);
            out.stdout(format!(
                "{:<width$} Version\n{} -------\n",
                "Package",
                "-".repeat(width)
            ));
            for (n, v) in rows {
                out.stdout(format!("{n:<width$} {v}\n"));
            }
            0
        }
        Some("freeze") => {
            for (n, v) in listed(installed) {
                if n != "pip" && n != "setuptools" {
                    out.stdout(format!("{n}=={v}\n"));
                }
            }
            0
        }
        _ => {
            out.stderr("playground: this pip knows `install`, `list`, `freeze` and `--version`.\n");
            1
        }
    }
}

/// Installed packages as pip lists them: by name, case-insensitively.
fn listed(installed: &BTreeSet<String>) -> Vec<(&'static str, &'static str)> {
    let mut rows: Vec<(&str, &str)> = KNOWN
        .iter()
        .filter(|k| installed.contains(k.key) || k.key == "pip" || k.key == "setuptools")
        .map(|k| (k.name, k.version))
        .collect();
    rows.sort_by_key(|r| r.0.to_lowercase());
    rows
}

/// One requirement to install, as written, and where it came from (`-r FILE (line N)`).
struct Requirement {
    spec: String,
    origin: Option<String>,
}

/// The command line's requirements, with `-r FILE` expanded the way pip reads requirement
/// files: one per line, `#` comments and blank lines skipped.
fn requirements<F: FileSystem>(
    fs: &F,
    cwd: &str,
    args: &[String],
    out: &mut Output,
) -> Result<Vec<Requirement>, i32> {
    let mut reqs = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let file = match word.as_str() {
            "-r" | "--requirement" => words.next().cloned(),
            w if w.starts_with("--requirement=") => Some(w["--requirement=".len()..].to_string()),
            w if w.starts_with("-r") => Some(w[2..].to_string()),
            w if w.starts_with('-') => continue,
            w => {
                reqs.push(Requirement {
                    spec: w.to_string(),
                    origin: None,
                });
                continue;
            }
        };
        let Some(file) = file else {
            out.stderr("\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n  pip install [options] -r <requirements file> [package-index-options] ...\n  pip install [options] [-e] <vcs project url> ...\n  pip install [options] [-e] <local project path> ...\n  pip install [options] <archive url/path> ...\n\n-r option requires 1 argument\n");
            return Err(2);
        };
        let Ok(text) = fs.read_to_string(&fs::join(cwd, &file)) else {
            out.stderr(format!("ERROR: Could not open requirements file: [Errno 2] No such file or directory: '{file}'\n"));
            return Err(1);
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with('-') {
                continue;
            }
            reqs.push(Requirement {
                spec: line.to_string(),
                origin: Some(format!("-r {file} (line {})", n + 1)),
            });
        }
    }
    Ok(reqs)
}

fn install<F: FileSystem>(
    fs: &F,
    cwd: &str,
    installed: &mut BTreeSet<String>,
    args: &[String],
    out: &mut Output,
) -> i32 {
    let reqs = match requirements(fs, cwd, args, out) {
        Ok(reqs) => reqs,
        Err(status) => return status,
    };
    if reqs.is_empty() {
        out.stderr(
            "ERROR: You must give at least one requirement to install (see \"pip help install\")\n",
        );
        return 1;
    }
    // pip resolves the named requirements in order, then their dependencies breadth first;
    // the first one it cannot find stops everything before anything is installed.
    // What to install, with the name its requirement used (pip prints that one).
    let mut to_install: Vec<(Package, String)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    // Each package to walk, the chain pip prints after `from`, and the extras asked of it.
    let mut queue: Vec<(Package, String, Vec<String>)> = Vec::new();
    for req in &reqs {
        let Some(pkg) = known(package_name(&req.spec)) else {
            out.stdout(format!(
                "playground: there is no network here, so pip can only install what is built into this page: alembic, SQLAlchemy and their dependencies, and the PostgreSQL drivers psycopg and psycopg2. The migration chapter does not need {}; `pip install alembic` is all it takes.\n",
                package_name(&req.spec)
            ));
            out.stderr(format!(
                "ERROR: Could not find a version that satisfies the requirement {spec} (from versions: none)\nERROR: No matching distribution found for {spec}\n",
                spec = req.spec
            ));
            return 1;
        };
        if installed.contains(pkg.key) {
            let from = req
                .origin
                .as_ref()
                .map(|o| format!(" (from {o})"))
                .unwrap_or_default();
            out.stdout(format!(
                "Requirement already satisfied: {} in {SITE}{from} ({})\n",
                req.spec, pkg.version
            ));
        } else {
            let from = req
                .origin
                .as_ref()
                .map(|o| format!(" (from {o})"))
                .unwrap_or_default();
            out.stdout(format!("Collecting {}{from}\n", req.spec));
            out.stdout(BUILT_IN);
            to_install.push((pkg, package_name(&req.spec).to_string()));
        }
        seen.push(pkg.key);
        let chain = match &req.origin {
            Some(o) => format!("{}->{o}", req.spec),
            None => req.spec.clone(),
        };
        queue.push((pkg, chain, extras_of(&req.spec)));
    }
    while !queue.is_empty() {
        let (p, chain, extras) = queue.remove(0);
        for (spec, dep) in requirements_of(p, &extras) {
            let Some(d) = known(dep) else { continue };
            if seen.contains(&d.key) {
                continue;
            }
            seen.push(d.key);
            if installed.contains(d.key) {
                out.stdout(format!(
                    "Requirement already satisfied: {spec} in {SITE} (from {chain}) ({})\n",
                    d.version
                ));
            } else {
                out.stdout(format!("Collecting {spec} (from {chain})\n"));
                out.stdout(BUILT_IN);
                to_install.push((d, package_name(spec).to_string()));
            }
            queue.push((d, format!("{}->{chain}", d.name), Vec::new()));
        }
    }
    if to_install.is_empty() {
        return 0;
    }
    // Dependencies before what needs them: pip orders by the longest path from a requirement
    // the learner named, deepest first, keeping resolution order among equals.
    let roots: Vec<&str> = reqs
        .iter()
        .filter_map(|r| known(package_name(&r.spec)).map(|p| p.key))
        .collect();
    to_install.sort_by_key(|(p, _)| std::cmp::Reverse(depth(&roots, p.key)));
    let names: Vec<&str> = to_install.iter().map(|(_, n)| n.as_str()).collect();
    out.stdout(format!(
        "Installing collected packages: {}\n",
        names.join(", ")
    ));
    let mut done: Vec<String> = to_install
        .iter()
        .map(|(p, n)| format!("{n}-{}", p.version))
        .collect();
    done.sort();
    for (p, _) in &to_install {
        installed.insert(p.key.to_string());
    }
    out.stdout(format!("Successfully installed {}\n", done.join(" ")));
    0
}

/// The longest requirement path from any of `roots` down to `key` (0 for a root no one needs).
fn depth(roots: &[&str], key: &str) -> usize {
    fn longest(from: &str, key: &str) -> Option<usize> {
        if from == key {
            return Some(0);
        }
        let pkg = KNOWN.iter().find(|k| k.key == from)?;
        let extras: Vec<String> = pkg.extras.iter().map(|(e, _)| e.to_string()).collect();
        requirements_of(pkg, &extras)
            .filter_map(|(_, dep)| longest(dep, key).map(|d| d + 1))
            .max()
    }
    roots
        .iter()
        .filter_map(|r| longest(r, key))
        .max()
        .unwrap_or(0)
}

/// What `pkg` requires with `extras` asked for: its own requirements, then the extras' (pip
/// walks them in the order the metadata lists them, extras last).
fn requirements_of<'a>(
    pkg: Package,
    extras: &'a [String],
) -> impl Iterator<Item = &'static (&'static str, &'static str)> + 'a {
    pkg.requires.iter().chain(
        pkg.extras
            .iter()
            .filter(move |(name, _)| extras.iter().any(|e| e == name))
            .flat_map(|(_, reqs)| reqs.iter()),
    )
}

/// The extras a requirement asks for: `psycopg[binary]` asks for `binary`.
fn extras_of(spec: &str) -> Vec<String> {
    let Some((_, rest)) = spec.split_once('[') else {
        return Vec::new();
    };
    rest.split(']')
        .next()
        .unwrap_or("")
        .split(',')
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty())
        .collect()
}

/// The project name in a requirement specifier: `alembic>=1.13` is `alembic`.
fn package_name(spec: &str) -> &str {
    spec.split(['=', '<', '>', '~', '!', '[', ';', ' '])
        .next()
        .unwrap_or(spec)
}
