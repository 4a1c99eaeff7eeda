//! Undo last command: one button that puts back the files and database the last command
//! changed (src/undo.rs keeps them), labelled with the command it undoes.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::i18n;
use crate::ui::state::{DataState, PROJECT_ROOT};

#[derive(Properties, PartialEq)]
pub struct UndoButtonProps {
    pub data: Rc<DataState>,
    pub onundo: Callback<()>,
}

#[function_component]
pub fn UndoButton(props: &UndoButtonProps) -> Html {
    let lang = i18n::use_lang();
    let status = props.data.undone.as_ref().map(|l| {
        html! { <span class="undo-status" role="status">{i18n::UNDID.get(lang)}<code>{i18n::command_label(l, lang)}</code></span> }
    });
    let Some(undo) = props.data.last_undo() else {
        return html! { <div class="undo-bar">{ for status }</div> };
    };
    let files: Vec<String> = undo
        .paths()
        .map(|p| {
            p.strip_prefix(PROJECT_ROOT)
                .map(|r| r.trim_start_matches('/'))
                .unwrap_or(p)
                .to_string()
        })
        .collect();
    let shown: Vec<&str> = files.iter().take(6).map(String::as_str).collect();
    let more = files.len().saturating_sub(shown.len());
    let label = i18n::command_label(&undo.label, lang);
    let title = i18n::undo_title(&label, &shown.join(", "), more, lang);
    let onclick = props.onundo.reform(|_| ());
    // A running line works on a copy of these files; undoing under it would be lost.
    let busy = use_context::<crate::ui::app::Busy>().is_some_and(|b| b.0);
    html! {
        <div class="undo-bar">
            <button type="button" class="undo" {onclick} {title} disabled={busy}
                    aria-label={i18n::undo_named(&label, lang)}>
                {i18n::UNDO.get(lang)}<code>{label.clone()}</code>
            </button>
            { for status }
        </div>
    }
}
