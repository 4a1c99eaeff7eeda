//! The header's workspace controls: the workspace list (switch, new, rename, reset, delete),
//! Share, Present, Export, Download database, Open file, and the save status with the choices
//! a conflict or refused storage offers; in embed mode, Reset and "Open in the playground".
//! What each control does is `ui::storage`'s.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::embed;
use crate::ui::i18n as tr;
use crate::ui::storage::{self, Entry, Status};

/// Confirmations the workspace list is waiting on.
#[derive(Clone, PartialEq)]
enum Confirm {
    Reset,
    Delete(String, String),
}

#[derive(Properties, PartialEq)]
struct ListProps {
    onclose: Callback<()>,
}

/// The list of workspaces: switch, start a new one, rename, reset (confirmed), delete
/// (confirmed; never the one shown).
#[function_component]
fn WorkspaceList(props: &ListProps) -> Html {
    let lang = tr::use_lang();
    let entries = use_state(|| None::<Result<Vec<Entry>, String>>);
    let confirm = use_state(|| None::<Confirm>);
    let renaming = use_state(|| false);
    let refresh = {
        let entries = entries.clone();
        Callback::from(move |()| {
            let entries = entries.clone();
            wasm_bindgen_futures::spawn_local(async move {
                entries.set(Some(storage::list().await));
            });
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with((), move |_| refresh.emit(()));
    }
    let (shown_id, shown_name) = storage::shown();
    let close = props.onclose.clone();
    let then_close = |f: fn()| {
        let close = close.clone();
        Callback::from(move |_| {
            f();
            close.emit(());
        })
    };
    let open = |id: String| {
        let close = close.clone();
        Callback::from(move |_| {
            storage::switch_to(id.clone());
            close.emit(());
        })
    };
    let ask = |c: Confirm| {
        let confirm = confirm.clone();
        Callback::from(move |_| confirm.set(Some(c.clone())))
    };
    let cancel = {
        let confirm = confirm.clone();
        Callback::from(move |_| confirm.set(None))
    };
    let do_reset = {
        let close = close.clone();
        Callback::from(move |_| {
            let close = close.clone();
            wasm_bindgen_futures::spawn_local(async move {
                storage::reset_shown().await;
                close.emit(());
            });
        })
    };
    let do_delete = |id: String| {
        let (confirm, refresh) = (confirm.clone(), refresh.clone());
        Callback::from(move |_| {
            let (id, confirm, refresh) = (id.clone(), confirm.clone(), refresh.clone());
            wasm_bindgen_futures::spawn_local(async move {
                storage::delete(&id).await;
                confirm.set(None);
                refresh.emit(());
            });
        })
    };
    let onrename = {
        let (renaming, refresh) = (renaming.clone(), refresh.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = e
                .target_dyn_into::<web_sys::HtmlElement>()
                .and_then(|form| form.query_selector("input").ok().flatten())
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
            let Some(input) = input else {
                return;
            };
            let name = input.value().trim().to_string();
            renaming.set(false);
            if name.is_empty() {
                return;
            }
            let refresh = refresh.clone();
            wasm_bindgen_futures::spawn_local(async move {
                storage::rename_shown(name).await;
                refresh.emit(());
            });
        })
    };
    let start_rename = {
        let renaming = renaming.clone();
        Callback::from(move |_| renaming.set(true))
    };

    let rows = match &*entries {
        None => html! { <p>{"…"}</p> },
        Some(Err(e)) => {
            html! { <p role="alert">{tr::ws_list_failed(e, lang)}</p> }
        }
        Some(Ok(list)) => {
            // The one shown may not be saved yet.
            let mut list = list.clone();
            if !list.iter().any(|e| e.id == shown_id) {
                list.insert(
                    0,
                    Entry {
                        id: shown_id.clone(),
                        name: shown_name.clone(),
                        updated: js_sys::Date::now(),
                    },
                );
            }
            html! {
                <ul class="ws-list" aria-label={tr::WS_SAVED_LIST.get(lang)}>
                    { for list.into_iter().map(|e| {
                        let here = e.id == shown_id;
                        let when = js_sys::Date::new(&e.updated.into());
                        let when = String::from(when.to_locale_string(tr::code(lang), &wasm_bindgen::JsValue::UNDEFINED));
                        let name = if here { shown_name.clone() } else { e.name.clone() };
                        html! {
                            <li class={classes!(here.then_some("current"))} aria-current={here.then_some("true")}>
                                <span class="ws-name">{name.clone()}</span>
                                <span class="ws-when">{when}</span>
                                if here {
                                    <span class="ws-here">{tr::WS_THIS_TAB.get(lang)}</span>
                                } else {
                                    <button type="button" onclick={open(e.id.clone())}
                                            aria-label={tr::ws_open_named(&name, lang)}>{tr::WS_OPEN.get(lang)}</button>
                                    <button type="button" class="danger"
                                            onclick={ask(Confirm::Delete(e.id.clone(), name.clone()))}
                                            aria-label={tr::ws_delete_named(&name, lang)}>{tr::WS_DELETE.get(lang)}</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        }
    };
    let prompt = match &*confirm {
        None => html! {},
        Some(Confirm::Reset) => html! {
            <div class="ws-confirm" role="alertdialog" aria-label={tr::WS_CONFIRM_RESET.get(lang)}>
                <p>{tr::ws_reset_question(&shown_name, lang)}</p>
                <button type="button" class="danger" onclick={do_reset}>{tr::WS_YES_RESET.get(lang)}</button>
                <button type="button" onclick={cancel.clone()}>{tr::CANCEL.get(lang)}</button>
            </div>
        },
        Some(Confirm::Delete(id, name)) => html! {
            <div class="ws-confirm" role="alertdialog" aria-label={tr::CONFIRM_DELETE.get(lang)}>
                <p>{tr::ws_delete_question(name, lang)}</p>
                <button type="button" class="danger" onclick={do_delete(id.clone())}>{tr::WS_YES_DELETE.get(lang)}</button>
                <button type="button" onclick={cancel}>{tr::CANCEL.get(lang)}</button>
            </div>
        },
    };
    let onclose = {
        let close = close.clone();
        Callback::from(move |_| close.emit(()))
    };
    html! {
        <div class="ws-panel" role="dialog" aria-label={tr::WS_LIST.get(lang)}>
            <div class="ws-actions">
                <button type="button" onclick={then_close(storage::new_tutorial)}>{tr::WS_NEW_TUTORIAL.get(lang)}</button>
                <button type="button" onclick={then_close(storage::new_blank)}>{tr::WS_NEW_BLANK.get(lang)}</button>
                <button type="button" onclick={start_rename}>{tr::WS_RENAME.get(lang)}</button>
                <button type="button" onclick={ask(Confirm::Reset)}>{tr::WS_RESET.get(lang)}</button>
                <button type="button" {onclose}>{tr::CLOSE.get(lang)}</button>
            </div>
            if *renaming {
                <form class="ws-rename" onsubmit={onrename}>
                    <label>{tr::WS_NEW_NAME.get(lang)}<input type="text" value={shown_name.clone()} aria-label={tr::WS_NAME.get(lang)} /></label>
                    <button type="submit">{tr::WS_SAVE_NAME.get(lang)}</button>
                </form>
            }
            {prompt}
            {rows}
        </div>
    }
}

/// The header's controls (see the module comment).
#[function_component]
pub fn WorkspaceBar() -> Html {
    let lang = tr::use_lang();
    let status = use_state(storage::status);
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            storage::watch_status(Some(Callback::from(move |st| status.set(st))));
            || storage::watch_status(None)
        });
    }
    let listing = use_state(|| false);
    let presenting = use_state(|| None::<Result<AttrValue, AttrValue>>);
    let share = use_state(|| None::<String>);
    let resetting = use_state(|| false);
    let onshare = {
        let share = share.clone();
        Callback::from(move |_| match storage::share_url() {
            Ok(url) => share.set(Some(url)),
            Err(e) => storage::tell(e),
        })
    };
    let oncopy = {
        let share = share.clone();
        Callback::from(move |_| {
            if let Some(url) = (*share).clone() {
                wasm_bindgen_futures::spawn_local(storage::copy_link(url));
            }
        })
    };
    let onexport = Callback::from(|_| storage::export_zip());
    let ondb = Callback::from(|_| storage::download_db());
    let onimport = Callback::from(|e: Event| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            wasm_bindgen_futures::spawn_local(storage::import_picked(input));
        }
    });
    let onpresent = {
        let presenting = presenting.clone();
        Callback::from(move |_| {
            let url = storage::share_url()
                .map(AttrValue::from)
                .map_err(|e| AttrValue::from(e.get(lang).to_string()));
            presenting.set(Some(url));
        })
    };
    let close_presenter = {
        let presenting = presenting.clone();
        Callback::from(move |()| presenting.set(None))
    };
    let toggle_list = {
        let listing = listing.clone();
        Callback::from(move |_| listing.set(!*listing))
    };
    let close_list = {
        let listing = listing.clone();
        Callback::from(move |()| listing.set(false))
    };
    let take_theirs = Callback::from(|_| storage::take_theirs());
    let keep_mine = Callback::from(|_| storage::keep_mine());
    let onfull = Callback::from(|_| storage::open_in_playground());
    let ask_reset = {
        let resetting = resetting.clone();
        Callback::from(move |_| resetting.set(!*resetting))
    };
    let do_reset = {
        let resetting = resetting.clone();
        Callback::from(move |_| {
            resetting.set(false);
            wasm_bindgen_futures::spawn_local(storage::reset_shown());
        })
    };

    let (class, text) = match &*status {
        Status::Idle => ("ws-status", String::new()),
        Status::Saved { bytes, ms } => (
            "ws-status saved",
            format!(
                "{} ({:.1} KB, {ms:.0} ms)",
                tr::WS_SAVED.get(lang),
                *bytes as f64 / 1024.0
            ),
        ),
        Status::Unavailable(why) => ("ws-status problem", tr::ws_unavailable(why, lang)),
        Status::Conflict => ("ws-status problem", tr::WS_CONFLICT.get(lang).into()),
        Status::BadLink(msg) => ("ws-status problem", msg.get(lang).to_string()),
        Status::Opened(msg) | Status::Info(msg) => ("ws-status", msg.get(lang).to_string()),
    };
    let problem = matches!(
        *status,
        Status::Unavailable(_) | Status::BadLink(_) | Status::Conflict
    );
    let role = if problem { "alert" } else { "status" };
    let (_, shown_name) = storage::shown();
    // The way out of a conflict stays on screen for as long as saving is stopped, whatever
    // message came since (src/ui/storage/).
    let conflict_choices = storage::in_conflict().then(|| {
        html! {
            <span class="ws-choices">
                {" "}<button type="button" onclick={take_theirs}>{tr::WS_TAKE_THEIRS.get(lang)}</button>
                {" "}<button type="button" onclick={keep_mine}>{tr::WS_KEEP_MINE.get(lang)}</button>
            </span>
        }
    });
    if embed::options().on {
        return html! {
            <div class="workspace-bar embedded" role="group" aria-label={tr::WS_BUTTON.get(lang)}>
                <button type="button" onclick={onfull}
                        title={tr::WS_OPEN_FULL_TITLE.get(lang)}>{tr::WS_OPEN_FULL.get(lang)}</button>
                <button type="button" onclick={ask_reset}>{tr::WS_RESET.get(lang)}</button>
                if *resetting {
                    <span class="ws-confirm" role="alertdialog" aria-label={tr::WS_CONFIRM_RESET.get(lang)}>
                        {tr::WS_START_OVER.get(lang)}
                        <button type="button" class="danger" onclick={do_reset}>{tr::WS_YES_RESET.get(lang)}</button>
                    </span>
                }
                <p {class} {role}>{text}{conflict_choices}</p>
            </div>
        };
    }
    html! {
        <div class="workspace-bar" role="group" aria-label={tr::WS_BUTTON.get(lang)}>
            <button type="button" class="ws-current" onclick={toggle_list}
                    aria-expanded={(*listing).to_string()}
                    title={tr::WS_BUTTON_TITLE.get(lang)}>
                {format!("{}: {shown_name}", tr::WS_BUTTON.get(lang))}
            </button>
            <button type="button" onclick={onshare}>{tr::WS_SHARE.get(lang)}</button>
            <button type="button" onclick={onpresent} title={tr::WS_PRESENT_TITLE.get(lang)}>{tr::WS_PRESENT.get(lang)}</button>
            <button type="button" onclick={onexport.clone()}>{tr::WS_EXPORT.get(lang)}</button>
            <button type="button" onclick={ondb}>{tr::WS_DOWNLOAD_DB.get(lang)}</button>
            <label class="ws-import" title={tr::WS_OPEN_FILE_TITLE.get(lang)}>{tr::WS_OPEN_FILE.get(lang)}
                <input type="file" accept=".zip,application/zip,.db,.sqlite,.sqlite3,.md,text/markdown" onchange={onimport}
                       aria-label={tr::WS_OPEN_FILE_INPUT.get(lang)} />
            </label>
            // Link and file text are only ever shown as text: Yew escapes it.
            <p {class} {role}
               data-bytes={if let Status::Saved { bytes, .. } = &*status { bytes.to_string() } else { String::new() }}>
                {text}
                if matches!(*status, Status::Unavailable(_)) {
                    {" "}<button type="button" onclick={onexport}>{tr::WS_EXPORT_NOW.get(lang)}</button>
                }
                {conflict_choices}
            </p>
            if *listing {
                <WorkspaceList onclose={close_list} />
            }
            if let Some(url) = (*presenting).clone() {
                <super::presenter::Presenter {url} name={shown_name.clone()} onclose={close_presenter} />
            }
            if let Some(url) = (*share).clone() {
                <div class="share-link">
                    <label>{tr::ws_share_link(url.len(), lang)}
                        <input type="text" readonly=true value={url} aria-label={tr::WS_SHARE_LINK.get(lang)} />
                    </label>
                    <button type="button" onclick={oncopy}>{tr::WS_COPY.get(lang)}</button>
                </div>
            }
        </div>
    }
}
