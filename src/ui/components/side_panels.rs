//! The side panels: the live database schema and the revision history, as tabs.

use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Schema,
    History,
}

#[function_component]
pub fn SidePanels() -> Html {
    let tab = use_state(|| Tab::Schema);
    let select = |which: Tab| {
        let tab = tab.clone();
        Callback::from(move |_| tab.set(which))
    };
    let tab_button = |which: Tab, label: &'static str, id: &'static str| {
        let selected = *tab == which;
        html! {
            <button type="button" role="tab" id={id} aria-selected={selected.to_string()}
                    aria-controls="side-panel" class={classes!("tab", selected.then_some("active"))}
                    onclick={select(which)}>
                {label}
            </button>
        }
    };
    let (labelled_by, body) = match *tab {
        Tab::Schema => (
            "tab-schema",
            "The live SQLite schema appears here: tables, columns, keys and indexes, \
             updated after every command.",
        ),
        Tab::History => (
            "tab-history",
            "The revision graph appears here once the project has revisions: \
             heads, branches, merges and the current revision.",
        ),
    };
    html! {
        <aside class="side-panels" aria-label="Database and history">
            <div class="tabs" role="tablist" aria-label="Side panels">
                { tab_button(Tab::Schema, "Schema", "tab-schema") }
                { tab_button(Tab::History, "History", "tab-history") }
            </div>
            <div id="side-panel" role="tabpanel" aria-labelledby={labelled_by} class="panel-body">
                <p class="placeholder">{body}</p>
            </div>
        </aside>
    }
}
