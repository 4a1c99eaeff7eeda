//! The revision map (`alembic/script/revision.py`): revisions linked by `down_revision` and
//! `depends_on`; heads and bases; identifier resolution (ids, prefixes, `head`, `base`,
//! branch labels, relative steps); and the revisions an upgrade, downgrade, stamp or history
//! walks, computed the way Alembic computes them, with its errors.

use std::cell::RefCell;
use std::collections::HashSet;

use indexmap::{IndexMap, IndexSet};

/// One revision script, as its module variables declare it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Revision {
    pub id: String,
    pub down: Vec<String>,
    pub depends_on: Vec<String>,
    pub branch_labels: Vec<String>,
    /// The labels it carries itself (`branch_labels` also has those inherited from its branch).
    pub own_labels: Vec<String>,
    /// The module docstring, stripped (`longdoc`).
    pub longdoc: String,
    pub path: String,
}

impl Revision {
    /// The first paragraph of the docstring, as log lines and `history` show it.
    pub fn doc(&self) -> &str {
        self.longdoc.split("\n\n").next().unwrap_or("")
    }
}

/// A failure of the revision map, as Alembic words it.
#[derive(Clone, Debug, PartialEq)]
pub enum MapError {
    /// `CommandError`: printed as `FAILED: <message>`, exit 255.
    Command(String),
    /// An identifier that names nothing: the command layer says
    /// `Can't locate revision identified by '<id>'`.
    Unresolved(String),
    /// A Python exception that escapes as a traceback (`KeyError: 'x'`).
    Exception { class: String, message: String },
    /// Building the map failed. `class` is the exception's qualified name, `frames` the
    /// revision.py frames it was raised through (recorded text). A `RevisionError`
    /// (`revision_error`) is `FAILED:` where Alembic catches it and a traceback elsewhere.
    Load {
        class: String,
        message: String,
        frames: String,
        revision_error: bool,
    },
}

/// The exceptions of revision.py, before `ScriptDirectory._catch_revision_errors` words them.
#[derive(Clone, Debug, PartialEq)]
pub enum RevError {
    RangeNotAncestor {
        lower: String,
        upper: String,
    },
    MultipleHeads {
        heads: Vec<String>,
        argument: String,
    },
    Resolution {
        message: String,
        argument: String,
    },
    Revision(String),
}

/// The messages `_catch_revision_errors` is given; `None` keeps its default wording.
#[derive(Default)]
pub struct Catch<'a> {
    pub ancestor: Option<&'a str>,
    pub multiple_heads: Option<&'a str>,
    pub start: Option<String>,
    pub end: Option<String>,
}

impl RevError {
    /// `_catch_revision_errors`: the `CommandError` message.
    pub fn word(self, c: &Catch<'_>) -> String {
        match self {
            RevError::RangeNotAncestor { lower, upper } => {
                let start = c.start.clone().unwrap_or(lower);
                let end = c.end.clone().unwrap_or(upper);
                c.ancestor
                    .unwrap_or("Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions along the same branch")
                    .replace("%(start)s", &start)
                    .replace("%(end)s", &end)
            }
            RevError::MultipleHeads { heads, argument } => c
                .multiple_heads
                .unwrap_or("Multiple head revisions are present for given argument '%(head_arg)s'; please specify a specific target revision, '<branchname>@%(head_arg)s' to narrow to a specific head, or 'heads' for all heads")
                .replace("%(head_arg)s", c.end.as_deref().unwrap_or(&argument))
                .replace("%(heads)s", &heads.join(", ")),
            RevError::Resolution { argument, .. } => {
                format!("Can't locate revision identified by '{argument}'")
            }
            RevError::Revision(m) => m,
        }
    }

    pub fn command(self, c: &Catch<'_>) -> MapError {
        MapError::Command(self.word(c))
    }
}

type R<T> = Result<T, RevError>;

