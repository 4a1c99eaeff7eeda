//! The revision map (`alembic/script/revision.py`): revisions linked by `down_revision` and
//! `depends_on`; heads and bases; identifier resolution (ids, prefixes, `head`, `base`,
//! branch labels, relative steps); and the ordered steps of an upgrade or downgrade, walked
//! the way Alembic's topological sort walks them.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

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
}

pub struct RevisionMap {
    pub revisions: IndexMap<String, Revision>,
    /// Children through `down_revision`.
    children: HashMap<String, Vec<String>>,
    /// Warnings to print (a parent that is not present).
    pub warnings: Vec<String>,
}

impl RevisionMap {
    /// Builds the map from revisions in file order, with Alembic's checks for self-loops,
    /// cycles and missing parents.
    pub fn new(list: Vec<Revision>) -> Result<RevisionMap, MapError> {
        let mut revisions = IndexMap::new();
        for r in list {
            revisions.insert(r.id.clone(), r);
        }
        let mut map = RevisionMap {
            revisions,
            children: HashMap::new(),
            warnings: Vec::new(),
        };
        let loops: Vec<String> = map
            .revisions
            .values()
            .filter(|r| r.down.contains(&r.id))
            .map(|r| r.id.clone())
            .collect();
        if !loops.is_empty() {
            return Err(MapError::Command(format!(
                "Self-loop is detected in revisions ({})",
                loops.join(", ")
            )));
        }
        for r in map.revisions.values() {
            for d in &r.down {
                if !map.revisions.contains_key(d) {
                    let head = if map.children_of(&r.id).is_empty() {
                        " (head)"
                    } else {
                        ""
                    };
                    map.warnings.push(format!(
                        "Revision {d} referenced from {d} -> {}{head}, {} is not present",
                        r.id,
                        r.doc()
                    ));
                }
            }
        }
        let mut children: HashMap<String, Vec<String>> = HashMap::new();
        for r in map.revisions.values() {
            for d in &r.down {
                children.entry(d.clone()).or_default().push(r.id.clone());
            }
        }
        map.children = children;
        map.inherit_labels();
        if let Some(missing) = map
            .revisions
            .values()
            .flat_map(|r| r.down.iter())
            .find(|d| !map.revisions.contains_key(*d))
        {
            return Err(MapError::Exception {
                class: "KeyError".into(),
                message: format!("'{missing}'"),
            });
        }
        let cycle = map.cycle();
        if !cycle.is_empty() {
            return Err(MapError::Command(format!(
                "Cycle is detected in revisions ({})",
                cycle.join(", ")
            )));
        }
        Ok(map)
    }

    /// Branch labels belong to the whole branch: every descendant of the labelled revision,
    /// and its ancestors down to the branch point it grew from (Alembic's `_add_branches`).
    fn inherit_labels(&mut self) {
        let ids: Vec<String> = self.revisions.keys().cloned().collect();
        for id in &ids {
            let own = self.revisions[id].branch_labels.clone();
            self.revisions.get_mut(id).expect("listed").own_labels = own.clone();
        }
        for id in &ids {
            let own = self.revisions[id].own_labels.clone();
            if own.is_empty() {
                continue;
            }
            let mut stack: Vec<String> = self.children(id).to_vec();
            let mut seen = std::collections::HashSet::new();
            while let Some(d) = stack.pop() {
                if !seen.insert(d.clone()) {
                    continue;
                }
                stack.extend(self.children(&d).to_vec());
                add_labels(&mut self.revisions, &d, &own);
            }
            let mut at = id.clone();
            loop {
                let down = self.revisions[&at].down.clone();
                let [parent] = down.as_slice() else { break };
                if self.children(parent).len() > 1 || self.revisions[parent].down.len() > 1 {
                    break;
                }
                add_labels(&mut self.revisions, parent, &own);
                at = parent.clone();
            }
        }
    }

    fn children_of(&self, id: &str) -> Vec<String> {
        self.revisions
            .values()
            .filter(|r| r.down.iter().any(|d| d == id))
            .map(|r| r.id.clone())
            .collect()
    }

    /// Revisions on a cycle, sorted as Alembic lists them.
    fn cycle(&self) -> Vec<String> {
        // Revisions that cannot be reached from a base by following children are on (or
        // above) a cycle.
        let mut reached: HashSet<&str> = HashSet::new();
        let mut stack: Vec<&str> = self.bases();
        while let Some(id) = stack.pop() {
            if !reached.insert(id) {
                continue;
            }
            if let Some(kids) = self.children.get(id) {
                stack.extend(kids.iter().map(String::as_str));
            }
        }
        let mut out: Vec<String> = self
            .revisions
            .keys()
            .filter(|k| !reached.contains(k.as_str()))
            .cloned()
            .collect();
        out.sort();
        out
    }

