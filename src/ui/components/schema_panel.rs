//! The schema tab: the current revision, the ER diagram, each table with its columns, keys
//! and indexes (what the last command changed highlighted), and the pending model changes.

use std::rc::Rc;

use yew::prelude::*;

use super::er_diagram::ErDiagram;
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

fn change_label(c: Change) -> &'static str {
    match c {
        Change::Same => "",
        Change::Added => "added by the last command",
        Change::Altered => "changed by the last command",
        Change::Removed => "removed by the last command",
    }
}

#[function_component]
pub fn SchemaPanel(props: &SchemaPanelProps) -> Html {
    let lang = crate::ui::i18n::use_lang();
    let schema = &props.schema;
    let version = match &schema.versions {
        None => html! { <span class="muted">{"no alembic_version table yet"}</span> },
        Some(v) if v.is_empty() => {
            html! { <span class="muted">{"alembic_version is empty (base)"}</span> }
        }
        Some(v) => html! {
            <>{ for v.iter().map(|id| html! { <code class="rev-badge">{id.clone()}</code> }) }</>
        },
    };
    html! {
        <div class="schema-panel">
            <section class="pending" aria-label="Pending model changes">
                <h2 class="panel-title">{crate::ui::i18n::PENDING_CHANGES.get(lang)}</h2>
                { pending(&props.pending) }
            </section>
            <section aria-label="Database schema">
                <h2 class="panel-title">
                    { schema.database.clone().unwrap_or_else(|| "database".into()) }
                </h2>
                <p class="current-rev">{"Current revision: "}{version}</p>
                if let Some(note) = &schema.note {
                    <p class="placeholder">{note.clone()}</p>
                }
                if !schema.tables.is_empty() {
                    <ErDiagram tables={schema.tables.clone()} />
                }
                { for schema.tables.iter().map(|t| table_card(t, &props.onbrowse)) }
            </section>
        </div>
    }
}

fn table_card(t: &TableView, onbrowse: &Callback<String>) -> Html {
    let rows = if t.rows == 1 {
        "1 row".to_string()
    } else {
        format!("{} rows", t.rows)
    };
    html! {
        <article class={classes!("table-card", change_class(t.change))} aria-label={format!("Table {}", t.name)}
                 title={change_label(t.change)}>
            <header>
                <span class="table-name">{t.name.clone()}</span>
                <span class="muted">{rows}</span>
                if t.change != Change::Removed {
                    <button type="button" class="browse-rows" aria-label={format!("Browse rows of {}", t.name)}
                            onclick={{ let (cb, name) = (onbrowse.clone(), t.name.clone()); Callback::from(move |_| cb.emit(name.clone())) }}>
                        {"Rows →"}
                    </button>
                }
            </header>
            <ul class="columns">
                { for t.columns.iter().map(|c| {
                    let mut badges: Vec<Html> = Vec::new();
                    if c.primary_key { badges.push(html! { <span class="badge pk" title="primary key">{"PK"}</span> }); }
                    if let Some(r) = &c.references {
                        badges.push(html! { <span class="badge fk" title={format!("foreign key to {r}")}>{format!("FK → {r}")}</span> });
                    }
                    if c.unique { badges.push(html! { <span class="badge uq" title="unique">{"UQ"}</span> }); }
                    if !c.nullable && !c.primary_key { badges.push(html! { <span class="badge nn" title="NOT NULL">{"NOT NULL"}</span> }); }
                    html! {
                        <li class={classes!(change_class(c.change))} title={change_label(c.change)}>
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
                        <li class={classes!(change_class(i.change))} title={change_label(i.change)}>
                            <span class="muted">{ if i.unique { "unique index " } else { "index " } }</span>
                            <span class="col-name">{i.name.clone()}</span>
                            <span class="col-type">{format!("({})", i.columns.join(", "))}</span>
                        </li>
                    }) }
                </ul>
            }
        </article>
    }
}

fn pending(p: &Option<(PendingView, f64)>) -> Html {
    let Some((view, ms)) = p else {
        return html! { <p class="placeholder">{"Checking…"}</p> };
    };
    let timing = html! { <p class="timing muted">{format!("What `alembic check` would report, computed in {ms:.1} ms. Nothing is written.")}</p> };
    let body = match view {
        PendingView::NotInitialized => html! {
            <p class="placeholder">{"After `alembic init alembic`, edits to the models show here before you generate a revision."}</p>
        },
        PendingView::UpToDate => {
            html! { <p class="pending-ok">{"✓ The models and the database agree: autogenerate would find nothing."}</p> }
        }
        PendingView::Blocked(message) => html! {
            <p class="pending-blocked">{ blocked_hint(message) }</p>
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
                        <li class={class} aria-label={format!("{verb} {} {target}", i.object)}>
                            <span class="sign" aria-hidden="true">{sign}</span>
                            <span class="muted">{format!("{} ", i.object)}</span>
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
fn blocked_hint(message: &str) -> String {
    if message == "Target database is not up to date." {
        return "The database is behind the latest revision, so Alembic will not compare yet: run `alembic upgrade head` first.".into();
    }
    if message.contains("does not provide a MetaData object") {
        return "env.py sets no target_metadata, so there is nothing to compare: import your models' Base there and set `target_metadata = Base.metadata`.".into();
    }
    format!("Alembic could not compare: {message}")
}
