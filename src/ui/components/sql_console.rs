//! The data tab's SQL console: SQL typed here runs against the project's database as
//! `sqlite3 app.db` would (the engine writes it back the same way), with each statement's
//! rows shown as a table. Ctrl-Enter (⌘-Enter) runs it.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::ui::i18n::{self, Lang};
use crate::views::data::ConsoleResult;

#[derive(Properties, PartialEq)]
pub struct SqlConsoleProps {
    pub result: Rc<Option<ConsoleResult>>,
    pub onrun: Callback<String>,
}

#[function_component]
pub fn SqlConsole(props: &SqlConsoleProps) -> Html {
    let lang = i18n::use_lang();
    let text = use_state(|| "SELECT name, type FROM sqlite_master;".to_string());
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    // A running line works on a copy of the database; the console waits for it.
    let busy = use_context::<crate::ui::app::Busy>().is_some_and(|b| b.0);
    let run = {
        let text = text.clone();
        let onrun = props.onrun.clone();
        move || {
            if !busy && !text.trim().is_empty() {
                onrun.emit((*text).clone());
            }
        }
    };
    let onclick = {
        let run = run.clone();
        Callback::from(move |_| run())
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            run();
        }
    });
    html! {
        <section class="sql-console" aria-label={i18n::SQL_CONSOLE.get(lang)}>
            <h2 class="panel-title">{i18n::SQL_CONSOLE.get(lang)}</h2>
            <textarea class="sql-input" aria-label={i18n::SQL_INPUT.get(lang)} spellcheck="false"
                      rows="4" value={(*text).clone()} {oninput} {onkeydown} />
            <div class="sql-actions">
                <button type="button" {onclick} disabled={busy}>{i18n::RUN_SQL.get(lang)}</button>
                <span class="muted">{i18n::SQL_HINT.get(lang)}</span>
            </div>
            { results(props.result.as_ref().as_ref(), lang) }
        </section>
    }
}

fn results(result: Option<&ConsoleResult>, lang: Lang) -> Html {
    let Some(r) = result else {
        return html! {};
    };
    let shown: Vec<Html> = r
        .results
        .iter()
        .filter(|t| !t.columns.is_empty())
        .enumerate()
        .map(|(i, t)| result_table(&t.columns, &t.rows, &i18n::result_n(i + 1, lang), lang))
        .collect();
    let ran = r.results.len();
    html! {
        <div class="sql-results" role="region" aria-label={i18n::QUERY_RESULTS.get(lang)}>
            if shown.is_empty() && r.error.is_none() {
                <p class="muted">{i18n::none_returned(ran, &r.database, lang)}</p>
            }
            { for shown }
            if let Some(e) = &r.error {
                <pre class="sql-error" role="alert">{e.clone()}</pre>
            }
        </div>
    }
}

/// Rows as an HTML table; NULL shows as a muted `NULL`, as a data grid marks it.
pub fn result_table(
    columns: &[String],
    rows: &[Vec<Option<String>>],
    label: &str,
    lang: Lang,
) -> Html {
    html! {
        <div class="result-scroll">
            <table class="result-table" aria-label={label.to_string()}>
                <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{c.clone()}</th> }) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>{ for row.iter().map(|v| match v {
                            Some(v) => html! { <td>{v.clone()}</td> },
                            None => html! { <td class="null">{"NULL"}</td> },
                        }) }</tr>
                    }) }
                </tbody>
            </table>
            if rows.is_empty() { <p class="muted">{i18n::NO_ROWS.get(lang)}</p> }
        </div>
    }
}
