//! The guided tutorial, completed the way a learner would: in a real shell session over the
//! starting project, typing the commands and making the edits each step asks for (through the
//! step's own "show me" where it has one), and checking that every step turns complete, and
//! that steps do not complete before their work is done.
#![cfg(not(target_arch = "wasm32"))]

use alembic_playground::fs::{FileSystem, MemFs};
use alembic_playground::shell::{Shell, Stream};
use alembic_playground::tutorial::{steps, Action, Check, Record, Step, World};

#[path = "common/tutorial_state.rs"]
mod tutorial_state;

use tutorial_state::PROJECT;

struct Learner {
    shell: Shell<MemFs>,
    log: Vec<Record>,
}

impl Learner {
    fn new() -> Learner {
        let mut shell = tutorial_state::fresh_project();
        shell.without_alembic();
        Learner {
            shell,
            log: Vec::new(),
        }
    }

    fn run(&mut self, line: &str) -> i32 {
        let out = self.shell.run_line(line);
        let output = out.text(Stream::Stdout) + &out.text(Stream::Stderr);
        self.log.push(Record {
            line: line.to_string(),
            exit_code: out.exit_code,
            output,
        });
        out.exit_code
    }

    fn edit(&mut self, path: &str, f: impl Fn(&str) -> String) {
        let full = format!("{PROJECT}/{path}");
        let text = self.shell.fs.read_to_string(&full).unwrap_or_default();
        self.shell.fs.write(&full, f(&text).as_bytes()).unwrap();
    }

    fn show_me(&mut self, step: &Step) {
        for action in &step.show_me {
            match action {
                Action::Type(line) => {
                    self.run(line);
                }
                Action::Edit { path, edit } => self.edit(path, edit),
            }
        }
    }

    fn done(&self, step: &Step, since: usize) -> bool {
        let world = World {
            fs: &self.shell.fs,
            project: PROJECT,
            installed: &self.shell.installed,
            log: &self.log[since..],
        };
        match step.check {
            Check::Read => true,
            Check::World(_) | Check::Goals { .. } => step.evaluate(&world).done,
        }
    }

    fn revision_file(&self, message_slug: &str) -> String {
        let dir = format!("{PROJECT}/alembic/versions");
        let name = self
            .shell
            .fs
            .read_dir(&dir)
            .unwrap()
            .into_iter()
            .find(|e| e.name.contains(message_slug))
            .unwrap()
            .name;
        format!("alembic/versions/{name}")
    }
}

