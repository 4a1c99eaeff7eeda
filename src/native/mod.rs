//! The native host: `alembic-playground --dir DIR <words of one terminal line>`.
//!
//! It runs one terminal line through the same [`Shell`] the browser uses, with a real folder
//! as the file system, and prints the [`Output`] events in order with the same exit code.
//! This module and `main.rs` are the only native code that touches `std::fs` or `std::env`.

mod clock;
mod disk_fs;

use std::io::Write;

use crate::shell::{Event, Output, Shell, Stream};

pub use disk_fs::DiskFs;

/// What `pip install` added outlives the process, as it does in a virtualenv: the installed
/// packages (pip's keys, one a line) are kept in this file under HOME once pip changes them.
const PACKAGES_FILE: &str = ".alembic-playground/pip-installed";

const USAGE: &str = "usage: alembic-playground --dir DIR <command> [args...]\n";

/// Runs the CLI with the process's arguments (without the program name) and returns the exit
/// code to end with.
pub fn main(args: Vec<String>) -> i32 {
    let (dir, words) = match args.as_slice() {
        [flag, dir, words @ ..] if flag == "--dir" => (dir, words),
        [flag] if flag == "--help" || flag == "-h" => {
            print!(
                "{USAGE}\nRuns one terminal line of the Alembic Playground in DIR, \
                    exactly as the browser terminal would.\n"
            );
            return 0;
        }
        _ => {
            eprintln!("{USAGE}alembic-playground: error: --dir DIR is required");
            return 2;
        }
    };
    let cwd = match std::fs::canonicalize(dir) {
        Ok(path) if path.is_dir() => path.to_string_lossy().into_owned(),
        _ => {
            eprintln!("alembic-playground: error: --dir {dir}: not a directory");
            return 2;
        }
    };
    let home = std::env::var("HOME").unwrap_or_else(|_| cwd.clone());
    let mut shell = Shell::new(DiskFs, &cwd, &home);
    shell.env = std::env::vars()
        .filter(|(k, _)| !k.starts_with("ALEMBIC_PLAYGROUND_"))
        .collect();
    shell.clock = clock::from_environment();
    let packages = std::path::Path::new(&home).join(PACKAGES_FILE);
    if let Ok(text) = std::fs::read_to_string(&packages) {
        shell.installed = text.lines().map(String::from).collect();
    }
    let before = shell.installed.clone();
    let out = shell.run_argv(words);
    if shell.installed != before {
        let text: String = shell.installed.iter().map(|p| format!("{p}\n")).collect();
        let saved = packages
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&packages, text));
        if let Err(e) = saved {
            eprintln!(
                "alembic-playground: cannot keep pip's packages in {}: {e}",
                packages.display()
            );
        }
    }
    print_output(&out);
    out.exit_code
}

fn print_output(out: &Output) {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    for event in &out.events {
        // Flushing after each event keeps the interleaving a terminal would show.
        let _ = match event {
            Event::Write {
                stream: Stream::Stdout,
                text,
            } => {
                let mut lock = stdout.lock();
                lock.write_all(text.as_bytes()).and_then(|()| lock.flush())
            }
            Event::Write {
                stream: Stream::Stderr,
                text,
            } => {
                let mut lock = stderr.lock();
                lock.write_all(text.as_bytes()).and_then(|()| lock.flush())
            }
            Event::Clear => {
                let mut lock = stdout.lock();
                lock.write_all(b"\x1b[H\x1b[2J\x1b[3J")
                    .and_then(|()| lock.flush())
            }
            // The browser opens the file in its editor; a native terminal has its own editors.
            Event::Open(_) => Ok(()),
        };
    }
}
