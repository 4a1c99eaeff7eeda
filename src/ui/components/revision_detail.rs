//! The history tab's revision detail: what a clicked revision is (its file, message, ids,
//! parents, labels, upgrade and downgrade) and the command that moves the database to it,
//! typed into the terminal for the learner to run (so the CLI is what they learn).

use yew::prelude::*;

use crate::ui::i18n::{self, Tr};
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
    let lang = i18n::use_lang();
    let n = &props.node;
    let offers = n.offers();
    let offer = |verb: &'static str, label: Tr| {
        let line = format!("alembic {verb} {}", n.id);
        let ontype = props.ontype.clone();
        let typed = line.clone();
        html! {
            <button type="button" class="offer" onclick={Callback::from(move |_| ontype.emit(typed.clone()))}
                    title={i18n::types_line(&line, lang)}>
                {label.get(lang)}<code>{line}</code>
            </button>
        }
    };
    let onclose = props.onclose.reform(|_| ());
    let ids = |ids: &[String]| {
        if ids.is_empty() {
            html! { <span class="muted">{i18n::NONE_BASE.get(lang)}</span> }
        } else {
            html! { <>{ for ids.iter().map(|d| html! { <code>{d.clone()}</code> }) }</> }
        }
    };
    let where_ = if n.current {
        i18n::DB_AT_REVISION
    } else if n.applied {
        i18n::DB_HAS_REVISION
    } else {
        i18n::DB_LACKS_REVISION
    }
    .get(lang);
    html! {
        <section class="revision-detail" aria-label={i18n::revision_named(&n.id, lang)}>
            <header>
                <h3><code>{n.id.clone()}</code>{" "}{n.message.clone()}</h3>
                <button type="button" class="close" aria-label={i18n::CLOSE_REVISION.get(lang)} onclick={onclose}>{"×"}</button>
            </header>
            <dl>
                <dt>{i18n::REV_FILE.get(lang)}</dt><dd><code>{n.path.clone()}</code></dd>
                <dt>{i18n::REV_REVISES.get(lang)}</dt><dd>{ ids(&n.down) }</dd>
                if !n.depends_on.is_empty() {
                    <dt>{i18n::REV_DEPENDS_ON.get(lang)}</dt><dd>{ ids(&n.depends_on) }</dd>
                }
                if !n.labels.is_empty() {
                    <dt>{i18n::REV_BRANCH_LABELS.get(lang)}</dt>
                    <dd>{ for n.labels.iter().map(|l| html! { <code>{l.clone()}</code> }) }</dd>
                }
            </dl>
            if n.longdoc.contains("\n\n") || n.longdoc.lines().count() > 1 {
                <pre class="rev-doc">{n.longdoc.clone()}</pre>
            }
            <p class="rev-where">{where_}</p>
            <div class="offers">
                if offers.upgrade { { offer("upgrade", i18n::UPGRADE_TO_HERE) } }
                if offers.downgrade { { offer("downgrade", i18n::DOWNGRADE_TO_HERE) } }
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