    pub fn get(&self, id: &str) -> Option<&Revision> {
        self.revisions.get(id)
    }

    /// Revisions no other revision names as `down_revision`, in file order.
    pub fn heads(&self) -> Vec<&str> {
        self.revisions
            .keys()
            .filter(|k| !self.children.contains_key(k.as_str()))
            .map(String::as_str)
            .collect()
    }

    pub fn bases(&self) -> Vec<&str> {
        self.revisions
            .values()
            .filter(|r| r.down.is_empty())
            .map(|r| r.id.as_str())
            .collect()
    }

    pub fn children(&self, id: &str) -> &[String] {
        self.children.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn is_branch_point(&self, id: &str) -> bool {
        self.children(id).len() > 1
    }

    pub fn is_merge_point(&self, id: &str) -> bool {
        self.get(id).is_some_and(|r| r.down.len() > 1)
    }

    /// Every ancestor of `ids`, themselves included, through `down_revision` and `depends_on`.
    pub fn ancestors(&self, ids: &[String]) -> HashSet<String> {
        let mut seen = HashSet::new();
        let mut stack: Vec<String> = ids.to_vec();
        while let Some(id) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(r) = self.revisions.get(&id) {
                stack.extend(r.down.iter().cloned());
                stack.extend(r.depends_on.iter().cloned());
            }
        }
        seen
    }

