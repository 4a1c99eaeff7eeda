//! Keyboard shortcuts for the whole page and their help overlay.
//!
//! One window-level `keydown` listener. It ignores keys something else already handled
//! (`defaultPrevented`: CodeMirror's own Ctrl-/ toggles a comment, the terminal's keys), so a
//! shortcut never takes a key from the editor or the terminal. The combinations avoid the
//! browser's own (Alt+Shift+letter, Ctrl+`). The overlay is a modal dialog: focus moves into
//! it, Tab and Shift-Tab cycle inside it, Escape or Close shut it and focus goes back.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n::{self, use_lang, Lang, Tr};
use crate::ui::layout::{use_prefs, Focus, PrefsAction, PrefsHandle};

#[derive(Properties, PartialEq)]
pub struct ShortcutsProps {
    pub onshowme: Callback<()>,
    pub onlang: Callback<Lang>,
}

/// What a key press asks for.
enum Command {
    Help,
    Focus(Focus),
    ShowMe,
    Language,
    Theme,
}

/// The global shortcuts (Alt+Shift+letter, by physical key so macOS's Option characters do
/// not matter), with what the overlay says about them.
const ALT_SHIFT: [(&str, &str, Tr); 9] = [
    ("KeyT", "T", i18n::KEY_TERMINAL),
    ("KeyE", "E", i18n::KEY_EDITOR),
    ("KeyF", "F", i18n::KEY_FILES),
    ("KeyG", "G", i18n::KEY_GUIDE),
    ("KeyS", "S", i18n::KEY_SCHEMA),
    ("KeyH", "H", i18n::KEY_HISTORY),
    ("KeyM", "M", i18n::KEY_SHOW_ME),
    ("KeyL", "L", i18n::KEY_LANGUAGE),
    ("KeyD", "D", i18n::KEY_THEME),
];

fn command_for(code: &str) -> Option<Command> {
    Some(match code {
        "KeyT" => Command::Focus(Focus::Terminal),
        "KeyE" => Command::Focus(Focus::Editor),
        "KeyF" => Command::Focus(Focus::Files),
        "KeyG" => Command::Focus(Focus::Tab("tab-guide")),
        "KeyS" => Command::Focus(Focus::Tab("tab-schema")),
        "KeyH" => Command::Focus(Focus::Tab("tab-history")),
        "KeyM" => Command::ShowMe,
        "KeyL" => Command::Language,
        "KeyD" => Command::Theme,
        _ => return None,
    })
}

/// Whether keys typed here are text: `?` must type a question mark there.
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    // The editor's events come from its shadow root's host.
    tag == "input"
        || tag == "textarea"
        || tag == "select"
        || el.class_list().contains("code-host")
        || el.closest("[contenteditable]").ok().flatten().is_some()
}

fn decide(e: &KeyboardEvent) -> Option<Command> {
    if e.default_prevented() || e.is_composing() {
        return None;
    }
    let (ctrl, alt, shift, meta) = (e.ctrl_key(), e.alt_key(), e.shift_key(), e.meta_key());
    if alt && shift && !ctrl && !meta {
        return command_for(&e.code());
    }
    if (ctrl || meta) && !alt && e.key() == "/" {
        return Some(Command::Help);
    }
    if ctrl && !alt && !meta && e.code() == "Backquote" {
        return Some(Command::Focus(Focus::Terminal));
    }
    if e.key() == "?" && !ctrl && !alt && !meta && !typing_in(e.target()) {
        return Some(Command::Help);
    }
    None
}

#[function_component]
pub fn Shortcuts(props: &ShortcutsProps) -> Html {
    let lang = use_lang();
    let prefs = use_prefs();
    // The listener outlives renders; it reads the latest props and state through these.
    let latest = use_mut_ref(|| {
        (
            props.onshowme.clone(),
            props.onlang.clone(),
            lang,
            prefs.clone(),
        )
    });
    *latest.borrow_mut() = (
        props.onshowme.clone(),
        props.onlang.clone(),
        lang,
        prefs.clone(),
    );
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new_with_options(
                &gloo::utils::window(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let (onshowme, onlang, lang, prefs) = latest.borrow().clone();
                    if prefs.help_open {
                        // Escape closes the overlay even if focus somehow left it; every other
                        // key belongs to the dialog.
                        if e.key() == "Escape" && !e.default_prevented() {
                            e.prevent_default();
                            prefs.dispatch(PrefsAction::Help(false));
                        }
                        return;
                    }
                    let Some(command) = decide(e) else {
                        return;
                    };
                    e.prevent_default();
                    run(command, &prefs, &onshowme, &onlang, lang);
                },
            );
            move || drop(listener)
        });
    }

    if !prefs.help_open {
        return html! {};
    }
    html! { <HelpDialog /> }
}

fn run(
    command: Command,
    prefs: &PrefsHandle,
    onshowme: &Callback<()>,
    onlang: &Callback<Lang>,
    lang: Lang,
) {
    match command {
        Command::Help => prefs.dispatch(PrefsAction::Help(true)),
        Command::Focus(focus) => prefs.dispatch(PrefsAction::Focus(focus)),
        // A line it types lands in the terminal, focused (the workbench sees to that).
        Command::ShowMe => onshowme.emit(()),
        Command::Language => onlang.emit(match lang {
            Lang::Ko => Lang::En,
            Lang::En => Lang::Ko,
        }),
        Command::Theme => prefs.dispatch(PrefsAction::CycleTheme),
    }
}

