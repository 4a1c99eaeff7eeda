//! How commands print revisions (`Script.cmd_format` and `log_entry` in
//! alembic/script/base.py): the one-line form with `(head)`/`(branchpoint)` markers, and the
//! verbose `Rev:` block.

use crate::script::revision::RevisionMap;

fn down_text(map: &RevisionMap, id: &str) -> String {
    match map.get(id) {
        Some(r) if !r.down.is_empty() => r.down.join(", "),
        _ => "<base>".to_string(),
    }
}

/// `Script.cmd_format(verbose, include_branches, include_doc, include_parents)`; `current`
/// marks `(current)`.
pub fn cmd_format(
    map: &RevisionMap,
    id: &str,
    verbose: bool,
    include_branches: bool,
    include_doc: bool,
    include_parents: bool,
    current: &[String],
) -> String {
    cmd_format_tree(
        map,
        id,
        verbose,
        include_branches,
        include_doc,
        include_parents,
        current,
        true,
    )
}

/// `cmd_format` with `tree_indicators` (`heads` leaves out `(branchpoint)`/`(mergepoint)`).
#[allow(clippy::too_many_arguments)]
pub fn cmd_format_tree(
    map: &RevisionMap,
    id: &str,
    verbose: bool,
    include_branches: bool,
    include_doc: bool,
    include_parents: bool,
    current: &[String],
    tree_indicators: bool,
) -> String {
    if verbose {
        return log_entry(map, id, current);
    }
    let Some(rev) = map.get(id) else {
        return id.to_string();
    };
    let mut text = rev.id.clone();
    if include_parents {
        text = if rev.depends_on.is_empty() {
            format!("{} -> {text}", down_text(map, id))
        } else {
            format!(
                "{} ({}) -> {text}",
                down_text(map, id),
                rev.depends_on.join(", ")
            )
        };
    }
    if include_branches && !rev.branch_labels.is_empty() {
        text.push_str(&format!(" ({})", rev.branch_labels.join(", ")));
    }
    // A head another revision depends on is only the head of its own line.
    if map.is_real_head(id) {
        text.push_str(" (head)");
    } else if map.children(id).is_empty() {
        text.push_str(" (effective head)");
    }
    if current.iter().any(|c| c == id) {
        text.push_str(" (current)");
    }
    if tree_indicators && map.is_branch_point(id) {
        text.push_str(" (branchpoint)");
    }
    if tree_indicators && map.is_merge_point(id) {
        text.push_str(" (mergepoint)");
    }
    if include_doc {
        text.push_str(&format!(", {}", rev.doc()));
    }
    text
}

/// The verbose block: `Rev:`, `Parent:`/`Merges:`, dependencies, branches, `Path:`, and the
/// docstring indented by four spaces.
pub fn log_entry(map: &RevisionMap, id: &str, current: &[String]) -> String {
    let Some(rev) = map.get(id) else {
        return id.to_string();
    };
    let mut entry = format!(
        "Rev: {}{}{}{}{}\n",
        rev.id,
        if map.children(id).is_empty() {
            " (head)"
        } else {
            ""
        },
        if map.is_branch_point(id) {
            " (branchpoint)"
        } else {
            ""
        },
        if map.is_merge_point(id) {
            " (mergepoint)"
        } else {
            ""
        },
        if current.iter().any(|c| c == id) {
            " (current)"
        } else {
            ""
        },
    );
    if map.is_merge_point(id) {
        entry.push_str(&format!("Merges: {}\n", down_text(map, id)));
    } else {
        entry.push_str(&format!("Parent: {}\n", down_text(map, id)));
    }
    if !rev.depends_on.is_empty() {
        entry.push_str(&format!("Also depends on: {}\n", rev.depends_on.join(", ")));
    }
    if map.is_branch_point(id) {
        entry.push_str(&format!("Branches into: {}\n", map.children(id).join(", ")));
    }
    if !rev.branch_labels.is_empty() {
        entry.push_str(&format!("Branch names: {}\n", rev.branch_labels.join(", ")));
    }
    entry.push_str(&format!("Path: {}\n", rev.path));
    let body: Vec<String> = rev.longdoc.lines().map(|l| format!("    {l}")).collect();
    entry.push_str(&format!("\n{}\n", body.join("\n")));
    entry
}