#[test]
fn a_learner_completes_the_chapter_and_the_lessons() {
    let mut l = Learner::new();
    for step in steps() {
        let since = l.log.len();
        if matches!(step.check, Check::World(_) | Check::Goals { .. }) {
            assert!(
                !l.done(&step, since),
                "step {} is complete before any work",
                step.id
            );
        }
        l.show_me(&step);
        match step.id {
            "manual" => {
                let file = l.revision_file("add_nickname_to_user");
                l.edit(&file, |t| {
                    t.replacen("    \"\"\"Upgrade schema.\"\"\"\n    pass", "    \"\"\"Upgrade schema.\"\"\"\n    op.add_column('user', sa.Column('nickname', sa.String(length=50), nullable=True))", 1)
                        .replacen("    \"\"\"Downgrade schema.\"\"\"\n    pass", "    \"\"\"Downgrade schema.\"\"\"\n    op.drop_column('user', 'nickname')", 1)
                });
                assert!(!l.done(&step, since), "not applied yet");
                assert_eq!(l.run("alembic upgrade head"), 0);
            }
            "relative" => assert_eq!(l.run("alembic upgrade +1"), 0),
            "base" => assert_eq!(l.run("alembic upgrade head"), 0),
            "history" => assert_eq!(l.run("alembic current"), 0),
            "module-not-found" => {
                assert!(!l.done(&step, since), "reproduced, not fixed");
                assert_eq!(l.run("export PYTHONPATH=$PYTHONPATH:$(pwd)"), 0);
                assert_eq!(l.run("alembic current"), 0);
            }
            "connection-error" => {
                assert!(!l.done(&step, since), "failed, not fixed");
                l.edit("alembic.ini", |t| {
                    t.replace(
                        "postgresql://postgres:postgres@localhost:5432/fastapi_db",
                        "sqlite:///./app.db",
                    )
                });
                assert_eq!(l.run("alembic current"), 0);
            }
            "batch" => {
                assert_eq!(
                    l.run("alembic revision --autogenerate -m \"widen full_name\""),
                    0
                );
                assert_ne!(
                    l.run("alembic upgrade head"),
                    0,
                    "SQLite cannot ALTER COLUMN"
                );
                assert!(!l.done(&step, since));
                let file = l.revision_file("widen_full_name");
                l.edit(&file, |t| t.replace("    op.alter_column('user', 'full_name',", "    with op.batch_alter_table('user') as batch_op:\n        batch_op.alter_column('full_name',"));
                assert_eq!(l.run("alembic upgrade head"), 0, "{:?}", l.log.last());
            }
            "branches" => {
                let head = l.shell.run_line("alembic heads").text(Stream::Stdout);
                let head = head.split_whitespace().next().unwrap().to_string();
                assert_eq!(
                    l.run(&format!(
                        "alembic revision -m \"add phone\" --head {head} --splice"
                    )),
                    0
                );
                assert_eq!(
                    l.run(&format!(
                        "alembic revision -m \"add address\" --head {head} --splice"
                    )),
                    0
                );
                assert_ne!(l.run("alembic upgrade head"), 0);
                assert_eq!(
                    l.run("alembic merge -m \"merge phone and address\" heads"),
                    0
                );
                assert_eq!(l.run("alembic upgrade head"), 0);
            }
            "data" => {
                let file = l.revision_file("seed_users");
                l.edit(&file, |t| {
                    t.replacen("    \"\"\"Upgrade schema.\"\"\"\n    pass", "    \"\"\"Upgrade schema.\"\"\"\n    user = sa.table('user', sa.column('email', sa.String), sa.column('is_active', sa.Boolean))\n    op.bulk_insert(user, [{'email': 'ada@example.com', 'is_active': True}])", 1)
                });
                assert_eq!(l.run("alembic upgrade head"), 0, "{:?}", l.log.last());
            }
            _ => {}
        }
        assert!(
            l.done(&step, since),
            "step {} is not complete; log: {:#?}",
            step.id,
            &l.log[since..]
        );
    }
}

#[test]
fn hints_name_the_usual_wrong_turns() {
    let all = steps();
    let step = |id: &str| all.iter().find(|s| s.id == id).unwrap();
    let mut l = Learner::new();
    l.run("pip install alembic");
    l.run("alembic init alembic");
    let world = |l: &Learner, since: usize| {
        let outcome = |s: &Step| {
            let w = World {
                fs: &l.shell.fs,
                project: PROJECT,
                installed: &l.shell.installed,
                log: &l.log[since..],
            };
            s.evaluate(&w)
        };
        (outcome(step("url")), outcome(step("autogenerate")))
    };
    l.edit("alembic.ini", |t| {
        t.replace(
            "driver://user:pass@localhost/dbname",
            "postgresql://postgres:postgres@localhost:5432/fastapi_db",
        )
    });
    let (url, _) = world(&l, 0);
    assert!(url.hint.unwrap().en.contains("no PostgreSQL server"));
    l.edit("alembic.ini", |t| {
        t.replace(
            "postgresql://postgres:postgres@localhost:5432/fastapi_db",
            "sqlite:///./app.db",
        )
    });
    // target_metadata without importing the models: an empty autogenerate.
    l.edit("alembic/env.py", |t| {
        t.replace(
            "target_metadata = None",
            "from app.common.database.base import Base\ntarget_metadata = Base.metadata",
        )
    });
    let since = l.log.len();
    assert_eq!(l.run("alembic revision --autogenerate -m empty"), 0);
    let (_, auto) = world(&l, since);
    assert!(!auto.done);
    assert!(auto.hint.unwrap().en.contains("came out empty"));
}
