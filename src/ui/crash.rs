//! What a learner sees if the page's Rust code ever panics: a calm message that their work is
//! saved (autosave writes it within a second of every change), a button that reloads the page
//! (which restores the saved workspace), and the error's details to copy into a report. Built
//! with plain DOM calls, since after a panic the Yew app can no longer render.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::i18n;

/// Installs the panic hook: the console's report, then the message. Through Yew, which
/// otherwise replaces any hook with its own when the app is rendered.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // A panic inside a panic's aftermath must not stack a second message.
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let Ok(dialog) = document.create_element("div") else {
        return;
    };
    dialog.set_id("crash");
    dialog.set_class_name("crash");
    let _ = dialog.set_attribute("role", "alertdialog");
    let _ = dialog.set_attribute("aria-modal", "true");
    let _ = dialog.set_attribute("aria-labelledby", "crash-title");
    let add = |tag: &str, text: &str, class: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        el.set_class_name(class);
        dialog.append_child(&el).ok()?;
        Some(el)
    };
    // The page's language as last rendered (`<html lang>`, src/ui/i18n/).
    let lang = match document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .as_deref()
    {
        Some("ko") => i18n::Lang::Ko,
        _ => i18n::Lang::En,
    };
    if let Some(title) = add("h2", i18n::CRASH_TITLE.get(lang), "crash-title") {
        title.set_id("crash-title");
    }
    add("p", i18n::CRASH_BODY.get(lang), "");
    let reload = add("button", i18n::CRASH_RELOAD.get(lang), "crash-reload");
    let copy = add("button", i18n::CRASH_COPY.get(lang), "crash-copy");
    add("pre", details, "crash-details");
    if let Some(reload) = reload {
        let _ = reload.set_attribute("type", "button");
        let on_reload = Closure::<dyn FnMut()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ =
            reload.add_event_listener_with_callback("click", on_reload.as_ref().unchecked_ref());
        on_reload.forget();
        if let Ok(button) = reload.dyn_into::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
    if let Some(copy) = copy {
        let _ = copy.set_attribute("type", "button");
        let text = format!("Alembic Playground {}: {details}", crate::ALEMBIC_VERSION);
        let on_copy = Closure::<dyn FnMut()>::new(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&text);
            }
        });
        let _ = copy.add_event_listener_with_callback("click", on_copy.as_ref().unchecked_ref());
        on_copy.forget();
    }
    if let Some(body) = document.body() {
        let _ = body.append_child(&dialog);
    }
}
