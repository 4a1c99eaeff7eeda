//! Workshop exercises (`EXERCISE.md`): the examples in examples/exercises read without
//! problems, and each goal turns met only once a learner has done its work, in a real shell.
#![cfg(not(target_arch = "wasm32"))]

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::Shell;
use alembic_playground::tutorial::exercise::{self, Exercise};
use alembic_playground::tutorial::{Record, World};

#[path = "common/tutorial_state.rs"]
mod tutorial_state;

use tutorial_state::PROJECT;

struct Learner {
    shell: Shell<MemFs>,
    log: Vec<Record>,
    ex: Exercise,
}

impl Learner {
    /// The exercise opened as the page opens an exercise file: the starting project (Alembic
    /// not installed), its start files over it.
    fn open(text: &str) -> Learner {
        let ex = exercise::parse(text);
        let mut shell = tutorial_state::fresh_project();
        shell.without_alembic();
        for (path, contents) in &ex.files {
            shell
                .fs
                .write(&format!("{PROJECT}/{path}"), contents.as_bytes())
                .unwrap();
        }
        Learner {
            shell,
            log: Vec::new(),
            ex,
        }
    }

    fn run(&mut self, line: &str) {
        let out = self.shell.run_line(line);
        assert_eq!(out.exit_code, 0, "{line}: {:?}", out.events);
        self.log.push(Record {
            line: line.into(),
            exit_code: 0,
            output: String::new(),
        });
    }

    fn edit(&mut self, file: &str, from: &str, to: &str) {
        let path = format!("{PROJECT}/{file}");
        let text = self.shell.fs.read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has {from}");
        self.shell
            .fs
            .write(&path, text.replacen(from, to, 1).as_bytes())
            .unwrap();
    }

    /// The goals met now, by the text they are written as.
    fn met(&self) -> Vec<&str> {
        let world = World {
            fs: &self.shell.fs,
            project: PROJECT,
            installed: &self.shell.installed,
            log: &self.log,
        };
        self.ex
            .goals
            .iter()
            .zip(self.ex.evaluate(&world))
            .filter(|(_, met)| *met)
            .map(|(g, _)| g.text.as_str())
            .collect()
    }
}

#[test]
fn the_example_exercises_have_no_problems() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/exercises");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let ex = exercise::parse(&text);
        assert!(ex.diagnostics.is_empty(), "{:?}", ex.diagnostics);
        assert!(!ex.title.is_empty() && !ex.goals.is_empty() && !ex.hints.is_empty());
        n += 1;
    }
    assert!(n >= 1);
}

#[test]
fn the_tags_exercise_is_met_step_by_step() {
    let text = include_str!("../examples/exercises/tags.md");
    let mut l = Learner::open(text);
    // Only the negative goal holds at the start.
    assert_eq!(l.met(), ["not file `app.db-journal` exists"]);
    l.run("pip install alembic");
    l.run("alembic init alembic");
    l.edit(
        "alembic.ini",
        "driver://user:pass@localhost/dbname",
        "sqlite:///./app.db",
    );
    assert!(l.met().contains(&"installed alembic"));
    assert!(l
        .met()
        .contains(&"file `alembic.ini` contains `sqlite:///`"));
    assert!(!l.met().contains(&"table `user` exists"));
    l.edit(
        "alembic/env.py",
        "target_metadata = None",
        "from app.common.database.base import Base\nfrom app.db.models import User, Item, Tag\ntarget_metadata = Base.metadata",
    );
    l.run("alembic revision --autogenerate -m \"create tables\"");
    // Written, not applied: the tables are not there yet, nor is the database at head.
    assert!(l.met().contains(&"ran `alembic revision --autogenerate`"));
    assert!(!l.met().contains(&"database is at head"));
    assert!(!l.met().contains(&"table `tag` has column `label`"));
    l.run("alembic upgrade head");
    assert_eq!(l.met().len(), l.ex.goals.len(), "all met: {:?}", l.met());
    // Going back undoes the database goals.
    l.run("alembic downgrade base");
    assert!(!l.met().contains(&"table `tag` has column `label`"));
    assert!(!l.met().contains(&"database is at head"));
}
