//! A workshop exercise in the page: `EXERCISE.md` read from the project after each command
//! and pause in typing, its goals checked against the workspace, the commands run since it
//! began (kept in the workspace, for `ran` goals), and how many hints the learner has opened.

use crate::fs::{self, FileSystem, MemFs};
use crate::shell::Shell;
use crate::tutorial::exercise::{self, Exercise};
use crate::tutorial::{Record, World};

/// The workspace snapshot's keys: commands that succeeded since the exercise began (one a
/// line), and hints opened.
pub const RAN_KEY: &str = "exercise.ran";
pub const HINTS_KEY: &str = "exercise.hints";

#[derive(Clone, Default, PartialEq)]
pub struct ExerciseState {
    pub exercise: Option<Exercise>,
    /// Whether each goal is met, as of the last check.
    pub met: Vec<bool>,
    pub hints_shown: usize,
    ran: Vec<Record>,
}

impl ExerciseState {
    pub fn load(shell: &Shell<MemFs>, ran: Option<&str>, hints: Option<&str>) -> ExerciseState {
        let mut state = ExerciseState {
            hints_shown: hints.and_then(|h| h.parse().ok()).unwrap_or(0),
            ran: ran
                .unwrap_or("")
                .lines()
                .filter(|l| !l.is_empty())
                .map(|line| Record {
                    line: line.to_string(),
                    exit_code: 0,
                    output: String::new(),
                })
                .collect(),
            ..ExerciseState::default()
        };
        state.check(shell);
        state
    }

    pub fn record(&mut self, record: Record, shell: &Shell<MemFs>) {
        // Only successes count for `ran`; and only while there is an exercise to count for.
        if record.exit_code == 0 && self.exercise.is_some() {
            self.ran.push(record);
        }
        self.check(shell);
    }

    /// Reads `EXERCISE.md` again and checks its goals.
    pub fn check(&mut self, shell: &Shell<MemFs>) {
        let path = fs::join(super::state::PROJECT_ROOT, exercise::FILE_NAME);
        self.exercise = shell
            .fs
            .read_to_string(&path)
            .ok()
            .map(|text| exercise::parse(&text));
        let world = World {
            fs: &shell.fs,
            project: super::state::PROJECT_ROOT,
            installed: &shell.installed,
            log: &self.ran,
        };
        self.met = self
            .exercise
            .as_ref()
            .map(|e| e.evaluate(&world))
            .unwrap_or_default();
    }

    pub fn show_hint(&mut self) {
        let total = self.exercise.as_ref().map_or(0, |e| e.hints.len());
        self.hints_shown = (self.hints_shown + 1).min(total);
    }

    /// What the workspace keeps: the commands that count, one a line.
    pub fn saved_ran(&self) -> String {
        self.ran
            .iter()
            .map(|r| r.line.replace('\n', " "))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
