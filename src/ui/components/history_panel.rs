//! The history tab: the revision graph as a DAG, newest at the top, one lane per branch, with
//! heads, bases, merges, branch points and the database's current revision marked. Clicking
//! a revision (its node or its label, which is a button for the keyboard) opens its detail.

use std::rc::Rc;

use yew::prelude::*;

use super::revision_detail::RevisionDetail;
use crate::ui::i18n;
use crate::views::history::HistoryView;

const ROW: f64 = 44.0;
const LANE: f64 = 22.0;
const TOP: f64 = 18.0;

#[derive(Properties, PartialEq)]
pub struct HistoryPanelProps {
    pub history: Rc<HistoryView>,
    /// Runs a terminal line (the reversibility check prints its report there).
    pub onrun: Callback<String>,
    /// Types a line into the terminal's input (the detail's upgrade/downgrade offer).
    pub ontype: Callback<String>,
}

#[function_component]
pub fn HistoryPanel(props: &HistoryPanelProps) -> Html {
    let lang = i18n::use_lang();
    let h = &props.history;
    let selected = use_state(|| None::<String>);
    let pick = |id: &str| {
        let (selected, id) = (selected.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| {
            let again = selected.as_deref() == Some(id.as_str());
            selected.set((!again).then(|| id.clone()));
        })
    };
    if let Some(note) = &h.note {
        return html! { <p class="placeholder">{i18n::view_note(note, lang)}</p> };
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
            n.merge.then_some("merge"),
            (selected.as_deref() == Some(n.id.as_str())).then_some("selected")
        );
        html! {
            <circle class={cls} onclick={pick(&n.id)} cx={x(n.lane).to_string()} cy={y(n.row).to_string()} r={if n.current { "7" } else { "5" }}>
                <title>{n.id.clone()}</title>
            </circle>
        }
    });
    let labels = h.nodes.iter().map(|n| {
        let mut tags: Vec<Html> = Vec::new();
        if n.current {
            tags.push(html! { <span class="tag current">{i18n::TAG_CURRENT.get(lang)}</span> });
        }
        if n.head {
            tags.push(html! { <span class="tag head">{i18n::TAG_HEAD.get(lang)}</span> });
        }
        if n.base {
            tags.push(html! { <span class="tag">{i18n::TAG_BASE.get(lang)}</span> });
        }
        if n.merge {
            tags.push(html! { <span class="tag">{i18n::TAG_MERGE.get(lang)}</span> });
        }
        if n.branch_point {
            tags.push(html! { <span class="tag">{i18n::TAG_BRANCH_POINT.get(lang)}</span> });
        }
        for l in &n.labels {
            tags.push(html! { <span class="tag label">{format!("@{l}")}</span> });
        }
        let open = selected.as_deref() == Some(n.id.as_str());
        html! {
            <li class="dag-label">
                <button type="button" class={classes!("dag-pick", open.then_some("selected"))}
                        aria-label={i18n::revision_pick(&n.id, &n.message, lang)}
                        aria-expanded={open.to_string()} onclick={pick(&n.id)}>
                    <code>{n.id.clone()}</code>{" "}{ for tags }
                    <span class="dag-msg">{n.message.clone()}</span>
                </button>
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
                    title={i18n::CHECK_REVERSIBILITY_TITLE.get(lang)}>
                {i18n::CHECK_REVERSIBILITY.get(lang)}
            </button>
        </div>
        <div class="history-graph">
            <svg class="dag" role="img" width={graph_width.to_string()} height={height.to_string()}
                 aria-label={i18n::revision_graph(h.nodes.len(), lang)}>
                { for edges }
                { for nodes }
            </svg>
            <ol class="dag-labels">{ for labels }</ol>
        </div>
        if let Some(node) = selected.as_ref().and_then(|id| h.node(id)) {
            <RevisionDetail node={node.clone()} ontype={props.ontype.clone()}
                            onclose={{ let selected = selected.clone(); Callback::from(move |()| selected.set(None)) }} />
        }
        </>
    }
}
