//! The side panels: the live database schema (with the ER diagram and the pending model
//! changes) and the revision history, as tabs.

use std::rc::Rc;

use yew::prelude::*;

use super::data_panel::DataPanel;
use super::guide_panel::GuidePanel;
use super::history_panel::HistoryPanel;
use super::schema_panel::SchemaPanel;
use crate::tutorial::Lang;
use crate::ui::guide::Guide;
use crate::ui::i18n;
use crate::ui::state::DataState;
use crate::views::history::HistoryView;
use crate::views::pending::PendingView;
use crate::views::schema::SchemaView;

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Guide,
    Schema,
    History,
    Data,
}

#[derive(Properties, PartialEq)]
pub struct SidePanelsProps {
    pub schema: Rc<SchemaView>,
    pub history: Rc<HistoryView>,
    pub pending: Rc<Option<(PendingView, f64)>>,
    pub guide: Rc<Guide>,
    pub exercise: Rc<crate::ui::exercise::ExerciseState>,
    pub onhint: Callback<()>,
    pub onlang: Callback<Lang>,
    pub ongo: Callback<usize>,
    pub onread: Callback<()>,
    pub onshowme: Callback<()>,
    pub onreset: Callback<()>,
    pub ontype: Callback<String>,
    pub onrun: Callback<String>,
    /// The data tab: console, rows and SQL log (src/ui/components/data_panel.rs).
    pub data: Rc<DataState>,
    pub onsql: Callback<String>,
    pub onbrowse: Callback<(String, usize)>,
}

#[function_component]
pub fn SidePanels(props: &SidePanelsProps) -> Html {
    let tab = use_state(|| Tab::Guide);
    let lang = i18n::use_lang();
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
        Tab::Guide => (
            "tab-guide",
            html! {
                <>
                <super::exercise_panel::ExercisePanel state={props.exercise.clone()} onhint={props.onhint.clone()}
                                                      ontype={props.ontype.clone()} />
                <GuidePanel guide={props.guide.clone()} onlang={props.onlang.clone()}
                            ongo={props.ongo.clone()} onread={props.onread.clone()}
                            onshowme={props.onshowme.clone()} onreset={props.onreset.clone()}
                            ontype={props.ontype.clone()} />
                </>
            },
        ),
        Tab::Schema => ("tab-schema", {
            // A table's "Browse rows" opens the data tab on it.
            let (tab, onbrowse) = (tab.clone(), props.onbrowse.clone());
            let onbrowse = Callback::from(move |table: String| {
                tab.set(Tab::Data);
                onbrowse.emit((table, 0));
            });
            html! { <SchemaPanel schema={props.schema.clone()} pending={props.pending.clone()} {onbrowse} /> }
        }),
        Tab::History => (
            "tab-history",
            html! { <HistoryPanel history={props.history.clone()} onrun={props.onrun.clone()} ontype={props.ontype.clone()} /> },
        ),
        Tab::Data => (
            "tab-data",
            html! {
                <DataPanel data={props.data.clone()} onsql={props.onsql.clone()} onbrowse={props.onbrowse.clone()}
                           tables={props.schema.tables.iter().map(|t| t.name.clone()).collect::<Vec<_>>()} />
            },
        ),
    };
    // The landmark's name stays English in both languages (the tests find the panels by it).
    html! {
        <aside class="side-panels" aria-label="Guide, database and history">
            <div class="tabs" role="tablist" aria-label={i18n::SIDE_PANELS.get(lang)}>
                { tab_button(Tab::Guide, i18n::TAB_GUIDE.get(lang), "tab-guide") }
                { tab_button(Tab::Schema, i18n::TAB_SCHEMA.get(lang), "tab-schema") }
                { tab_button(Tab::History, i18n::TAB_HISTORY.get(lang), "tab-history") }
                { tab_button(Tab::Data, i18n::TAB_DATA.get(lang), "tab-data") }
            </div>
            <div id="side-panel" role="tabpanel" aria-labelledby={labelled_by} class="panel-body">
                { body }
            </div>
        </aside>
    }
}