/// What can take focus inside `root`, in order.
fn focusable(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(
        "button:not([disabled]), [href], input:not([disabled]), [tabindex]:not([tabindex='-1'])",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

#[function_component]
fn HelpDialog() -> Html {
    let lang = use_lang();
    let prefs = use_prefs();
    let dialog = use_node_ref();
    let close_button = use_node_ref();
    // Focus goes into the dialog when it opens and back where it was when it closes.
    {
        let close_button = close_button.clone();
        use_effect_with((), move |_| {
            let before = gloo::utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = close_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            move || {
                if let Some(el) = before {
                    let _ = el.focus();
                }
            }
        });
    }
    let close = {
        let prefs = prefs.clone();
        Callback::from(move |_: ()| prefs.dispatch(PrefsAction::Help(false)))
    };
    let onkeydown = {
        let (dialog, close) = (dialog.clone(), close.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                close.emit(());
            }
            "Tab" => {
                let Some(root) = dialog.cast::<web_sys::Element>() else {
                    return;
                };
                let items = focusable(&root);
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    e.prevent_default();
                    return;
                };
                let active = gloo::utils::document().active_element();
                let at = |el: &web_sys::HtmlElement| {
                    active.as_ref().is_some_and(|a| a.is_same_node(Some(el)))
                };
                let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
                if e.shift_key() && (at(first) || !inside) {
                    e.prevent_default();
                    let _ = last.focus();
                } else if !e.shift_key() && (at(last) || !inside) {
                    e.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        })
    };
    // A click on the backdrop (not inside the dialog) closes it.
    let onbackdrop = {
        let close = close.clone();
        Callback::from(move |e: MouseEvent| {
            let on_backdrop = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.class_list().contains("modal-backdrop"));
            if on_backdrop {
                close.emit(());
            }
        })
    };
    let onclose = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close.emit(()))
    };
    let keys = |keys: &[&str]| {
        let n = keys.len();
        html! {
            <>
                { for keys.iter().enumerate().map(|(i, k)| html! {
                    <>
                        <kbd>{k.to_string()}</kbd>
                        if i + 1 < n { {"+"} }
                    </>
                }) }
            </>
        }
    };
    let row = |combo: Html, what: Tr| {
        html! {
            <div class="shortcut"><dt>{combo}</dt><dd>{what.get(lang)}</dd></div>
        }
    };
    html! {
        <div class="modal-backdrop" onclick={onbackdrop}>
            <div class="shortcuts-dialog" role="dialog" aria-modal="true"
                 aria-labelledby="shortcuts-title" ref={dialog} {onkeydown}>
                <div class="dialog-head">
                    <h2 id="shortcuts-title">{i18n::SHORTCUTS.get(lang)}</h2>
                    <button type="button" class="dialog-close" ref={close_button}
                            aria-label={i18n::CLOSE.get(lang)} onclick={onclose}>
                        <span aria-hidden="true">{"×"}</span>
                    </button>
                </div>
                <section aria-labelledby="keys-global">
                    <h3 id="keys-global">{i18n::KEYS_GLOBAL.get(lang)}</h3>
                    <dl class="shortcut-list">
                        { row(html! {<>{keys(&["?"])}{" · "}{keys(&["Ctrl", "/"])}</>}, i18n::KEY_HELP) }
                        { row(keys(&["Ctrl", "`"]), i18n::KEY_TERMINAL) }
                        { for ALT_SHIFT.iter().map(|(_, key, what)| row(keys(&["Alt", "Shift", key]), *what)) }
                        { row(keys(&["Esc"]), i18n::KEY_CLOSE) }
                    </dl>
                </section>
                <section aria-labelledby="keys-terminal">
                    <h3 id="keys-terminal">{i18n::KEYS_IN_TERMINAL.get(lang)}</h3>
                    <dl class="shortcut-list">
                        { row(html! {<>{keys(&["↑"])}{" "}{keys(&["↓"])}</>}, i18n::KEY_TERM_HISTORY) }
                        { row(keys(&["Tab"]), i18n::KEY_TERM_COMPLETE) }
                        { row(keys(&["Ctrl", "C"]), i18n::KEY_TERM_INTERRUPT) }
                        { row(keys(&["Ctrl", "L"]), i18n::KEY_TERM_CLEAR) }
                    </dl>
                </section>
                <section aria-labelledby="keys-editor">
                    <h3 id="keys-editor">{i18n::KEYS_IN_EDITOR.get(lang)}</h3>
                    <dl class="shortcut-list">
                        { row(keys(&["Ctrl", "F"]), i18n::KEY_EDITOR_FIND) }
                        { row(html! {<>{keys(&["Tab"])}{" · "}{keys(&["Shift", "Tab"])}</>}, i18n::KEY_EDITOR_INDENT) }
                        { row(html! {<>{keys(&["Esc"])}{", "}{keys(&["Tab"])}</>}, i18n::KEY_EDITOR_LEAVE) }
                        { row(keys(&["Ctrl", "/"]), i18n::KEY_EDITOR_COMMENT) }
                    </dl>
                </section>
                <p class="muted shortcut-note">{i18n::SHORTCUTS_NOTE.get(lang)}</p>
            </div>
        </div>
    }
}