/// What an identifier is, as Python sees it: a string (parsed for `@`, `head`, ...), a tuple
/// of revision ids, or `None`.
#[derive(Clone, Copy, Debug)]
pub enum Ident<'a> {
    Str(&'a str),
    Tuple(&'a [String]),
    None,
}

impl Ident<'_> {
    /// `util.to_tuple`.
    fn to_vec(self) -> Vec<String> {
        match self {
            Ident::Str(s) => vec![s.to_string()],
            Ident::Tuple(v) => v.to_vec(),
            Ident::None => Vec::new(),
        }
    }

    /// `%s` of the value, for messages.
    pub fn display(self) -> String {
        match self {
            Ident::Str(s) => s.to_string(),
            Ident::None => "None".into(),
            Ident::Tuple([one]) => format!("('{one}',)"),
            Ident::Tuple(v) => format!(
                "({})",
                v.iter()
                    .map(|s| format!("'{s}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn is_empty(self) -> bool {
        match self {
            Ident::Str(s) => s.is_empty(),
            Ident::Tuple(v) => v.is_empty(),
            Ident::None => true,
        }
    }
}

/// A revision, the `"base"` symbol, or `None`: what `get_revisions` and `_walk` give back.
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Rev(String),
    Base,
    Nothing,
}

impl Slot {
    fn id(&self) -> Option<&str> {
        match self {
            Slot::Rev(id) => Some(id),
            _ => None,
        }
    }
}

fn rev_ids(slots: &[Slot]) -> Vec<String> {
    slots
        .iter()
        .filter_map(|s| s.id().map(String::from))
        .collect()
}

/// One step of a stamp (`migration.StampStep`).
#[derive(Clone, Debug, PartialEq)]
pub struct StampStep {
    pub from: Vec<String>,
    pub to: Vec<String>,
    pub is_upgrade: bool,
    pub branch_move: bool,
}

/// What the map derives for each revision once all are known.
#[derive(Clone, Debug, Default)]
struct Links {
    /// `depends_on`, labels resolved to ids.
    resolved_deps: Vec<String>,
    /// Those not already a dependency of an ancestor.
    normalized_deps: Vec<String>,
    /// Children through `down_revision`.
    nextrev: Vec<String>,
    /// Children through `down_revision` or `depends_on`.
    all_nextrev: Vec<String>,
}

pub struct RevisionMap {
    pub revisions: IndexMap<String, Revision>,
    links: IndexMap<String, Links>,
    /// Branch label to the revision that declares it.
    labels: IndexMap<String, String>,
    /// Warnings to print, with the revision.py line Python names.
    warnings: RefCell<Vec<(u32, String)>>,
}

const EMPTY: &[String] = &[];

fn dedupe(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Python's `int()` on a revision token: an optional sign and ASCII digits.
fn py_int(s: &str) -> Option<i64> {
    let t = s.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return None;
    }
    t.replace('_', "").parse().ok()
}

/// `_relative_destination.match`: `[label@][symbol](+|-)digits`, anchored at the start only.
fn relative_destination(target: &str) -> Option<(Option<&str>, Option<&str>, &str)> {
    fn rest(r: &str) -> Option<(Option<&str>, &str)> {
        let word = r
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(r.len(), |(i, _)| i);
        let after = &r[word..];
        let sign = after.chars().next().filter(|c| *c == '+' || *c == '-')?;
        let digits = after[1..]
            .char_indices()
            .find(|(_, c)| !c.is_ascii_digit())
            .map_or(after.len() - 1, |(i, _)| i);
        if digits == 0 {
            return None;
        }
        let _ = sign;
        Some(((word > 0).then(|| &r[..word]), &after[..1 + digits]))
    }
    for (at, _) in target.match_indices('@') {
        if at == 0 || target[..at].contains('\n') {
            continue;
        }
        if let Some((symbol, rel)) = rest(&target[at + 1..]) {
            return Some((Some(&target[..at]), symbol, rel));
        }
    }
    rest(target).map(|(symbol, rel)| (None, symbol, rel))
}

/// Where revision.py raised what the map's construction raised (recorded frames).
const FRAMES_KEY_ERROR: &str = "  File \"{site}/alembic/script/revision.py\", line 240, in _revision_map\n    down_revision = map_[downrev]\n                    ~~~~^^^^^^^^^\n";
const FRAMES_DEP_KEY_ERROR: &str = "  File \"{site}/alembic/script/revision.py\", line 233, in _revision_map\n    self._add_depends_on(all_revisions, cast(_RevisionMapType, map_))\n  File \"{site}/alembic/script/revision.py\", line 378, in _add_depends_on\n    deps = [\n           ^\n  File \"{site}/alembic/script/revision.py\", line 379, in <listcomp>\n    map_[dep] for dep in util.to_tuple(revision.dependencies)\n    ~~~~^^^^^\n";
const FRAMES_NO_HEADS: &str = "  File \"{site}/alembic/script/revision.py\", line 250, in _revision_map\n    self._detect_cycles(rev_map, heads, bases, _real_heads, _real_bases)\n  File \"{site}/alembic/script/revision.py\", line 273, in _detect_cycles\n    raise CycleDetected(list(rev_map))\n";
const FRAMES_CYCLE: &str = "  File \"{site}/alembic/script/revision.py\", line 250, in _revision_map\n    self._detect_cycles(rev_map, heads, bases, _real_heads, _real_bases)\n  File \"{site}/alembic/script/revision.py\", line 292, in _detect_cycles\n    raise CycleDetected(sorted(deleted_revs))\n";
const FRAMES_DEP_CYCLE: &str = "  File \"{site}/alembic/script/revision.py\", line 295, in _detect_cycles\n    raise DependencyCycleDetected(list(rev_map))\n";
const FRAMES_BRANCH_NAME: &str = "  File \"{site}/alembic/script/revision.py\", line 225, in _revision_map\n    self._map_branch_labels(\n  File \"{site}/alembic/script/revision.py\", line 324, in _map_branch_labels\n    raise RevisionError(\n";
const FRAMES_LOOP: &str = "  File \"{site}/alembic/script/revision.py\", line 204, in _revision_map\n    for revision in self._generator():\n  File \"{site}/alembic/script/base.py\", line 149, in _load_revisions\n    script = Script._from_path(self, real_path)\n             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"{site}/alembic/script/base.py\", line 1057, in _from_path\n    return Script(module, revision, dir_ / filename)\n           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"{site}/alembic/script/base.py\", line 812, in __init__\n    super().__init__(\n  File \"{site}/alembic/script/revision.py\", line 1592, in __init__\n    raise LoopDetected(revision)\n";
const FRAMES_DEP_LOOP: &str = "  File \"{site}/alembic/script/revision.py\", line 204, in _revision_map\n    for revision in self._generator():\n  File \"{site}/alembic/script/base.py\", line 149, in _load_revisions\n    script = Script._from_path(self, real_path)\n             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"{site}/alembic/script/base.py\", line 1057, in _from_path\n    return Script(module, revision, dir_ / filename)\n           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File \"{site}/alembic/script/base.py\", line 812, in __init__\n    super().__init__(\n  File \"{site}/alembic/script/revision.py\", line 1596, in __init__\n    raise DependencyLoopDetected(revision)\n";

fn load_error(class: &str, message: String, frames: &str, revision_error: bool) -> MapError {
    MapError::Load {
        class: class.to_string(),
        message,
        frames: frames.to_string(),
        revision_error,
    }
}

impl RevisionMap {
    /// Builds the map from revisions in file order, with Alembic's checks (in its order) for
    /// self-loops, reused branch labels, missing parents and cycles. Warnings Alembic prints
    /// while building are returned with the result, as they print even when it fails.
    pub fn build(list: Vec<Revision>) -> (Result<RevisionMap, MapError>, Vec<(u32, String)>) {
        let mut warnings = Vec::new();
        let result = Self::build_inner(list, &mut warnings);
        (result, warnings)
    }

    fn build_inner(
        list: Vec<Revision>,
        warnings: &mut Vec<(u32, String)>,
    ) -> Result<RevisionMap, MapError> {
        let mut revisions: IndexMap<String, Revision> = IndexMap::new();
        for mut r in list {
            if r.down.contains(&r.id) {
                return Err(load_error(
                    "alembic.script.revision.LoopDetected",
                    format!("Self-loop is detected in revisions ({})", r.id),
                    FRAMES_LOOP,
                    true,
                ));
            }
            if r.depends_on.contains(&r.id) {
                return Err(load_error(
                    "alembic.script.revision.DependencyLoopDetected",
                    format!("Dependency self-loop is detected in revisions ({})", r.id),
                    FRAMES_DEP_LOOP,
                    true,
                ));
            }
            if revisions.contains_key(&r.id) {
                warnings.push((208, format!("Revision {} is present more than once", r.id)));
            }
            r.own_labels = dedupe(r.branch_labels.iter().cloned());
            r.branch_labels = r.own_labels.clone();
            revisions.insert(r.id.clone(), r);
        }
        let mut labels: IndexMap<String, String> = IndexMap::new();
        for r in revisions.values() {
            for l in &r.own_labels {
                let used = labels
                    .get(l)
                    .cloned()
                    .or_else(|| revisions.contains_key(l).then(|| l.clone()));
                if let Some(other) = used {
                    return Err(load_error(
                        "alembic.script.revision.RevisionError",
                        format!(
                            "Branch name '{l}' in revision {} already used by revision {other}",
                            r.id
                        ),
                        FRAMES_BRANCH_NAME,
                        true,
                    ));
                }
                labels.insert(l.clone(), r.id.clone());
            }
        }
        let mut links: IndexMap<String, Links> = IndexMap::new();
        for r in revisions.values() {
            let mut resolved = Vec::new();
            for d in &r.depends_on {
                match revisions
                    .get(d)
                    .map(|r| r.id.clone())
                    .or_else(|| labels.get(d).cloned())
                {
                    Some(id) => resolved.push(id),
                    None => {
                        return Err(load_error(
                            "KeyError",
                            d.clone(),
                            FRAMES_DEP_KEY_ERROR,
                            false,
                        ))
                    }
                }
            }
            links.insert(
                r.id.clone(),
                Links {
                    resolved_deps: resolved,
                    ..Default::default()
                },
            );
        }
        let mut map = RevisionMap {
            revisions,
            links,
            labels,
            warnings: RefCell::new(Vec::new()),
        };
        let ids: Vec<String> = map.revisions.keys().cloned().collect();
        for id in &ids {
            for d in map.all_down(id) {
                if !map.revisions.contains_key(&d) {
                    warnings.push((
                        236,
                        format!(
                            "Revision {d} referenced from {} is not present",
                            map.str_of(id)
                        ),
                    ));
                    return Err(load_error("KeyError", d.clone(), FRAMES_KEY_ERROR, false));
                }
                let versioned = map.revisions[id].down.contains(&d);
                let l = map.links.get_mut(&d).expect("checked");
                if !l.all_nextrev.contains(id) {
                    l.all_nextrev.push(id.clone());
                }
                if versioned && !l.nextrev.contains(id) {
                    l.nextrev.push(id.clone());
                }
            }
        }
        for id in &ids {
            let resolved = map.links[id].resolved_deps.clone();
            if resolved.is_empty() {
                continue;
            }
            let mut covered: HashSet<String> = HashSet::new();
            for a in map.ancestor_nodes(std::slice::from_ref(id), false) {
                if a != *id {
                    covered.extend(map.links[&a].resolved_deps.iter().cloned());
                }
            }
            map.links.get_mut(id).expect("listed").normalized_deps = resolved
                .into_iter()
                .filter(|d| !covered.contains(d))
                .collect();
        }
        map.detect_cycles()?;
        map.add_branches();
        Ok(map)
    }

    /// `Script.__str__`, as the missing-parent warning shows a revision.
    fn str_of(&self, id: &str) -> String {
        let r = &self.revisions[id];
        let down = if r.down.is_empty() {
            "<base>".to_string()
        } else {
            r.down.join(", ")
        };
        format!(
            "{down} -> {id}{}{}{}, {}",
            if self.children(id).is_empty() {
                " (head)"
            } else {
                ""
            },
            if self.is_branch_point(id) {
                " (branchpoint)"
            } else {
                ""
            },
            if self.is_merge_point(id) {
                " (mergepoint)"
            } else {
                ""
            },
            r.doc()
        )
    }

    fn detect_cycles(&self) -> Result<(), MapError> {
        if self.revisions.is_empty() {
            return Ok(());
        }
        let all: Vec<String> = self.revisions.keys().cloned().collect();
        let heads: Vec<String> = self.heads().into_iter().map(String::from).collect();
        let bases: Vec<String> = self.bases().into_iter().map(String::from).collect();
        if heads.is_empty() || bases.is_empty() {
            return Err(load_error(
                "alembic.script.revision.CycleDetected",
                format!("Cycle is detected in revisions ({})", all.join(", ")),
                FRAMES_NO_HEADS,
                true,
            ));
        }
        let up: HashSet<String> = self
            .related(&heads, |_, r| self.revisions[r].down.clone())
            .into_iter()
            .collect();
        let down: HashSet<String> = self
            .related(&bases, |l, _| {
                l.map(|l| l.nextrev.clone()).unwrap_or_default()
            })
            .into_iter()
            .collect();
        let mut lost: Vec<String> = all
            .iter()
            .filter(|r| !(up.contains(*r) && down.contains(*r)))
            .cloned()
            .collect();
        if !lost.is_empty() {
            lost.sort();
            return Err(load_error(
                "alembic.script.revision.CycleDetected",
                format!("Cycle is detected in revisions ({})", lost.join(", ")),
                FRAMES_CYCLE,
                true,
            ));
        }
        let real_heads = self.real_heads();
        let real_bases: Vec<String> = self
            .revisions
            .values()
            .filter(|r| r.down.is_empty() && r.depends_on.is_empty())
            .map(|r| r.id.clone())
            .collect();
        let dep_cycle = |revs: Vec<String>| {
            load_error(
                "alembic.script.revision.DependencyCycleDetected",
                format!(
                    "Dependency cycle is detected in revisions ({})",
                    revs.join(", ")
                ),
                FRAMES_DEP_CYCLE,
                true,
            )
        };
        if real_heads.is_empty() || real_bases.is_empty() {
            return Err(dep_cycle(all));
        }
        let up: HashSet<String> = self
            .related(&real_heads, |_, r| self.all_down(r))
            .into_iter()
            .collect();
        let down: HashSet<String> = self
            .related(&real_bases, |l, _| {
                l.map(|l| l.all_nextrev.clone()).unwrap_or_default()
            })
            .into_iter()
            .collect();
        let mut lost: Vec<String> = all
            .iter()
            .filter(|r| !(up.contains(*r) && down.contains(*r)))
            .cloned()
            .collect();
        if !lost.is_empty() {
            lost.sort();
            return Err(dep_cycle(lost));
        }
        Ok(())
    }

    /// Alembic's `_add_branches`: a label spreads to every descendant of the revision that
    /// declares it, then down from the last descendant walked until a branch or merge point.
    fn add_branches(&mut self) {
        let ids: Vec<String> = self.revisions.keys().cloned().collect();
        for id in &ids {
            let own = self.revisions[id].own_labels.clone();
            if own.is_empty() {
                continue;
            }
            let nodes = self.descendant_nodes(std::slice::from_ref(id), false, false);
            for n in &nodes {
                add_labels(&mut self.revisions, n, &own);
            }
            let Some(mut parent) = nodes.last().cloned() else {
                continue;
            };
            loop {
                let real_branch_point = self.links[&parent].all_nextrev.len() > 1;
                if real_branch_point || self.is_merge_point(&parent) {
                    break;
                }
                add_labels(&mut self.revisions, &parent, &own);
                match self.revisions[&parent].down.first() {
                    Some(d) => parent = d.clone(),
                    None => break,
                }
            }
        }
    }

    /// Down revisions and resolved dependencies (`_all_down_revisions`).
    fn all_down(&self, id: &str) -> Vec<String> {
        let Some(r) = self.revisions.get(id) else {
            return Vec::new();
        };
        let deps = self.links.get(id).map_or(EMPTY, |l| &l.resolved_deps);
        dedupe(r.down.iter().chain(deps).cloned())
    }

    /// Down revisions and the dependencies no ancestor already has
    /// (`_normalized_down_revisions`).
    fn normalized_down(&self, id: &str) -> Vec<String> {
        let Some(r) = self.revisions.get(id) else {
            return Vec::new();
        };
        let deps = self.links.get(id).map_or(EMPTY, |l| &l.normalized_deps);
        dedupe(r.down.iter().chain(deps).cloned())
    }

    /// Warnings raised since the last call (Python's `UserWarning` lines).
    pub fn take_warnings(&self) -> Vec<(u32, String)> {
        std::mem::take(&mut self.warnings.borrow_mut())
    }

    pub fn get(&self, id: &str) -> Option<&Revision> {
        self.revisions.get(id)
    }

    /// Revisions no other revision names as `down_revision`, in file order.
    pub fn heads(&self) -> Vec<&str> {
        self.revisions
            .keys()
            .filter(|k| self.children(k).is_empty())
            .map(String::as_str)
            .collect()
    }

    /// Heads counting `depends_on` too (`_real_heads`).
    pub fn real_heads(&self) -> Vec<String> {
        self.revisions
            .keys()
            .filter(|k| self.links.get(*k).is_none_or(|l| l.all_nextrev.is_empty()))
            .cloned()
            .collect()
    }

    pub fn is_real_head(&self, id: &str) -> bool {
        self.links.get(id).is_none_or(|l| l.all_nextrev.is_empty())
    }

    pub fn bases(&self) -> Vec<&str> {
        self.revisions
            .values()
            .filter(|r| r.down.is_empty())
            .map(|r| r.id.as_str())
            .collect()
    }

    /// Children through `down_revision`, in file order.
    pub fn children(&self, id: &str) -> &[String] {
        self.links.get(id).map_or(EMPTY, |l| &l.nextrev)
    }

    pub fn is_branch_point(&self, id: &str) -> bool {
        self.children(id).len() > 1
    }

    pub fn is_merge_point(&self, id: &str) -> bool {
        self.get(id).is_some_and(|r| r.down.len() > 1)
    }

    /// Every ancestor of `ids`, themselves included, through `down_revision` and `depends_on`.
    pub fn ancestors(&self, ids: &[String]) -> HashSet<String> {
        self.ancestor_nodes(ids, true).into_iter().collect()
    }

    /// `_iterate_related_revisions`: a depth-first walk from each target, in Alembic's order.
    fn related(
        &self,
        targets: &[String],
        next: impl Fn(Option<&Links>, &str) -> Vec<String>,
    ) -> Vec<String> {
        let mut seen: HashSet<String> = HashSet::new();
        let mut out = Vec::new();
        for t in targets {
            let mut todo = vec![t.clone()];
            while let Some(rev) = todo.pop() {
                if !seen.insert(rev.clone()) {
                    continue;
                }
                for n in next(self.links.get(&rev), &rev) {
                    if self.revisions.contains_key(&n) {
                        todo.push(n);
                    }
                }
                out.push(rev);
            }
        }
        out
    }

    /// `_iterate_related_revisions(check=True)`: fails when one target reaches another.
    fn related_checked(
        &self,
        targets: &[String],
        next: impl Fn(Option<&Links>, &str) -> Vec<String>,
    ) -> R<Vec<String>> {
        let mut seen: HashSet<String> = HashSet::new();
        let mut out = Vec::new();
        for t in targets {
            let mut todo = vec![t.clone()];
            let mut per_target: HashSet<String> = HashSet::new();
            while let Some(rev) = todo.pop() {
                per_target.insert(rev.clone());
                if !seen.insert(rev.clone()) {
                    continue;
                }
                for n in next(self.links.get(&rev), &rev) {
                    if self.revisions.contains_key(&n) {
                        todo.push(n);
                    }
                }
                out.push(rev);
            }
            let overlaps: Vec<&String> = targets
                .iter()
                .filter(|o| *o != t && per_target.contains(*o))
                .collect();
            if !overlaps.is_empty() {
                return Err(RevError::Revision(format!(
                    "Requested revision {t} overlaps with other requested revisions {}",
                    overlaps
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        Ok(out)
    }

    fn ancestor_nodes(&self, targets: &[String], include_deps: bool) -> Vec<String> {
        if include_deps {
            self.related(targets, |_, r| self.normalized_down(r))
        } else {
            self.related(targets, |_, r| {
                self.revisions
                    .get(r)
                    .map(|r| r.down.clone())
                    .unwrap_or_default()
            })
        }
    }

    fn descendant_nodes(&self, targets: &[String], include_deps: bool, check: bool) -> Vec<String> {
        let next = |l: Option<&Links>, _: &str| -> Vec<String> {
            l.map(|l| {
                if include_deps {
                    l.all_nextrev.clone()
                } else {
                    l.nextrev.clone()
                }
            })
            .unwrap_or_default()
        };
        if check {
            self.related_checked(targets, next).unwrap_or_default()
        } else {
            self.related(targets, next)
        }
    }

    /// The id a map key names: a revision id or a branch label.
    fn key(&self, k: &str) -> Option<String> {
        if self.revisions.contains_key(k) {
            return Some(k.to_string());
        }
        self.labels.get(k).cloned()
    }

    /// A revision by full id, unique prefix or branch label (`get_revision`).
    pub fn lookup(&self, ident: &str) -> Result<String, MapError> {
        match self.get_revision(Ident::Str(ident)) {
            Ok(Slot::Rev(id)) => Ok(id),
            Ok(_) => Err(MapError::Unresolved(ident.to_string())),
            Err(e) => Err(e.command(&Catch::default())),
        }
    }

    fn get_current_head(&self, branch_label: Option<&str>) -> R<Option<String>> {
        let mut heads: Vec<String> = self.heads().into_iter().map(String::from).collect();
        if let Some(b) = branch_label {
            heads = self.filter_for_lineage(&heads, Ident::Str(b), false)?;
        }
        if heads.len() > 1 {
            return Err(RevError::MultipleHeads {
                argument: match branch_label {
                    Some(b) => format!("{b}@head"),
                    None => "head".into(),
                },
                heads,
            });
        }
        Ok(heads.into_iter().next())
    }

    fn resolve_revision_number(&self, id: Ident<'_>) -> R<(Vec<String>, Option<String>)> {
        let (label, rest) = match id {
            Ident::Str(s) => match s.split_once('@') {
                Some((b, r)) => (Some(b).filter(|b| !b.is_empty()), r),
                None => (None, s),
            },
            Ident::Tuple(v) => return Ok((v.to_vec(), None)),
            Ident::None => return Ok((Vec::new(), None)),
        };
        let ids = match rest {
            "heads" => match label {
                Some(b) => {
                    let heads: Vec<String> = self.heads().into_iter().map(String::from).collect();
                    self.filter_for_lineage(&heads, Ident::Str(b), false)?
                }
                None => self.real_heads(),
            },
            "head" => self.get_current_head(label)?.into_iter().collect(),
            "base" => Vec::new(),
            other => vec![other.to_string()],
        };
        Ok((ids, label.map(String::from)))
    }

    fn get_revisions(&self, id: Ident<'_>) -> R<Vec<Slot>> {
        if let Ident::Tuple(v) = id {
            let mut out = Vec::new();
            for i in v {
                out.extend(self.get_revisions(Ident::Str(i))?);
            }
            return Ok(out);
        }
        let (resolved, label) = self.resolve_revision_number(id)?;
        if let [one] = resolved.as_slice() {
            if let Some(n) = py_int(one).filter(|n| *n < 0) {
                // `branch@-n`: walk down from the heads.
                let heads = rev_ids(&self.get_revisions(Ident::Str("heads"))?);
                let mut out = Vec::new();
                for h in heads {
                    if let Some(b) = &label {
                        if !self.revisions[&h].branch_labels.contains(b) {
                            continue;
                        }
                    }
                    out.push(self.walk(Slot::Rev(h), n, None, true)?);
                }
                return Ok(out);
            }
        }
        resolved
            .iter()
            .map(|r| {
                self.revision_for_ident(Some(r), label.as_deref())
                    .map(|o| o.map_or(Slot::Nothing, Slot::Rev))
            })
            .collect()
    }

    fn get_revision(&self, id: Ident<'_>) -> R<Slot> {
        let (resolved, label) = self.resolve_revision_number(id)?;
        if resolved.len() > 1 {
            return Err(RevError::MultipleHeads {
                heads: resolved,
                argument: id.display(),
            });
        }
        Ok(self
            .revision_for_ident(resolved.first().map(String::as_str), label.as_deref())?
            .map_or(Slot::Nothing, Slot::Rev))
    }

    fn resolve_branch(&self, label: &str) -> R<String> {
        if let Some(id) = self.key(label) {
            return Ok(id);
        }
        match self.revision_for_ident(Some(label), None) {
            Ok(Some(id)) => Ok(id),
            Ok(None) | Err(RevError::Resolution { .. }) => Err(RevError::Resolution {
                message: format!("No such branch: '{label}'"),
                argument: label.to_string(),
            }),
            Err(e) => Err(e),
        }
    }

    fn revision_for_ident(
        &self,
        resolved: Option<&str>,
        branch: Option<&str>,
    ) -> R<Option<String>> {
        let branch_rev = match branch {
            Some(b) => Some(self.resolve_branch(b)?),
            None => None,
        };
        let Some(ident) = resolved else {
            return Ok(None);
        };
        let revision = match self.key(ident) {
            Some(id) => id,
            None => {
                let mut revs: Vec<String> = self
                    .revisions
                    .keys()
                    .chain(self.labels.keys())
                    .filter(|k| k.len() > 3 && k.starts_with(ident))
                    .cloned()
                    .collect();
                if let (Some(_), Some(b)) = (&branch_rev, branch) {
                    revs = self.filter_for_lineage(&revs, Ident::Str(b), false)?;
                }
                match revs.as_slice() {
                    [] => {
                        return Err(RevError::Resolution {
                            message: format!(
                                "No such revision or branch '{ident}'{}",
                                if ident.chars().count() < 4 {
                                    "; please ensure at least four characters are present for partial revision identifier matches"
                                } else {
                                    ""
                                }
                            ),
                            argument: ident.to_string(),
                        })
                    }
                    [one] => self.key(one).unwrap_or_else(|| one.clone()),
                    many => {
                        return Err(RevError::Resolution {
                            message: format!(
                                "Multiple revisions start with '{ident}': {}...",
                                many.iter()
                                    .take(3)
                                    .map(|r| format!("'{r}'"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            argument: ident.to_string(),
                        })
                    }
                }
            }
        };
        if let (Some(b), Some(branch_id)) = (branch, &branch_rev) {
            if !self.shares_lineage(&revision, std::slice::from_ref(branch_id), false)? {
                return Err(RevError::Resolution {
                    message: format!("Revision {revision} is not a member of branch '{b}'"),
                    argument: ident.to_string(),
                });
            }
        }
        Ok(Some(revision))
    }

    fn filter_for_lineage(
        &self,
        targets: &[String],
        check_against: Ident<'_>,
        include_deps: bool,
    ) -> R<Vec<String>> {
        let (ids, label) = self.resolve_revision_number(check_against)?;
        let shares: Vec<String> = label.into_iter().chain(ids).collect();
        let mut out = Vec::new();
        for t in targets {
            if self.shares_lineage(t, &shares, include_deps)? {
                out.push(t.clone());
            }
        }
        Ok(out)
    }

    fn shares_lineage(&self, target: &str, against: &[String], include_deps: bool) -> R<bool> {
        if against.is_empty() {
            return Ok(true);
        }
        let Some(t) = self.revision_for_ident(Some(target), None)? else {
            return Ok(false);
        };
        let mut others = Vec::new();
        for a in against {
            if let Some(id) = self.revision_for_ident(Some(a), None)? {
                others.push(id);
            }
        }
        let one = std::slice::from_ref(&t);
        Ok(self
            .descendant_nodes(one, include_deps, false)
            .into_iter()
            .chain(self.ancestor_nodes(one, include_deps))
            .any(|r| others.contains(&r)))
    }

    /// `_walk`: `steps` up (positive) or down (negative) from `start`; `Nothing` past the end
    /// when `no_overwalk`.
    fn walk(&self, start: Slot, steps: i64, label: Option<&str>, no_overwalk: bool) -> R<Slot> {
        let mut initial = start;
        for _ in 0..steps.unsigned_abs() {
            let children: Vec<Slot> = if steps > 0 {
                let up: Vec<String> = match &initial {
                    Slot::Nothing => self.bases().into_iter().map(String::from).collect(),
                    Slot::Rev(id) => self.children(id).to_vec(),
                    Slot::Base => return Err(RevError::Revision("Ambiguous walk".into())),
                };
                let up = match label {
                    Some(b) => self.filter_for_lineage(&up, Ident::Str(b), false)?,
                    None => up,
                };
                up.into_iter().map(Slot::Rev).collect()
            } else {
                match &initial {
                    Slot::Base => Vec::new(),
                    Slot::Nothing => {
                        let heads: Vec<String> =
                            self.heads().into_iter().map(String::from).collect();
                        let c = self.get_revisions(Ident::Tuple(&heads))?;
                        if c.is_empty() {
                            vec![Slot::Base]
                        } else {
                            c
                        }
                    }
                    Slot::Rev(id) => {
                        let down = self.revisions[id].down.clone();
                        let c = match down.as_slice() {
                            [] => Vec::new(),
                            [one] => self.get_revisions(Ident::Str(one))?,
                            many => self.get_revisions(Ident::Tuple(many))?,
                        };
                        if c.is_empty() {
                            vec![Slot::Base]
                        } else {
                            c
                        }
                    }
                }
            };
            match children.as_slice() {
                [] => return Ok(if no_overwalk { Slot::Nothing } else { initial }),
                [one] => initial = one.clone(),
                _ => return Err(RevError::Revision("Ambiguous walk".into())),
            }
        }
        Ok(initial)
    }

    fn warn(&self, line: u32, message: &str) {
        self.warnings.borrow_mut().push((line, message.to_string()));
    }

    fn parse_downgrade_target(
        &self,
        current: Ident<'_>,
        target: Option<&str>,
        assert_relative_length: bool,
    ) -> R<(Option<String>, Slot)> {
        let Some(target) = target else {
            return Ok((None, Slot::Nothing));
        };
        if let Some((label, symbol, relative)) = relative_destination(target) {
            let rel = py_int(relative).unwrap_or(0);
            let not_produced = || {
                RevError::Revision(format!(
                    "Relative revision {relative} didn't produce {} migrations",
                    rel.abs()
                ))
            };
            if rel >= 0 {
                let Some(symbol) = symbol else {
                    return Err(not_produced());
                };
                let start = self.get_revision(Ident::Str(symbol))?;
                let rev = self.walk(start, rel, label, assert_relative_length)?;
                if rev == Slot::Nothing {
                    return Err(RevError::Revision("Walked too far".into()));
                }
                return Ok((label.map(String::from), rev));
            }
            let relative_revision = symbol.is_none();
            let mut label = label.map(String::from);
            let symbol = match symbol {
                Some(s) => s.to_string(),
                None => {
                    let cr = current.to_vec();
                    if let Some(b) = &label {
                        let mut list = self.filter_for_lineage(&cr, Ident::Str(b), false)?;
                        if list.is_empty() {
                            let all = self.all_current(&cr)?;
                            list = self.filter_for_lineage(&all, Ident::Str(b), false)?;
                        }
                        match list.as_slice() {
                            [one] => one.clone(),
                            _ => return Err(not_produced()),
                        }
                    } else {
                        if cr.is_empty() {
                            return Err(not_produced());
                        }
                        if cr.iter().collect::<HashSet<_>>().len() > 1 {
                            self.warn(
                                1168,
                                "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.",
                            );
                        }
                        // Restrict the walk to the selected branch.
                        label = Some(cr[0].clone());
                        cr[0].clone()
                    }
                }
            };
            let start = match &label {
                None => self.get_revision(Ident::Str(&symbol))?,
                Some(b) => self.get_revision(Ident::Str(&format!("{b}@{symbol}")))?,
            };
            let rev = self.walk(start, rel, None, assert_relative_length)?;
            if rev == Slot::Nothing {
                return Err(if relative_revision {
                    not_produced()
                } else {
                    RevError::Revision("Walked too far".into())
                });
            }
            return Ok((label, rev));
        }
        let (label, symbol) = match target.rsplit_once('@') {
            Some((b, s)) => (Some(b.to_string()).filter(|b| !b.is_empty()), s),
            None => (None, target),
        };
        Ok((label, self.get_revision(Ident::Str(symbol))?))
    }

    fn parse_upgrade_target(
        &self,
        current: Ident<'_>,
        target: Ident<'_>,
        assert_relative_length: bool,
    ) -> R<Vec<Slot>> {
        let m = match target {
            Ident::Str(t) => relative_destination(t),
            _ => None,
        };
        let Some((label, symbol, relative_str)) = m else {
            return self.get_revisions(target);
        };
        let relative = py_int(relative_str).unwrap_or(0);
        if relative > 0 {
            let Some(symbol) = symbol else {
                let cur: Vec<String> = current.to_vec();
                let mut start_revs: Vec<Option<String>> = if cur.is_empty() {
                    vec![None]
                } else {
                    cur.iter().cloned().map(Some).collect()
                };
                if let Some(b) = label {
                    let present = rev_ids(&self.get_revisions(Ident::Tuple(&cur))?);
                    let on_branch = self.filter_for_lineage(&present, Ident::Str(b), false)?;
                    start_revs = on_branch.into_iter().map(Some).collect();
                    if start_revs.is_empty() {
                        // The branch is not at a head: back up to where it left the
                        // revisions the database has.
                        let below = self.ancestor_nodes(&present, true);
                        let active = self.filter_for_lineage(&below, Ident::Str(b), false)?;
                        let downs: HashSet<String> = active
                            .iter()
                            .flat_map(|r| self.normalized_down(r))
                            .collect();
                        start_revs = active
                            .into_iter()
                            .filter(|r| !downs.contains(r))
                            .map(Some)
                            .collect();
                        if start_revs.is_empty() {
                            start_revs = vec![None];
                        }
                    }
                }
                if start_revs.len() > 1 {
                    return Err(RevError::Revision(
                        "Ambiguous upgrade from multiple current revisions".into(),
                    ));
                }
                let start = match &start_revs[0] {
                    Some(s) => self.get_revision(Ident::Str(s))?,
                    None => Slot::Nothing,
                };
                let rev = self.walk(start, relative, label, assert_relative_length)?;
                if rev == Slot::Nothing {
                    return Err(RevError::Revision(format!(
                        "Relative revision {relative_str} didn't produce {} migrations",
                        relative.abs()
                    )));
                }
                return Ok(vec![rev]);
            };
            let start = self.get_revision(Ident::Str(symbol))?;
            return Ok(vec![self.walk(
                start,
                relative,
                label,
                assert_relative_length,
            )?]);
        }
        let Some(symbol) = symbol else {
            return Err(RevError::Revision(format!(
                "Relative revision {relative} didn't produce {} migrations",
                relative.abs()
            )));
        };
        let start = match label {
            None => self.get_revision(Ident::Str(symbol))?,
            Some(b) => self.get_revision(Ident::Str(&format!("{b}@{symbol}")))?,
        };
        Ok(vec![self.walk(
            start,
            relative,
            None,
            assert_relative_length,
        )?])
    }

    fn collect_downgrade(
        &self,
        upper: Ident<'_>,
        lower: Option<&str>,
        inclusive: bool,
        implicit_base: bool,
        assert_relative_length: bool,
    ) -> R<(HashSet<String>, Vec<String>)> {
        let (label, target) = self.parse_downgrade_target(upper, lower, assert_relative_length)?;
        let target = target.id().map(String::from);
        let mut roots: Vec<String> = match &target {
            None => self.bases().into_iter().map(String::from).collect(),
            Some(t) if inclusive => vec![t.clone()],
            Some(t) => rev_ids(&self.get_revisions(Ident::Tuple(self.children(t)))?),
        };
        if let (Some(b), true) = (&label, roots.len() > 1) {
            let branch = self.resolve_branch(b)?;
            let ancestors: HashSet<String> = self
                .ancestor_nodes(std::slice::from_ref(&branch), false)
                .into_iter()
                .collect();
            roots.retain(|r| ancestors.contains(r));
            if roots.is_empty() {
                return Err(RevError::Revision(
                    "Not a valid downgrade target from current heads".into(),
                ));
            }
        }
        let heads = rev_ids(&self.get_revisions(upper)?);
        let active: HashSet<String> = self.ancestor_nodes(&heads, true).into_iter().collect();
        let mut todo: HashSet<String> = self
            .descendant_nodes(&roots, true, false)
            .into_iter()
            .filter(|r| active.contains(r))
            .collect();
        if implicit_base {
            let below: HashSet<String> = self.ancestor_nodes(&roots, true).into_iter().collect();
            todo.extend(active.iter().filter(|r| !below.contains(*r)).cloned());
        }
        if let Some(t) = &target {
            if todo.is_empty() && !heads.contains(t) {
                return Err(RevError::RangeNotAncestor {
                    lower: "Nothing to drop".into(),
                    upper: upper.display(),
                });
            }
        }
        Ok((todo, heads))
    }

    fn collect_upgrade(
        &self,
        upper: Ident<'_>,
        lower: Ident<'_>,
        inclusive: bool,
        implicit_base: bool,
        assert_relative_length: bool,
    ) -> R<(HashSet<String>, Vec<String>)> {
        let mut targets =
            rev_ids(&self.parse_upgrade_target(lower, upper, assert_relative_length)?);
        if let Ident::Str(l) = lower {
            if let Some((branch, _)) = l.split_once('@') {
                let mut branch = branch.to_string();
                if let Slot::Rev(r) = self.get_revision(Ident::Str(&branch))? {
                    if r == branch {
                        if let [only] = self.revisions[&r].branch_labels.as_slice() {
                            branch = only.clone();
                        }
                    }
                }
                targets.retain(|t| self.revisions[t].branch_labels.contains(&branch));
            }
        }
        let mut required: IndexSet<String> = self
            .related_checked(&targets, |_, r| self.normalized_down(r))?
            .into_iter()
            .collect();
        required.extend(targets.iter().cloned());
        let mut current = self.get_revisions(lower)?;
        if !implicit_base
            && current
                .iter()
                .filter_map(Slot::id)
                .any(|r| !required.contains(r))
        {
            return Err(RevError::RangeNotAncestor {
                lower: lower.display(),
                upper: upper.display(),
            });
        }
        let mut lower_ids: Option<Vec<String>> = None;
        if current.first() == Some(&Slot::Nothing) {
            // A relative lower bound: `get_revisions` cannot place it, a downgrade walk can.
            let l = match lower {
                Ident::Str(s) => Some(s),
                _ => None,
            };
            let (_, rev) = self.parse_downgrade_target(upper, l, assert_relative_length)?;
            match rev {
                Slot::Rev(id) => {
                    lower_ids = Some(vec![id.clone()]);
                    current = vec![Slot::Rev(id)];
                }
                _ => {
                    lower_ids = Some(Vec::new());
                    current = Vec::new();
                }
            }
        }
        let current = rev_ids(&current);
        let mut have: HashSet<String> = self
            .related_checked(&current, |_, r| self.normalized_down(r))?
            .into_iter()
            .collect();
        have.extend(current.iter().cloned());
        let mut needs: HashSet<String> =
            required.into_iter().filter(|r| !have.contains(r)).collect();
        if inclusive {
            let lower_revs = match &lower_ids {
                Some(ids) => ids.clone(),
                None => rev_ids(&self.get_revisions(lower)?),
            };
            needs.extend(lower_revs);
        }
        if !current.is_empty() && !implicit_base {
            let above: HashSet<String> = self
                .related_checked(&current, |l, _| {
                    l.map(|l| l.nextrev.clone()).unwrap_or_default()
                })?
                .into_iter()
                .collect();
            needs.retain(|r| above.contains(r));
        }
        Ok((needs, targets))
    }

    fn all_current(&self, ids: &[String]) -> R<Vec<String>> {
        let top = rev_ids(&self.get_revisions(Ident::Tuple(ids))?);
        let mut all: Vec<String> = top.clone();
        for a in self.ancestor_nodes(&top, true) {
            if !all.contains(&a) {
                all.push(a);
            }
        }
        // Keep only those no other member descends from.
        let keep: Vec<String> = all
            .iter()
            .filter(|r| {
                !self
                    .descendant_nodes(std::slice::from_ref(*r), false, false)
                    .iter()
                    .any(|d| d != *r && all.contains(d))
            })
            .cloned()
            .collect();
        Ok(keep)
    }

    /// `RevisionMap.iterate_revisions`: the revisions between `upper` and `lower`, top first.
    fn iterate(
        &self,
        upper: Ident<'_>,
        lower: Ident<'_>,
        implicit_base: bool,
        inclusive: bool,
        assert_relative_length: bool,
        select_for_downgrade: bool,
    ) -> R<Vec<String>> {
        let (todo, heads) = if select_for_downgrade {
            let l = match lower {
                Ident::Str(s) => Some(s),
                _ => None,
            };
            self.collect_downgrade(upper, l, inclusive, implicit_base, assert_relative_length)?
        } else {
            self.collect_upgrade(
                upper,
                lower,
                inclusive,
                implicit_base,
                assert_relative_length,
            )?
        };
        Ok(self.topological_sort(&todo, &heads))
    }

    /// `ScriptDirectory.walk_revisions`, as `history` and `branches` list revisions.
    pub fn walk_revisions(
        &self,
        base: Ident<'_>,
        head: Ident<'_>,
    ) -> Result<Vec<String>, MapError> {
        let base = if base.is_empty() {
            Ident::Str("base")
        } else {
            base
        };
        let head = if head.is_empty() {
            Ident::Str("heads")
        } else {
            head
        };
        self.iterate(head, base, false, true, false, false)
            .map_err(|e| {
                e.command(&Catch {
                    start: Some(base.display()),
                    end: Some(head.display()),
                    ..Default::default()
                })
            })
    }

    /// `ScriptDirectory._upgrade_revs`: the revisions an upgrade runs, lowest first.
    pub fn upgrade_revs(
        &self,
        destination: &str,
        current: &[String],
    ) -> Result<Vec<String>, MapError> {
        let catch = Catch {
            ancestor: Some(
                "Destination %(end)s is not a valid upgrade target from current head(s)",
            ),
            end: Some(destination.to_string()),
            ..Default::default()
        };
        let mut revs = self
            .iterate(
                Ident::Str(destination),
                Ident::Tuple(current),
                true,
                false,
                true,
                false,
            )
            .map_err(|e| e.command(&catch))?;
        revs.reverse();
        Ok(revs)
    }

    /// `ScriptDirectory._downgrade_revs`: the revisions a downgrade undoes, highest first.
    pub fn downgrade_revs(
        &self,
        destination: &str,
        current: &[String],
    ) -> Result<Vec<String>, MapError> {
        let catch = Catch {
            ancestor: Some(
                "Destination %(end)s is not a valid downgrade target from current head(s)",
            ),
            end: Some(destination.to_string()),
            ..Default::default()
        };
        self.iterate(
            Ident::Tuple(current),
            Ident::Str(destination),
            false,
            false,
            true,
            true,
        )
        .map_err(|e| e.command(&catch))
    }

    /// `ScriptDirectory.get_revisions` (`show`, `merge`): ids, with `base` as none.
    pub fn get_revisions_cmd(&self, id: Ident<'_>) -> Result<Vec<String>, MapError> {
        self.get_revisions(id)
            .map(|s| rev_ids(&s))
            .map_err(|e| e.command(&Catch::default()))
    }

    /// Resolves a target to the revisions it names (empty for `base`).
    pub fn resolve(&self, ident: &str, _current: &[String]) -> Result<Vec<String>, MapError> {
        self.get_revisions_cmd(Ident::Str(ident))
    }

    /// `generate_revision`'s reading of `--head`: the parent revisions, each a head unless
    /// `splice`.
    pub fn new_revision_parents(
        &self,
        head: Ident<'_>,
        splice: bool,
    ) -> Result<Vec<String>, MapError> {
        let catch = Catch {
            multiple_heads: Some("Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge."),
            ..Default::default()
        };
        let heads = rev_ids(&self.get_revisions(head).map_err(|e| e.command(&catch))?);
        if heads.iter().collect::<HashSet<_>>().len() != heads.len() {
            return Err(MapError::Command(
                "Duplicate head revisions specified".into(),
            ));
        }
        Ok(heads)
            .and_then(|heads| {
                if !splice {
                    if let Some(h) = heads.iter().find(|h| !self.children(h).is_empty()) {
                        return Err(MapError::Command(format!(
                            "Revision {h} is not a head revision; please specify --splice to create a new branch from this revision"
                        )));
                    }
                }
                Ok(heads)
            })
    }

    /// `generate_revision`'s `depends_on`: each resolved to its id, a branch label kept.
    pub fn resolve_depends_on(&self, deps: &[String]) -> Result<Vec<String>, MapError> {
        deps.iter()
            .map(|d| match self.get_revision(Ident::Str(d)) {
                Ok(Slot::Rev(id)) => Ok(if self.revisions[&id].branch_labels.contains(d) {
                    d.clone()
                } else {
                    id
                }),
                Ok(_) => Err(MapError::Command(format!(
                    "Can't locate revision identified by '{d}'"
                ))),
                Err(e) => Err(e.command(&Catch::default())),
            })
            .collect()
    }

    /// `ScriptDirectory.get_all_current`: the heads of every branch the database is on,
    /// counting branches it has only through dependencies.
    pub fn get_all_current(&self, ids: &[String]) -> Result<Vec<String>, MapError> {
        self.all_current(ids)
            .map_err(|e| e.command(&Catch::default()))
    }

    /// `add_revision`'s check of a new revision's branch labels: the first one the map
    /// already knows (as a label or an id), with the revision that has it.
    pub fn label_in_use(&self, labels: &[String]) -> Option<(String, String)> {
        labels
            .iter()
            .find_map(|l| self.key(l).map(|owner| (l.clone(), owner)))
    }

    /// `ScriptDirectory._stamp_revs`: the steps that move the version table from `heads` to
    /// `targets` without running anything.
    pub fn stamp_revs(
        &self,
        targets: &[String],
        heads: &[String],
    ) -> Result<Vec<StampStep>, MapError> {
        let catch = Catch {
            multiple_heads: Some(
                "Multiple heads are present; please specify a single target revision",
            ),
            ..Default::default()
        };
        self.stamp_inner(targets, heads)
            .map_err(|e| e.command(&catch))
    }

    fn stamp_inner(&self, targets: &[String], heads: &[String]) -> R<Vec<StampStep>> {
        let head_revs = rev_ids(&self.get_revisions(Ident::Tuple(heads))?);
        let base = ["base".to_string()];
        let targets: &[String] = if targets.is_empty() { &base } else { targets };
        let mut filtered: Vec<String> = Vec::new();
        for t in targets.iter().filter(|t| !t.is_empty()) {
            for h in self.filter_for_lineage(&head_revs, Ident::Str(t), true)? {
                if !filtered.contains(&h) {
                    filtered.push(h);
                }
            }
        }
        let dests = self.get_revisions(Ident::Tuple(targets))?;
        let dests: Vec<Option<String>> = if dests.is_empty() {
            vec![None]
        } else {
            dests.iter().map(|d| d.id().map(String::from)).collect()
        };
        let mut steps = Vec::new();
        for dest in dests {
            let Some(dest) = dest else {
                for h in &filtered {
                    steps.push(StampStep {
                        from: vec![h.clone()],
                        to: Vec::new(),
                        is_upgrade: false,
                        branch_move: true,
                    });
                }
                continue;
            };
            if filtered.contains(&dest) {
                continue;
            }
            let one = std::slice::from_ref(&dest);
            let above = self.descendant_nodes(one, true, false);
            let below = self.ancestor_nodes(one, true);
            let (from, is_upgrade, branch_move) = if above.iter().any(|r| filtered.contains(r)) {
                (filtered.clone(), false, false)
            } else if below.iter().any(|r| filtered.contains(r)) {
                (filtered.clone(), true, false)
            } else {
                (Vec::new(), true, true)
            };
            steps.push(StampStep {
                from,
                to: vec![dest],
                is_upgrade,
                branch_move,
            });
        }
        Ok(steps)
    }

    /// The parents a step moves from or to (`_normalized_down_revisions`).
    pub fn step_downs(&self, id: &str) -> Vec<String> {
        self.normalized_down(id)
    }

    /// Whether a revision names dependencies no ancestor has.
    fn has_normalized_deps(&self, id: &str) -> bool {
        self.links
            .get(id)
            .is_some_and(|l| !l.normalized_deps.is_empty())
    }

    /// Alembic's `_topological_sort`: walks down from `heads` in file order, finishing a
    /// branch before a shared ancestor, and returns the `todo` revisions top first.
    pub fn topological_sort(&self, todo: &HashSet<String>, heads: &[String]) -> Vec<String> {
        let index = |id: &str| self.revisions.get_index_of(id).unwrap_or(usize::MAX);
        let mut todo = todo.clone();
        let mut current: Vec<String> = {
            let mut h: Vec<String> = heads
                .iter()
                .filter(|h| todo.contains(*h))
                .cloned()
                .collect();
            h.sort_by_key(|id| index(id));
            h.dedup();
            h
        };
        let mut ancestors: Vec<HashSet<String>> = current
            .iter()
            .map(|h| self.ancestors(std::slice::from_ref(h)))
            .collect();
        let mut output = Vec::new();
        let mut idx = 0usize;
        while !current.is_empty() {
            let candidate = current[idx].clone();
            let blocked = ancestors
                .iter()
                .enumerate()
                .find(|(i, a)| *i != idx && a.contains(&candidate))
                .map(|(i, _)| i);
            if let Some(other) = blocked {
                idx = other;
                continue;
            }
            if todo.remove(&candidate) {
                output.push(candidate.clone());
            }
            let to_add: Vec<String> = self
                .normalized_down(&candidate)
                .into_iter()
                .filter(|d| todo.contains(d) && !current.contains(d))
                .collect();
            if to_add.is_empty() {
                current.remove(idx);
                ancestors.remove(idx);
                idx = idx.saturating_sub(1);
            } else if !self.has_normalized_deps(&candidate)
                && self.get(&candidate).is_some_and(|r| r.down.len() == 1)
            {
                // Plain movement down a line: the head's ancestors lose just the candidate.
                current[idx] = to_add[0].clone();
                ancestors[idx].remove(&candidate);
            } else {
                current[idx] = to_add[0].clone();
                ancestors[idx] = self.ancestors(&to_add[..1]);
                for extra in &to_add[1..] {
                    current.push(extra.clone());
                    ancestors.push(self.ancestors(std::slice::from_ref(extra)));
                }
            }
        }
        // Anything left (not reachable from the heads given) follows in file order.
        let mut rest: Vec<String> = todo.into_iter().collect();
        rest.sort_by_key(|id| index(id));
        output.extend(rest);
        output
    }
}

fn add_labels(revisions: &mut IndexMap<String, Revision>, id: &str, labels: &[String]) {
    if let Some(r) = revisions.get_mut(id) {
        for l in labels {
            if !r.branch_labels.contains(l) {
                r.branch_labels.push(l.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_targets_parse_like_alembics_pattern() {
        assert_eq!(
            relative_destination("shop@+1"),
            Some((Some("shop"), None, "+1"))
        );
        assert_eq!(relative_destination("-2"), Some((None, None, "-2")));
        assert_eq!(
            relative_destination("head-1"),
            Some((None, Some("head"), "-1"))
        );
        assert_eq!(relative_destination("shop@head"), None);
        assert_eq!(relative_destination("abc"), None);
    }
}
