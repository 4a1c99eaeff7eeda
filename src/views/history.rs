//! The history panel: the revision graph as `alembic history` orders it (newest first), laid
//! out in lanes the way `git log --graph` does, with heads, bases, branch and merge points,
//! and the database's current revisions marked.

use std::collections::{BTreeMap, HashSet};

use crate::fs::FileSystem;

/// The panel's fixed notes (the UI shows them in the learner's language).
pub const NOTE_NO_INI: &str = "No alembic.ini yet: run `alembic init alembic` to start.";
pub const NOTE_NO_REVISIONS: &str =
    "No revisions yet: `alembic revision -m \"...\"` makes the first one.";

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
    /// What the revision detail shows: the file (relative to the project), the whole
    /// docstring, `depends_on`, and the text of `upgrade()` and `downgrade()` as written.
    pub path: String,
    pub longdoc: String,
    pub depends_on: Vec<String>,
    pub upgrade: String,
    pub downgrade: String,
    /// The database has it: it is a current revision or an ancestor of one.
    pub applied: bool,
}

/// Which commands move the database to a revision, relative to where it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offers {
    /// Not applied yet: `alembic upgrade <id>` reaches it.
    pub upgrade: bool,
    /// Applied but not current: `alembic downgrade <id>` goes back to it.
    pub downgrade: bool,
}

impl NodeView {
    pub fn offers(&self) -> Offers {
        Offers {
            upgrade: !self.applied,
            downgrade: self.applied && !self.current,
        }
    }
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
    let (mut view, map) = read_files(fs, project, vars);
    if let Some(map) = &map {
        mark(&mut view, map, current);
    }
    view
}

/// The graph as [`read`] gives it, kept while the files it comes from stay the same: an
/// upgrade changes only the database, and loading hundreds of revision files again for it
/// would hold the page.
#[derive(Default)]
pub struct Cache {
    key: Option<u64>,
    view: HistoryView,
    map: Option<crate::script::revision::RevisionMap>,
}

/// [`read`], through `cache`.
pub fn read_cached(
    cache: &mut Cache,
    fs: &mut dyn FileSystem,
    project: &str,
    vars: &BTreeMap<String, String>,
    current: &[String],
) -> HistoryView {
    let key = inputs_key(&*fs, vars);
    if cache.key != Some(key) {
        let (view, map) = read_files(fs, project, vars);
        *cache = Cache {
            key: Some(key),
            view,
            map,
        };
    }
    let mut view = cache.view.clone();
    if let Some(map) = &cache.map {
        mark(&mut view, map, current);
    }
    view
}

/// What the graph depends on: every file but the SQLite databases (alembic.ini, the revision
/// files and anything they import, wherever `sys.path` may reach), and the variables.
fn inputs_key(fs: &dyn FileSystem, vars: &BTreeMap<String, String>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    vars.hash(&mut h);
    // A worklist, not recursion: the tree's depth is the learner's to choose.
    let mut todo = vec!["/".to_string()];
    while let Some(dir) = todo.pop() {
        let mut entries = fs.read_dir(&dir).unwrap_or_default();
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        for e in entries {
            let path = crate::fs::join(&dir, &e.name);
            path.hash(&mut h);
            if e.is_dir {
                todo.push(path);
            } else if let Ok(bytes) = fs.read(&path) {
                if !bytes.starts_with(crate::db::SQLITE_HEADER) {
                    bytes.hash(&mut h);
                }
            }
        }
    }
    h.finish()
}

/// The graph from the files alone (nothing marked current), and the revision map it came
/// from when the files could be read.
fn read_files(
    fs: &mut dyn FileSystem,
    project: &str,
    vars: &BTreeMap<String, String>,
) -> (HistoryView, Option<crate::script::revision::RevisionMap>) {
    super::with_env(fs, project, vars, |env| {
        let Some(config) = crate::command::inspect::config(env) else {
            let view = HistoryView {
                note: Some(NOTE_NO_INI.into()),
                ..HistoryView::default()
            };
            return (view, None);
        };
        match crate::command::inspect::revisions(env, &config) {
            Ok(map) => {
                let mut view = layout(&map);
                for node in &mut view.nodes {
                    let full = node.path.clone();
                    if let Ok(source) = env.fs.read_to_string(&full) {
                        node.upgrade = function_text(&source, "upgrade");
                        node.downgrade = function_text(&source, "downgrade");
                    }
                    node.path = full
                        .strip_prefix(project)
                        .map(|p| p.trim_start_matches('/').to_string())
                        .unwrap_or(full);
                }
                (view, Some(map))
            }
            Err(e) => {
                let view = HistoryView {
                    note: Some(e),
                    ..HistoryView::default()
                };
                (view, None)
            }
        }
    })
}

/// Marks the database's current revisions, and every revision they include, as applied.
fn mark(view: &mut HistoryView, map: &crate::script::revision::RevisionMap, current: &[String]) {
    let applied = map.ancestors(current);
    for node in &mut view.nodes {
        node.current = current.contains(&node.id);
        node.applied = applied.contains(&node.id);
    }
}

fn layout(map: &crate::script::revision::RevisionMap) -> HistoryView {
    let heads: Vec<String> = map.heads().into_iter().map(String::from).collect();
    let all: HashSet<String> = map.ancestors(&heads);
    if all.is_empty() {
        return HistoryView {
            note: Some(NOTE_NO_REVISIONS.into()),
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
            current: false,
            merge: map.is_merge_point(id),
            branch_point: map.is_branch_point(id),
            row,
            lane,
            path: rev.path.clone(),
            longdoc: rev.longdoc.clone(),
            depends_on: rev.depends_on.clone(),
            upgrade: String::new(),
            downgrade: String::new(),
            applied: false,
        });
    }
    HistoryView {
        nodes,
        lanes,
        note: None,
    }
}

/// A top-level `def name(...)` in a revision file, from its `def` line to the last line of
/// its body, as written (text only: the detail shows what the learner wrote, run or not).
fn function_text(source: &str, name: &str) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let start = lines.iter().position(|l| {
        l.strip_prefix("def ")
            .and_then(|rest| rest.strip_prefix(name))
            .is_some_and(|rest| rest.trim_start().starts_with('('))
    });
    let Some(start) = start else {
        return String::new();
    };
    // The body is every following line that is blank or indented; the signature may span
    // lines, so it ends at the first line back at column 0 after the `def` line's colon.
    let mut end = start + 1;
    while end < lines.len() {
        let l = lines[end];
        let at_column_0 = !l.trim().is_empty() && !l.starts_with([' ', '\t']);
        let closes_signature = l.starts_with(')');
        if at_column_0 && !closes_signature {
            break;
        }
        end += 1;
    }
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    lines[start..end].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_text_takes_the_def_and_its_body() {
        let src = "def upgrade() -> None:\n    op.create_table(\n        'a',\n    )\n\n    pass\n\n\ndef downgrade(\n    x=1,\n) -> None:\n    op.drop_table('a')\n";
        assert_eq!(
            function_text(src, "upgrade"),
            "def upgrade() -> None:\n    op.create_table(\n        'a',\n    )\n\n    pass"
        );
        assert_eq!(
            function_text(src, "downgrade"),
            "def downgrade(\n    x=1,\n) -> None:\n    op.drop_table('a')"
        );
        assert_eq!(function_text(src, "upgrades"), "");
        assert_eq!(function_text("", "upgrade"), "");
    }
}
