//! The data tab: the SQL console, a table's rows, and the SQL log of the last command.

use std::rc::Rc;

use yew::prelude::*;

use super::sql_console::SqlConsole;
use super::sql_log::SqlLog;
use super::table_rows::TableRows;
use crate::ui::state::DataState;

#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    pub data: Rc<DataState>,
    pub tables: Vec<String>,
    pub onsql: Callback<String>,
    pub onbrowse: Callback<(String, usize)>,
}

#[function_component]
pub fn DataPanel(props: &DataPanelProps) -> Html {
    let d = &props.data;
    html! {
        <div class="data-panel">
            <SqlConsole result={Rc::new(d.console.clone())} onrun={props.onsql.clone()} />
            <TableRows tables={props.tables.clone()} page={d.browse.clone()} onbrowse={props.onbrowse.clone()} />
            <SqlLog log={d.log.clone()} />
        </div>
    }
}