    /// A revision by full id, unique prefix or branch label.
    pub fn lookup(&self, ident: &str) -> Result<String, MapError> {
        if self.revisions.contains_key(ident) {
            return Ok(ident.to_string());
        }
        if let Some(r) = self
            .revisions
            .values()
            .find(|r| r.own_labels.iter().any(|l| l == ident))
        {
            return Ok(r.id.clone());
        }
        let matches: Vec<&String> = self
            .revisions
            .keys()
            .filter(|k| k.starts_with(ident))
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(MapError::Unresolved(ident.to_string())),
        }
    }

    /// The head of the single line above `id` (for `<rev>@head` and `<label>@head`).
    fn head_above(&self, id: &str) -> Result<String, MapError> {
        let heads: Vec<&str> = self
            .heads()
            .into_iter()
            .filter(|h| self.ancestors(&[h.to_string()]).contains(id))
            .collect();
        match heads.as_slice() {
            [one] => Ok(one.to_string()),
            _ => Err(MapError::Command(format!(
                "Revision {id} is not a head revision; please specify --splice to create a new branch from this revision"
            ))),
        }
    }

    /// Resolves a target to the revisions it names (empty for `base`). `current` is the
    /// database's heads, for relative targets.
    pub fn resolve(&self, ident: &str, current: &[String]) -> Result<Vec<String>, MapError> {
        if let Some((branch, rest)) = ident.split_once('@') {
            return match rest {
                "head" => {
                    let root = self.lookup(branch)?;
                    Ok(vec![self.head_above(&root)?])
                }
                "base" => Ok(Vec::new()),
                _ => {
                    let root = self.lookup(branch)?;
                    self.resolve_relative(&root, rest, current)
                }
            };
        }
        match ident {
            "heads" => return Ok(self.heads().into_iter().map(String::from).collect()),
            "base" => return Ok(Vec::new()),
            "head" => {
                return match self.heads().as_slice() {
                    [] => Ok(Vec::new()),
                    [one] => Ok(vec![one.to_string()]),
                    _ => Err(MapError::Command(
                        "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".into(),
                    )),
                }
            }
            _ => {}
        }
        if let Some(at) = ident.rfind(['+', '-']).filter(|&at| {
            ident[at + 1..].chars().all(|c| c.is_ascii_digit()) && at + 1 < ident.len()
        }) {
            let (base, step) = ident.split_at(at);
            let base = match base {
                "" => None,
                "head" | "heads" => self.heads().first().map(|h| h.to_string()),
                b => Some(self.lookup(b)?),
            };
            return match base {
                Some(b) => self.resolve_relative(&b, step, current).map(|mut v| {
                    v.truncate(1);
                    v
                }),
                None => self.relative_from_current(step, current),
            };
        }
        Ok(vec![self.lookup(ident)?])
    }

    fn resolve_relative(
        &self,
        from: &str,
        step: &str,
        _current: &[String],
    ) -> Result<Vec<String>, MapError> {
        let n: i64 = step
            .parse()
            .map_err(|_| MapError::Unresolved(step.to_string()))?;
        let mut at = from.to_string();
        if n >= 0 {
            for _ in 0..n {
                match self.children(&at) {
                    [one] => at = one.clone(),
                    _ => {
                        return Err(MapError::Command(format!(
                            "Relative revision {step} didn't produce {} migrations",
                            n.abs()
                        )))
                    }
                }
            }
        } else {
            for _ in 0..(-n) {
                let down = self.get(&at).map(|r| r.down.clone()).unwrap_or_default();
                match down.as_slice() {
                    [one] => at = one.clone(),
                    [] => return Ok(Vec::new()),
                    _ => {
                        return Err(MapError::Command(format!(
                            "Relative revision {step} didn't produce {} migrations",
                            n.abs()
                        )))
                    }
                }
            }
        }
        Ok(vec![at])
    }

    fn relative_from_current(
        &self,
        step: &str,
        current: &[String],
    ) -> Result<Vec<String>, MapError> {
        let n: i64 = step
            .parse()
            .map_err(|_| MapError::Unresolved(step.to_string()))?;
        let fail = || {
            MapError::Command(format!(
                "Relative revision {step} didn't produce {} migrations",
                n.abs()
            ))
        };
        let mut at: Option<String> = match current {
            [] => None,
            [one] => Some(one.clone()),
            _ => return Err(fail()),
        };
        if n >= 0 {
            for _ in 0..n {
                let next = match &at {
                    None => self.bases(),
                    Some(a) => self.children(a).iter().map(String::as_str).collect(),
                };
                match next.as_slice() {
                    [one] => at = Some(one.to_string()),
                    _ => return Err(fail()),
                }
            }
        } else {
            for _ in 0..(-n) {
                let Some(a) = &at else { return Err(fail()) };
                let down = self.get(a).map(|r| r.down.clone()).unwrap_or_default();
                at = match down.as_slice() {
                    [] => None,
                    [one] => Some(one.clone()),
                    _ => return Err(fail()),
                };
            }
        }
        Ok(at.into_iter().collect())
    }

    /// Alembic's `_topological_sort`: walks down from `heads` in file order, finishing a
    /// branch before a shared ancestor, and returns the `todo` revisions top first.
    pub fn topological_sort(&self, todo: &HashSet<String>, heads: &[String]) -> Vec<String> {
        let order: Vec<&String> = self.revisions.keys().collect();
        let index = |id: &str| order.iter().position(|k| *k == id).unwrap_or(usize::MAX);
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
            let rev = self.get(&candidate);
            let mut downs: Vec<String> = rev.map(|r| r.down.clone()).unwrap_or_default();
            downs.extend(rev.map(|r| r.depends_on.clone()).unwrap_or_default());
            let to_add: Vec<String> = downs
                .into_iter()
                .filter(|d| todo.contains(d) && !current.contains(d))
                .collect();
            if to_add.is_empty() {
                current.remove(idx);
                ancestors.remove(idx);
                idx = idx.saturating_sub(1);
            } else if to_add.len() == 1
                && rev.is_some_and(|r| r.down.len() == 1 && r.depends_on.is_empty())
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

    /// The revisions an upgrade from `current` to `target` runs, lowest first.
    pub fn upgrade_steps(&self, target: &[String], current: &[String]) -> Vec<String> {
        let want = self.ancestors(target);
        let have = self.ancestors(current);
        let todo: HashSet<String> = want.difference(&have).cloned().collect();
        let mut steps = self.topological_sort(&todo, target);
        steps.reverse();
        steps
    }

    /// The revisions a downgrade from `current` to `target` undoes, highest first: those the
    /// database has that descend from a target (everything, for `base`). A sibling branch
    /// that does not descend from the target stays.
    pub fn downgrade_steps(&self, target: &[String], current: &[String]) -> Vec<String> {
        let have = self.ancestors(current);
        let todo: HashSet<String> = have
            .into_iter()
            .filter(|r| {
                target.is_empty()
                    || target
                        .iter()
                        .any(|t| r != t && self.ancestors(std::slice::from_ref(r)).contains(t))
            })
            .collect();
        self.topological_sort(&todo, current)
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
