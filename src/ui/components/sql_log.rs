//! The data tab's SQL log: every statement the last command (or console run) ran against
//! the database, in order, with bound parameters and failures, as the engine recorded them.

use yew::prelude::*;

use crate::ui::i18n;

#[derive(Properties, PartialEq)]
pub struct SqlLogProps {
    pub log: crate::ui::state::SqlLog,
}

#[function_component]
pub fn SqlLog(props: &SqlLogProps) -> Html {
    let lang = i18n::use_lang();
    let log = &props.log;
    let (before, after) = i18n::statements_run_by(log.statements.len(), lang);
    html! {
        <section class="sql-log" aria-label={i18n::SQL_LOG.get(lang)}>
            <h2 class="panel-title">{i18n::SQL_LOG.get(lang)}</h2>
            if log.statements.is_empty() {
                <p class="muted">{i18n::SQL_LOG_EMPTY.get(lang)}</p>
            } else {
                <p class="sql-log-source">
                    {before}
                    <code>{i18n::command_label(&log.source, lang)}</code>
                    {after}
                </p>
                <ol class="sql-log-list">
                    { for log.statements.iter().map(|s| html! {
                        <li class={classes!(s.error.is_some().then_some("failed"))}>
                            <pre>{s.sql.clone()}</pre>
                            if !s.params.is_empty() {
                                <span class="muted">{i18n::parameters(&s.params.join(", "), lang)}</span>
                            }
                            if let Some(e) = &s.error {
                                <span class="sql-error">{i18n::failed(e, lang)}</span>
                            }
                        </li>
                    }) }
                </ol>
            }
        </section>
    }
}
