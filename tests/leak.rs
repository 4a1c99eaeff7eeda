//! Memory kept after an engine session ends: a counting allocator checks that running the
//! chapter's commands again and again does not grow the heap (the evaluator's reference
//! cycles between modules, functions and classes are broken when a session ends).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::{Shell, Stream, BROWSER_HOME};

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const ROOT: &str = "/home/learner/fastapi_template";

/// A project with Alembic initialised and env.py pointed at the models, as the chapter has it.
fn project() -> MemFs {
    let mut fs = MemFs::new();
    alembic_playground::project::write_project(
        &mut fs,
        ROOT,
        alembic_playground::project::FASTAPI_TEMPLATE,
    )
    .unwrap();
    let mut shell = Shell::new(fs, ROOT, BROWSER_HOME);
    shell.run_line("alembic init alembic");
    let env_py = format!("{ROOT}/alembic/env.py");
    let text = shell.fs.read_to_string(&env_py).unwrap().replace(
        "target_metadata = None",
        "from app.common.database.base import Base\nfrom app.db.models import User, Item\ntarget_metadata = Base.metadata",
    );
    shell.fs.write(&env_py, text.as_bytes()).unwrap();
    let ini = format!("{ROOT}/alembic.ini");
    let text = shell
        .fs
        .read_to_string(&ini)
        .unwrap()
        .replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db");
    shell.fs.write(&ini, text.as_bytes()).unwrap();
    // Each run must do the work it names, not stop at a first error.
    let out = Shell::new(shell.fs.clone(), ROOT, BROWSER_HOME).run_line("alembic check");
    let err = out.text(Stream::Stderr);
    assert!(out.exit_code != 0 && err.contains("add_table"), "{err}");
    shell.fs
}

/// Heap bytes still live after running `f` once and dropping all it made.
fn kept(f: &dyn Fn()) -> isize {
    let before = LIVE.load(Ordering::Relaxed);
    f();
    LIVE.load(Ordering::Relaxed) - before
}

fn lines<'a>(base: &'a MemFs, lines: &'static [&'static str]) -> impl Fn() + 'a {
    move || {
        let mut shell = Shell::new(base.clone(), ROOT, BROWSER_HOME);
        for line in lines {
            std::hint::black_box(shell.run_line(line));
        }
    }
}

type Case<'a> = (&'static str, Box<dyn Fn() + 'a>);

/// One test in this binary: the counter is process-wide, and tests run on parallel threads.
#[test]
fn sessions_give_back_what_they_allocate() {
    let base = project();
    let mut broken = base.clone();
    broken
        .write(
            &format!("{ROOT}/alembic/env.py"),
            b"def run():\n    pass\nraise RuntimeError('half-way')\n",
        )
        .unwrap();
    let vars = std::collections::BTreeMap::new();
    let cases: Vec<Case<'_>> = vec![
        ("current", Box::new(lines(&base, &["alembic current"]))),
        (
            "the chapter",
            Box::new(lines(
                &base,
                &[
                    "alembic revision --autogenerate -m \"init\"",
                    "alembic upgrade head",
                    "alembic history --verbose",
                    "alembic check",
                    "alembic downgrade -1",
                ],
            )),
        ),
        ("env.py failing half-way", Box::new(lines(&broken, &["alembic upgrade head"]))),
        (
            "module-level cycles",
            Box::new(lines(
                &base,
                &["python -c \"class A:\n    def f(self): return super().f\na = A()\na.me = a\nl = [a]\nl.append(l)\""],
            )),
        ),
        (
            "the pending-changes panel",
            Box::new(|| {
                std::hint::black_box(alembic_playground::views::pending::read(&base, ROOT, &vars));
            }),
        ),
    ];
    for (name, run) in &cases {
        // The first run may fill caches that live as long as the process (thread-locals);
        // after that, every run must give back all it took.
        kept(run);
        let leaked: isize = (0..5).map(|_| kept(run)).sum();
        assert!(leaked <= 0, "{name}: {leaked} bytes kept over five runs");
    }
}
