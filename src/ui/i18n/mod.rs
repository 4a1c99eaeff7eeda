//! The UI's own words in Korean and English, and the one language setting the whole page
//! (the guided tutorial included) follows.
//!
//! The setting lives in the playground state (`Guide::lang`, so the guide's own switch is the
//! same switch) and is handed to components as a Yew context; components read it with
//! [`use_lang`]. It is kept in localStorage; without a saved choice the browser's preferred
//! languages decide, Korean when Korean comes before English.

use yew::prelude::*;

pub use crate::tutorial::Lang;

const STORAGE_KEY: &str = "alembic-playground.lang.v1";
/// The guide kept its own language before there was one setting; an old choice still counts.
const LEGACY_GUIDE_KEY: &str = "alembic-playground.guide.v1";

/// One UI string in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub &'static str, pub &'static str);

impl Tr {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.0,
            Lang::En => self.1,
        }
    }
}

/// The language components render in; English outside the provider (never expected).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::En)
}

/// The `lang` attribute value for a language.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    }
}

/// The language to start in: the saved choice, else the guide's old saved choice, else the
/// browser's preference (the first of `navigator.languages` that is Korean or English).
pub fn initial() -> Lang {
    let storage = storage();
    let saved = storage
        .as_ref()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    if let Some(lang) = saved.as_deref().and_then(parse) {
        return lang;
    }
    let legacy = storage
        .as_ref()
        .and_then(|s| s.get_item(LEGACY_GUIDE_KEY).ok().flatten());
    if let Some(lang) = legacy.as_deref().and_then(|saved| {
        saved
            .split(';')
            .find_map(|part| part.strip_prefix("lang="))
            .and_then(parse)
    }) {
        return lang;
    }
    preferred(&browser_languages())
}

/// Korean when the first Korean or English entry of the browser's list is Korean.
pub fn preferred(languages: &[String]) -> Lang {
    languages
        .iter()
        .find_map(|l| {
            let l = l.to_ascii_lowercase();
            if l == "ko" || l.starts_with("ko-") {
                Some(Lang::Ko)
            } else if l == "en" || l.starts_with("en-") {
                Some(Lang::En)
            } else {
                None
            }
        })
        .unwrap_or(Lang::En)
}

fn parse(text: &str) -> Option<Lang> {
    match text {
        "ko" => Some(Lang::Ko),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Remembers the choice and marks the document's language (screen readers pick their voice
/// from it).
pub fn save(lang: Lang) {
    if let Some(s) = storage() {
        // Private browsing may refuse storage; the choice then lasts as long as the tab.
        let _ = s.set_item(STORAGE_KEY, code(lang));
    }
    apply(lang);
}

/// Sets `<html lang>` to the UI language.
pub fn apply(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", code(lang));
    }
}

fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

// The words themselves, grouped by the part of the page that shows them.
mod words;
pub use words::*;
