//! The data tab's SQL log: every statement the last command (or console run) ran against
//! the database, in order, with bound parameters and failures, as the engine recorded them.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SqlLogProps {
    pub log: crate::ui::state::SqlLog,
}

#[function_component]
pub fn SqlLog(props: &SqlLogProps) -> Html {
    let lang = crate::ui::i18n::use_lang();
    let log = &props.log;
    html! {
        <section class="sql-log" aria-label="SQL log">
            <h2 class="panel-title">{crate::ui::i18n::SQL_LOG.get(lang)}</h2>
            if log.statements.is_empty() {
                <p class="muted">{"Statements a command runs against the database (alembic upgrade, sqlite3, python) are listed here, in order."}</p>
            } else {
                <p class="sql-log-source">
                    {format!("{} statement{} run by ", log.statements.len(), if log.statements.len() == 1 { "" } else { "s" })}
                    <code>{log.source.clone()}</code>
                </p>
                <ol class="sql-log-list">
                    { for log.statements.iter().map(|s| html! {
                        <li class={classes!(s.error.is_some().then_some("failed"))}>
                            <pre>{s.sql.clone()}</pre>
                            if !s.params.is_empty() {
                                <span class="muted">{format!("parameters: ({})", s.params.join(", "))}</span>
                            }
                            if let Some(e) = &s.error {
                                <span class="sql-error">{format!("failed: {e}")}</span>
                            }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
