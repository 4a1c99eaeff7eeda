//! The history tab: the revision graph as a DAG, newest at the top, one lane per branch, with
//! heads, bases, merges, branch points and the database's current revision marked.

use std::rc::Rc;

use yew::prelude::*;

use crate::views::history::HistoryView;

const ROW: f64 = 44.0;
const LANE: f64 = 22.0;
const TOP: f64 = 18.0;

#[derive(Properties, PartialEq)]
pub struct HistoryPanelProps {
    pub history: Rc<HistoryView>,
    /// Runs a terminal line (the reversibility check prints its report there).
    pub onrun: Callback<String>,
}

#[function_component]
pub fn HistoryPanel(props: &HistoryPanelProps) -> Html {
    let h = &props.history;
    if let Some(note) = &h.note {
        return html! { <p class="placeholder">{note.clone()}</p> };
    }
    let x = |lane: usize| 14.0 + lane as f64 * LANE;
    let y = |row: usize| TOP + row as f64 * ROW;
    let graph_width = x(h.lanes.max(1)) + 4.0;
    let height = y(h.nodes.len()) - ROW / 2.0 + 8.0;
    let mut edges = Vec::new();
    for n in &h.nodes {
        for d in &n.down {
            let Some(p) = h.node(d) else { continue };
            let (x1, y1, x2, y2) = (x(n.lane), y(n.row), x(p.lane), y(p.row));
            let d = if x1 == x2 {
                format!("M{x1},{y1} L{x2},{y2}")
            } else {
                let mid = y1 + ROW * 0.6;
                format!(
                    "M{x1},{y1} C{x1},{mid} {x2},{} {x2},{}",
                    mid,
                    (y1 + ROW).min(y2)
                ) + &format!(" L{x2},{y2}")
            };
            edges.push(html! { <path class="dag-edge" d={d} /> });
        }
    }
    let nodes = h.nodes.iter().map(|n| {
        let cls = classes!(
            "dag-node",
            n.head.then_some("head"),
            n.current.then_some("current"),
            n.merge.then_some("merge")
        );
        html! {
            <circle class={cls} cx={x(n.lane).to_string()} cy={y(n.row).to_string()} r={if n.current { "7" } else { "5" }}>
                <title>{n.id.clone()}</title>
            </circle>
        }
    });
    let labels = h.nodes.iter().map(|n| {
        let mut tags: Vec<Html> = Vec::new();
        if n.current {
            tags.push(html! { <span class="tag current">{"current"}</span> });
        }
        if n.head {
            tags.push(html! { <span class="tag head">{"head"}</span> });
        }
        if n.base {
            tags.push(html! { <span class="tag">{"base"}</span> });
        }
        if n.merge {
            tags.push(html! { <span class="tag">{"merge"}</span> });
        }
        if n.branch_point {
            tags.push(html! { <span class="tag">{"branch point"}</span> });
        }
        for l in &n.labels {
            tags.push(html! { <span class="tag label">{format!("@{l}")}</span> });
        }
        html! {
            <li class="dag-label" aria-label={format!("Revision {}: {}", n.id, n.message)}>
                <code>{n.id.clone()}</code>{" "}{ for tags }
                <span class="dag-msg">{n.message.clone()}</span>
            </li>
        }
    });
    let onrun = props.onrun.clone();
    let check =
        Callback::from(move |_| onrun.emit("alembic-playground check-reversible".to_string()));
    html! {
        <>
        <div class="history-tools">
            <button type="button" onclick={check}
                    title="Run each revision's downgrade and upgrade on a scratch copy and report what does not round-trip">
                {"Check reversibility"}
            </button>
        </div>
        <div class="history-graph">
            <svg class="dag" role="img" width={graph_width.to_string()} height={height.to_string()}
                 aria-label={format!("Revision graph with {} revisions", h.nodes.len())}>
                { for edges }
                { for nodes }
            </svg>
            <ol class="dag-labels">{ for labels }</ol>
        </div>
        </>
    }
}
