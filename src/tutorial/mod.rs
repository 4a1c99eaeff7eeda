//! The guided tutorial: the migration chapter (`../shared/seed`, Korean) as steps, each with
//! its text in Korean and English, a check against the real state of the workspace (files,
//! database, installed packages, the commands run and their exit codes), hints for the usual
//! wrong turns, and a "show me" that types or edits without undoing the learner's own work.
//! Plain data and functions: the UI draws it, native tests drive it.

mod content;
pub mod exercise;

use std::collections::BTreeSet;

use crate::fs::{self, FileSystem};

pub use content::steps;

/// The two languages of the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Ko,
    En,
}

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub ko: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.ko,
            Lang::En => self.en,
        }
    }
}

/// A terminal line the learner ran, and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: String,
    pub exit_code: i32,
    /// What it wrote to stdout and stderr (for checks like "the traceback said X").
    pub output: String,
}

/// What a check can see.
pub struct World<'a> {
    pub fs: &'a dyn FileSystem,
    pub project: &'a str,
    pub installed: &'a BTreeSet<String>,
    /// The commands run since the step began, oldest first.
    pub log: &'a [Record],
}

impl World<'_> {
    pub fn read(&self, rel: &str) -> Option<String> {
        self.fs.read_to_string(&fs::join(self.project, rel)).ok()
    }

    pub fn exists(&self, rel: &str) -> bool {
        let p = fs::join(self.project, rel);
        self.fs.is_file(&p) || self.fs.is_dir(&p)
    }

    /// A command that ran successfully since the step began, matched on its words.
    pub fn ran(&self, command: &str) -> bool {
        self.log
            .iter()
            .any(|r| r.exit_code == 0 && same_command(&r.line, command))
    }

    /// A command that ran since the step began, whatever its outcome.
    pub fn tried(&self, command: &str) -> Option<&Record> {
        self.log
            .iter()
            .rev()
            .find(|r| same_command(&r.line, command))
    }

    /// The `sqlalchemy.url` line of alembic.ini, if there is one.
    pub fn ini_url(&self) -> Option<String> {
        let ini = self.read("alembic.ini")?;
        ini.lines()
            .map(str::trim)
            .find(|l| l.starts_with("sqlalchemy.url"))
            .and_then(|l| l.split_once('='))
            .map(|(_, v)| v.trim().to_string())
    }

    /// The revision files, as (revision, down_revision, text); a merge's down_revision is
    /// its parents joined with spaces.
    pub fn revisions(&self) -> Vec<(String, Option<String>, String)> {
        let dir = fs::join(self.project, "alembic/versions");
        let mut out = Vec::new();
        for e in self.fs.read_dir(&dir).unwrap_or_default() {
            if e.is_dir || !e.name.ends_with(".py") {
                continue;
            }
            let Ok(text) = self.fs.read_to_string(&fs::join(&dir, &e.name)) else {
                continue;
            };
            let Some(rev) = assigned(&text, "revision") else {
                continue;
            };
            out.push((rev, assigned(&text, "down_revision"), text));
        }
        out
    }

    /// The head revision (one that nothing revises), if the history is a single line.
    pub fn head(&self) -> Option<String> {
        let revs = self.revisions();
        let heads: Vec<&String> = revs
            .iter()
            .map(|(r, _, _)| r)
            .filter(|r| {
                !revs.iter().any(|(_, d, _)| {
                    d.as_deref()
                        .is_some_and(|d| d.split(' ').any(|p| p == r.as_str()))
                })
            })
            .collect();
        match heads.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    /// What `alembic_version` holds (`None` when there is no such table yet).
    pub fn current(&self) -> Option<Vec<String>> {
        crate::views::schema::read(self.fs, self.project).versions
    }

    /// Whether the database's table `table` has a column `column`.
    pub fn has_column(&self, table: &str, column: &str) -> bool {
        crate::views::schema::read(self.fs, self.project)
            .tables
            .iter()
            .any(|t| t.name == table && t.columns.iter().any(|c| c.name == column))
    }

    /// The database's tables (without `alembic_version`).
    pub fn tables(&self) -> Vec<String> {
        crate::views::schema::read(self.fs, self.project)
            .tables
            .into_iter()
            .map(|t| t.name)
            .collect()
    }
}

