//! The schema tab: the current revision, the ER diagram, each table with its columns, keys
//! and indexes (what the last command changed highlighted), and the pending model changes.

use std::rc::Rc;

use yew::prelude::*;

use super::er_diagram::ErDiagram;
use crate::ui::i18n::{self, Lang};
use crate::views::pending::{Kind, PendingView};
use crate::views::schema::{Change, SchemaView, TableView};

#[derive(Properties, PartialEq)]
pub struct SchemaPanelProps {
    pub schema: Rc<SchemaView>,
    pub pending: Rc<Option<(PendingView, f64)>>,
    /// Shows a table's rows in the data tab.
    pub onbrowse: Callback<String>,
}

fn change_class(c: Change) -> Option<&'static str> {
    match c {
        Change::Same => None,
        Change::Added => Some("added"),
        Change::Altered => Some("altered"),
        Change::Removed => Some("removed"),
    }
}

fn change_label(c: Change, lang: Lang) -> &'static str {
    match c {
        Change::Same => "",
        Change::Added => i18n::ADDED_BY_LAST.get(lang),
        Change::Altered => i18n::CHANGED_BY_LAST.get(lang),
        Change::Removed => i18n::REMOVED_BY_LAST.get(lang),
    }
}

#[function_component]
pub fn SchemaPanel(props: &SchemaPanelProps) -> Html {
    let lang = i18n::use_lang();
    let schema = &props.schema;
    let version = match &schema.versions {
        None => html! { <span class="muted">{i18n::NO_VERSION_TABLE.get(lang)}</span> },
        Some(v) if v.is_empty() => {
            html! { <span class="muted">{i18n::VERSION_EMPTY.get(lang)}</span> }
        }
        Some(v) => html! {
            <>{ for v.iter().map(|id| html! { <code class="rev-badge">{id.clone()}</code> }) }</>
        },
    };
    html! {
        <div class="schema-panel">
            <section class="pending" aria-label={i18n::PENDING_CHANGES.get(lang)}>
                <h2 class="panel-title">{i18n::PENDING_CHANGES.get(lang)}</h2>
                { pending(&props.pending, lang) }
            </section>
            <section aria-label={i18n::DATABASE_SCHEMA.get(lang)}>
                <h2 class="panel-title">
                    { schema.database.clone().unwrap_or_else(|| i18n::DATABASE.get(lang).into()) }
                </h2>
                <p class="current-rev">{i18n::CURRENT_REVISION.get(lang)}{version}</p>
                if let Some(note) = &schema.note {
                    <p class="placeholder">{i18n::view_note(note, lang)}</p>
                }
                if !schema.tables.is_empty() {
                    <ErDiagram tables={schema.tables.clone()} />
                }
                { for schema.tables.iter().map(|t| table_card(t, &props.onbrowse, lang)) }
            </section>
        </div>
    }
}

fn table_card(t: &TableView, onbrowse: &Callback<String>, lang: Lang) -> Html {
    let rows = i18n::row_count(t.rows, lang);
    html! {
        <article class={classes!("table-card", change_class(t.change))} aria-label={i18n::table_named(&t.name, lang)}
                 title={change_label(t.change, lang)}>
            <header>
                <span class="table-name">{t.name.clone()}</span>
                <span class="muted">{rows}</span>
                if t.change != Change::Removed {
                    <button type="button" class="browse-rows" aria-label={i18n::browse_rows_of(&t.name, lang)}
                            onclick={{ let (cb, name) = (onbrowse.clone(), t.name.clone()); Callback::from(move |_| cb.emit(name.clone())) }}>
                        {i18n::BROWSE_ROWS.get(lang)}
                    </button>
                }
            </header>
            <ul class="columns">
                { for t.columns.iter().map(|c| {
                    let mut badges: Vec<Html> = Vec::new();
                    if c.primary_key { badges.push(html! { <span class="badge pk" title={i18n::PRIMARY_KEY.get(lang)}>{"PK"}</span> }); }
                    if let Some(r) = &c.references {
                        badges.push(html! { <span class="badge fk" title={i18n::foreign_key_to(r, lang)}>{format!("FK → {r}")}</span> });
                    }
                    if c.unique { badges.push(html! { <span class="badge uq" title={i18n::UNIQUE.get(lang)}>{"UQ"}</span> }); }
                    if !c.nullable && !c.primary_key { badges.push(html! { <span class="badge nn" title="NOT NULL">{"NOT NULL"}</span> }); }
                    html! {
                        <li class={classes!(change_class(c.change))} title={change_label(c.change, lang)}>
                            <span class="col-name">{c.name.clone()}</span>
                            <span class="col-type">{c.type_.clone()}</span>
                            { for badges }
                        </li>
                    }
                }) }
            </ul>
            if !t.indexes.is_empty() {
                <ul class="indexes">
                    { for t.indexes.iter().map(|i| html! {
                        <li class={classes!(change_class(i.change))} title={change_label(i.change, lang)}>
                            <span class="muted">{ if i.unique { i18n::UNIQUE_INDEX } else { i18n::INDEX }.get(lang) }</span>
                            <span class="col-name">{i.name.clone()}</span>
                            <span class="col-type">{format!("({})", i.columns.join(", "))}</span>
                        </li>
                    }) }
                </ul>
            }
        </article>
    }
}

fn pending(p: &Option<(PendingView, f64)>, lang: Lang) -> Html {
    let Some((view, ms)) = p else {
        return html! { <p class="placeholder">{i18n::CHECKING.get(lang)}</p> };
    };
    let timing = html! { <p class="timing muted">{i18n::pending_timing(*ms, lang)}</p> };
    let body = match view {
        PendingView::NotInitialized => html! {
            <p class="placeholder">{i18n::PENDING_NOT_INITIALIZED.get(lang)}</p>
        },
        PendingView::UpToDate => {
            html! { <p class="pending-ok">{i18n::PENDING_UP_TO_DATE.get(lang)}</p> }
        }
        PendingView::Blocked(message) => html! {
            <p class="pending-blocked">{ blocked_hint(message, lang) }</p>
        },
        PendingView::Items(items) => html! {
            <ul class="pending-list">
                { for items.iter().map(|i| {
                    let (class, sign, verb) = match i.kind {
                        Kind::Add => ("added", "+", "add"),
                        Kind::Remove => ("removed", "−", "remove"),
                        Kind::Change => ("altered", "~", "change"),
                    };
                    let target = if i.name.is_empty() { i.table.clone() } else { format!("{}.{}", i.table, i.name) };
                    html! {
                        <li class={class} aria-label={i18n::pending_item(verb, i.object, &target, lang)}>
                            <span class="sign" aria-hidden="true">{sign}</span>
                            <span class="muted">{format!("{} ", i18n::object_name(i.object, lang))}</span>
                            <span class="col-name">{target}</span>
                            if !i.detail.is_empty() { <span class="col-type">{i.detail.clone()}</span> }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! { <>{body}{timing}</> }
}

/// Alembic's refusal, with what to do about it.
fn blocked_hint(message: &str, lang: Lang) -> String {
    if message == "Target database is not up to date." {
        return i18n::PENDING_BEHIND.get(lang).into();
    }
    if message.contains("does not provide a MetaData object") {
        return i18n::PENDING_NO_METADATA.get(lang).into();
    }
    i18n::pending_failed(message, lang)
}
