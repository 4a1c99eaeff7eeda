//! The guided tutorial's state in the page: the language, the current step, which steps are
//! complete (part of the workspace, so it is saved, shared and switched with it), the commands
//! run since the step began, and a copy of the workspace taken when it began (what "reset
//! step" goes back to).

use std::collections::BTreeSet;

use crate::fs::MemFs;
use crate::shell::Shell;
use crate::tutorial::{self, Lang, Outcome, Record, World};

/// Where progress lived before it moved into the workspace: read once to carry it forward.
const LEGACY_KEY: &str = "alembic-playground.guide.v1";
/// Set once that progress has been carried into a workspace.
const LEGACY_TAKEN_KEY: &str = "alembic-playground.guide.v1.taken";

/// The workspace snapshot's key for the guide's progress.
pub const SNAPSHOT_KEY: &str = "guide";

#[derive(Clone)]
pub struct Guide {
    pub lang: Lang,
    pub current: usize,
    pub done: Vec<bool>,
    /// The current step's outcome, as of the last check.
    pub outcome: Outcome,
    /// Commands run since the current step began.
    pub log: Vec<Record>,
    /// The workspace when the step began: its files and installed packages.
    snapshot: Option<(MemFs, BTreeSet<String>)>,
}

impl PartialEq for Guide {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.current == other.current
            && self.done == other.done
            && self.outcome == other.outcome
            && self.log == other.log
    }
}

impl Guide {
    /// The guide at `progress` (from the workspace, as [`Guide::progress`] wrote it), or at
    /// the first step; in the page's language.
    pub fn load(shell: &Shell<MemFs>, progress: Option<&str>) -> Guide {
        let n = tutorial::steps().len();
        let mut g = Guide {
            // The page's one language setting (src/ui/i18n/).
            lang: crate::ui::i18n::initial(),
            current: 0,
            done: vec![false; n],
            outcome: Outcome::todo(None),
            log: Vec::new(),
            snapshot: None,
        };
        if let Some(saved) = progress {
            g.restore(saved);
        }
        g.begin(shell);
        g
    }

    /// Progress an older version kept in localStorage for the one workspace there was, taken
    /// once so that a workspace saved before the move keeps its place. The old entry stays:
    /// the language setting still reads its `lang=` (src/ui/i18n/).
    pub fn take_legacy() -> Option<String> {
        let storage = storage()?;
        if storage.get_item(LEGACY_TAKEN_KEY).ok().flatten().is_some() {
            return None;
        }
        let saved = storage.get_item(LEGACY_KEY).ok().flatten()?;
        let _ = storage.set_item(LEGACY_TAKEN_KEY, "1");
        Some(saved)
    }

    /// `lang=en;current=3;done=0,1,2` — unknown or broken parts are ignored.
    fn restore(&mut self, saved: &str) {
        for part in saved.split(';') {
            match part.split_once('=') {
                Some(("current", n)) => {
                    if let Ok(n) = n.parse::<usize>() {
                        self.current = n.min(self.done.len().saturating_sub(1));
                    }
                }
                Some(("done", list)) => {
                    for i in list.split(',').filter_map(|x| x.parse::<usize>().ok()) {
                        if let Some(d) = self.done.get_mut(i) {
                            *d = true;
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// `current=3;done=0,1,2`: what the workspace keeps of the guide.
    pub fn progress(&self) -> String {
        let done: Vec<String> = self
            .done
            .iter()
            .enumerate()
            .filter(|(_, d)| **d)
            .map(|(i, _)| i.to_string())
            .collect();
        format!("current={};done={}", self.current, done.join(","))
    }

    /// Starts the current step: a fresh log and a copy of the workspace to reset to.
    fn begin(&mut self, shell: &Shell<MemFs>) {
        self.log.clear();
        self.snapshot = Some((shell.fs.clone(), shell.installed.clone()));
        self.check(shell);
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        crate::ui::i18n::save(lang);
    }

    pub fn go(&mut self, step: usize, shell: &Shell<MemFs>) {
        if step < self.done.len() {
            self.current = step;
            self.begin(shell);
        }
    }

    /// A reading step is complete when the learner says so.
    pub fn mark_read(&mut self) {
        self.done[self.current] = true;
    }

    pub fn record(&mut self, record: Record, shell: &Shell<MemFs>) {
        self.log.push(record);
        self.check(shell);
    }

    /// Re-evaluates the current step against the workspace.
    pub fn check(&mut self, shell: &Shell<MemFs>) {
        let steps = tutorial::steps();
        let Some(step) = steps.get(self.current) else {
            return;
        };
        let world = World {
            fs: &shell.fs,
            project: super::state::PROJECT_ROOT,
            installed: &shell.installed,
            log: &self.log,
        };
        self.outcome = step.evaluate(&world);
        if self.outcome.done && !self.done[self.current] {
            self.done[self.current] = true;
        }
    }

    /// Puts the workspace back as it was when the step began.
    pub fn reset(&mut self, shell: &mut Shell<MemFs>) {
        if let Some((fs, installed)) = self.snapshot.clone() {
            shell.fs = fs;
            shell.installed = installed;
        }
        self.log.clear();
        self.check(shell);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}
