//! The history tab's revision detail: what a clicked revision is (its file, message, ids,
//! parents, labels, upgrade and downgrade) and the command that moves the database to it,
//! typed into the terminal for the learner to run (so the CLI is what they learn).

use yew::prelude::*;

use crate::views::history::NodeView;

#[derive(Properties, PartialEq)]
pub struct RevisionDetailProps {
    pub node: NodeView,
    /// Puts a line in the terminal's input, not run.
    pub ontype: Callback<String>,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn RevisionDetail(props: &RevisionDetailProps) -> Html {
    let n = &props.node;
    let offers = n.offers();
    let offer = |verb: &'static str, label: &'static str| {
        let line = format!("alembic {verb} {}", n.id);
        let ontype = props.ontype.clone();
        let typed = line.clone();
        html! {
            <button type="button" class="offer" onclick={Callback::from(move |_| ontype.emit(typed.clone()))}
                    title={format!("Types `{line}` into the terminal; press Enter there to run it")}>
                {label}<code>{line}</code>
            </button>
        }
    };
    let onclose = props.onclose.reform(|_| ());
    let ids = |ids: &[String]| {
        if ids.is_empty() {
            html! { <span class="muted">{"none (a base)"}</span> }
        } else {
            html! { <>{ for ids.iter().map(|d| html! { <code>{d.clone()}</code> }) }</> }
        }
    };
    let where_ = if n.current {
        "The database is at this revision."
    } else if n.applied {
        "The database has this revision applied."
    } else {
        "The database does not have this revision yet."
    };
    html! {
        <section class="revision-detail" aria-label={format!("Revision {}", n.id)}>
            <header>
                <h3><code>{n.id.clone()}</code>{" "}{n.message.clone()}</h3>
                <button type="button" class="close" aria-label="Close revision details" onclick={onclose}>{"×"}</button>
            </header>
            <dl>
                <dt>{"File"}</dt><dd><code>{n.path.clone()}</code></dd>
                <dt>{"Revises"}</dt><dd>{ ids(&n.down) }</dd>
                if !n.depends_on.is_empty() {
                    <dt>{"Depends on"}</dt><dd>{ ids(&n.depends_on) }</dd>
                }
                if !n.labels.is_empty() {
                    <dt>{"Branch labels"}</dt>
                    <dd>{ for n.labels.iter().map(|l| html! { <code>{l.clone()}</code> }) }</dd>
                }
            </dl>
            if n.longdoc.contains("\n\n") || n.longdoc.lines().count() > 1 {
                <pre class="rev-doc">{n.longdoc.clone()}</pre>
            }
            <p class="rev-where">{where_}</p>
            <div class="offers">
                if offers.upgrade { { offer("upgrade", "Upgrade to here: ") } }
                if offers.downgrade { { offer("downgrade", "Downgrade to here: ") } }
            </div>
            if !n.upgrade.is_empty() {
                <details><summary>{"upgrade()"}</summary><pre class="rev-code">{n.upgrade.clone()}</pre></details>
            }
            if !n.downgrade.is_empty() {
                <details><summary>{"downgrade()"}</summary><pre class="rev-code">{n.downgrade.clone()}</pre></details>
            }
        </section>
    }
}
