//! The data tab's row browser: a table picked here (or from the schema tab) shown a page at
//! a time. Reading only; the SQL console is where rows change.

use yew::prelude::*;

use super::sql_console::result_table;
use crate::ui::i18n;
use crate::views::data::TablePage;

#[derive(Properties, PartialEq)]
pub struct TableRowsProps {
    /// The tables to choose from (the schema tab's).
    pub tables: Vec<String>,
    pub page: Option<TablePage>,
    /// (table, page)
    pub onbrowse: Callback<(String, usize)>,
}

#[function_component]
pub fn TableRows(props: &TableRowsProps) -> Html {
    let lang = i18n::use_lang();
    let selected = props
        .page
        .as_ref()
        .map(|p| p.table.clone())
        .unwrap_or_default();
    let body = match &props.page {
        None => html! { <p class="muted">{i18n::PICK_TABLE.get(lang)}</p> },
        Some(p) => {
            if let Some(e) = &p.error {
                html! { <p class="sql-error">{e.clone()}</p> }
            } else {
                let (first, last) = p.span();
                let go = |page: usize| {
                    let onbrowse = props.onbrowse.clone();
                    let table = p.table.clone();
                    Callback::from(move |_| onbrowse.emit((table.clone(), page)))
                };
                html! {
                    <>
                    <div class="pager">
                        <button type="button" disabled={p.page == 0} onclick={go(p.page.saturating_sub(1))}
                                aria-label={i18n::PREV_PAGE.get(lang)}>{i18n::PREV.get(lang)}</button>
                        <span role="status">{i18n::rows_span(first, last, p.total, p.page + 1, p.pages(), lang)}</span>
                        <button type="button" disabled={p.page + 1 >= p.pages()} onclick={go(p.page + 1)}
                                aria-label={i18n::NEXT_PAGE.get(lang)}>{i18n::NEXT.get(lang)}</button>
                    </div>
                    { result_table(&p.columns, &p.rows, &i18n::rows_of(&p.table, lang), lang) }
                    </>
                }
            }
        }
    };
    html! {
        <section class="table-rows" aria-label={i18n::TABLE_ROWS.get(lang)}>
            <h2 class="panel-title">{i18n::ROWS.get(lang)}</h2>
            <div class="table-pick" role="group" aria-label={i18n::TABLES.get(lang)}>
                { for props.tables.iter().map(|t| {
                    let (onbrowse, name) = (props.onbrowse.clone(), t.clone());
                    html! {
                        <button type="button" aria-pressed={(*t == selected).to_string()}
                                onclick={Callback::from(move |_| onbrowse.emit((name.clone(), 0)))}>
                            {t.clone()}
                        </button>
                    }
                }) }
            </div>
            { body }
        </section>
    }
}
