//! The history panel: the revision graph as `alembic history` orders it (newest first), laid
//! out in lanes the way `git log --graph` does, with heads, bases, branch and merge points,
//! and the database's current revisions marked.

use std::collections::{BTreeMap, HashSet};

use crate::fs::FileSystem;

#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    pub id: String,
    pub message: String,
    /// The revisions it revises (`down_revision`).
    pub down: Vec<String>,
    pub labels: Vec<String>,
    pub head: bool,
    pub base: bool,
    pub current: bool,
    pub merge: bool,
    pub branch_point: bool,
    /// Row 0 is the newest; the lane is the column it is drawn in.
    pub row: usize,
    pub lane: usize,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct HistoryView {
    pub nodes: Vec<NodeView>,
    /// How many lanes the drawing needs.
    pub lanes: usize,
    /// Why there is no graph, in words for the learner.
    pub note: Option<String>,
}

impl HistoryView {
    pub fn node(&self, id: &str) -> Option<&NodeView> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// Loads the project's revisions. `current` is what `alembic_version` holds (from the schema
/// panel), so this never opens the database.
pub fn read(
    fs: &mut dyn FileSystem,
    project: &str,
    vars: &BTreeMap<String, String>,
    current: &[String],
) -> HistoryView {
    super::with_env(fs, project, vars, |env| {
        let Some(config) = crate::command::inspect::config(env) else {
            return HistoryView {
                note: Some("No alembic.ini yet: run `alembic init alembic` to start.".into()),
                ..HistoryView::default()
            };
        };
        match crate::command::inspect::revisions(env, &config) {
            Ok(map) => layout(&map, current),
            Err(e) => HistoryView {
                note: Some(e),
                ..HistoryView::default()
            },
        }
    })
}

fn layout(map: &crate::script::revision::RevisionMap, current: &[String]) -> HistoryView {
    let heads: Vec<String> = map.heads().into_iter().map(String::from).collect();
    let all: HashSet<String> = map.ancestors(&heads);
    if all.is_empty() {
        return HistoryView {
            note: Some(
                "No revisions yet: `alembic revision -m \"...\"` makes the first one.".into(),
            ),
            ..HistoryView::default()
        };
    }
    let order = map.topological_sort(&all, &heads);
    // Lanes: each slot holds the revision expected next in it; a revision takes the first
    // slot waiting for it, and hands its slot to its first parent.
    let mut slots: Vec<Option<String>> = Vec::new();
    let mut nodes = Vec::new();
    let mut lanes = 0;
    for (row, id) in order.iter().enumerate() {
        let Some(rev) = map.get(id) else { continue };
        let lane = match slots.iter().position(|s| s.as_deref() == Some(id.as_str())) {
            Some(l) => l,
            None => match slots.iter().position(Option::is_none) {
                Some(free) => free,
                None => {
                    slots.push(None);
                    slots.len() - 1
                }
            },
        };
        // Any other slot waiting for this revision joins here.
        for s in slots.iter_mut() {
            if s.as_deref() == Some(id.as_str()) {
                *s = None;
            }
        }
        let mut parents = rev.down.iter();
        slots[lane] = parents.next().cloned();
        for p in parents {
            if !slots.iter().any(|s| s.as_deref() == Some(p.as_str())) {
                match slots.iter().position(Option::is_none) {
                    Some(free) => slots[free] = Some(p.clone()),
                    None => slots.push(Some(p.clone())),
                }
            }
        }
        lanes = lanes.max(slots.len()).max(lane + 1);
        nodes.push(NodeView {
            id: id.clone(),
            message: rev.doc().to_string(),
            down: rev.down.clone(),
            labels: rev.own_labels.clone(),
            head: heads.contains(id),
            base: rev.down.is_empty(),
            current: current.contains(id),
            merge: map.is_merge_point(id),
            branch_point: map.is_branch_point(id),
            row,
            lane,
        });
    }
    HistoryView {
        nodes,
        lanes,
        note: None,
    }
}