/// `name = 'value'` (or with an annotation, or double quotes, or a tuple of them, whose
/// values come back joined with spaces) at the top of a revision file.
fn assigned(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let rest = l.strip_prefix(name)?.trim_start();
        let rest = match rest.strip_prefix(':') {
            Some(r) => r.split_once('=')?.1,
            None => rest.strip_prefix('=')?,
        };
        let values: Vec<&str> = rest.split(['\'', '"']).skip(1).step_by(2).collect();
        (!values.is_empty()).then(|| values.join(" "))
    })
}

/// Whether a typed line is `command`: the same words, ignoring spacing and quoting.
fn same_command(line: &str, command: &str) -> bool {
    let words = |s: &str| {
        shlex::split(s).unwrap_or_else(|| s.split_whitespace().map(String::from).collect())
    };
    let (a, b) = (words(line), words(command));
    a.len() >= b.len() && a[..b.len()] == b[..]
}

/// Where a step stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub done: bool,
    /// What to tell the learner: a hint for a wrong turn, or what is left to do.
    pub hint: Option<Text>,
}

impl Outcome {
    pub fn done() -> Outcome {
        Outcome {
            done: true,
            hint: None,
        }
    }

    pub fn todo(hint: Option<Text>) -> Outcome {
        Outcome { done: false, hint }
    }
}

/// One thing "show me" does.
#[derive(Clone, Debug)]
pub enum Action {
    /// Put a line in the terminal's input, for the learner to run.
    Type(&'static str),
    /// Change one file with a function of its text, keeping everything else the learner wrote.
    Edit {
        path: &'static str,
        edit: fn(&str) -> String,
    },
}

/// How a step knows it is complete.
pub enum Check {
    /// A reading step: complete when the learner says so.
    Read,
    /// A check of the workspace.
    World(fn(&World<'_>) -> Outcome),
    /// Complete when every goal holds, one a line, written as an exercise's goals are
    /// (`exercise.rs`); `hint` says what went wrong or what is left.
    Goals {
        goals: &'static str,
        hint: fn(&World<'_>) -> Option<Text>,
    },
}

pub struct Step {
    pub id: &'static str,
    pub title: Text,
    /// Paragraphs; lines in ``` fences are code, `$ ` lines inside them are commands.
    pub body: Text,
    pub check: Check,
    pub show_me: Vec<Action>,
    /// Part of the chapter, or a lesson beyond it.
    pub chapter: bool,
}

impl Step {
    pub fn evaluate(&self, world: &World<'_>) -> Outcome {
        match &self.check {
            Check::Read => Outcome::todo(None),
            Check::World(f) => f(world),
            Check::Goals { goals, hint } => {
                // A goal that does not read never holds (a test reads every step's goals).
                let met = goals
                    .lines()
                    .filter(|g| !g.trim().is_empty())
                    .all(|g| exercise::parse_goal(g.trim()).is_ok_and(|goal| goal.met(world)));
                if met {
                    Outcome::done()
                } else {
                    Outcome::todo(hint(world))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_steps_goals_read_as_exercise_goals() {
        for step in steps() {
            if let Check::Goals { goals, .. } = step.check {
                for goal in goals.lines().filter(|g| !g.trim().is_empty()) {
                    assert!(
                        exercise::parse_goal(goal.trim()).is_ok(),
                        "{}: {goal}",
                        step.id
                    );
                }
            }
        }
    }

    #[test]
    fn commands_match_on_their_words() {
        assert!(same_command(
            "alembic  upgrade head",
            "alembic upgrade head"
        ));
        assert!(same_command(
            "alembic revision --autogenerate -m 'x y'",
            "alembic revision --autogenerate"
        ));
        assert!(!same_command("alembic upgrade +1", "alembic upgrade head"));
    }

    #[test]
    fn revision_variables_are_read_as_written() {
        let text =
            "revision: str = '1a2b'\ndown_revision: Union[str, Sequence[str], None] = None\n";
        assert_eq!(assigned(text, "revision").as_deref(), Some("1a2b"));
        assert_eq!(assigned(text, "down_revision"), None);
        assert_eq!(
            assigned("revision = \"ff\"\n", "revision").as_deref(),
            Some("ff")
        );
    }
}
