//! The header's display controls: the UI language (the same setting as the guide's switch),
//! the theme (system, light, dark) and the keyboard shortcuts overlay.

use yew::prelude::*;

use crate::ui::i18n::{self, use_lang, Lang};
use crate::ui::layout::{use_prefs, PrefsAction, Theme};

#[derive(Properties, PartialEq)]
pub struct SettingsBarProps {
    pub onlang: Callback<Lang>,
}

#[function_component]
pub fn SettingsBar(props: &SettingsBarProps) -> Html {
    let lang = use_lang();
    let prefs = use_prefs();
    // `<html lang>` follows the setting, whichever switch changed it.
    use_effect_with(lang, |lang| i18n::apply(*lang));

    let other = match lang {
        Lang::Ko => Lang::En,
        Lang::En => Lang::Ko,
    };
    let onlang = {
        let onlang = props.onlang.clone();
        Callback::from(move |_| onlang.emit(other))
    };
    let theme_name = match prefs.theme {
        Theme::System => i18n::THEME_SYSTEM,
        Theme::Light => i18n::THEME_LIGHT,
        Theme::Dark => i18n::THEME_DARK,
    }
    .get(lang);
    let theme_icon = match prefs.theme {
        Theme::System => "◐",
        Theme::Light => "☀",
        Theme::Dark => "☾",
    };
    let ontheme = {
        let prefs = prefs.clone();
        Callback::from(move |_| prefs.dispatch(PrefsAction::CycleTheme))
    };
    let onhelp = {
        let prefs = prefs.clone();
        Callback::from(move |_| prefs.dispatch(PrefsAction::Help(true)))
    };
    html! {
        <div class="settings-bar" role="group" aria-label={i18n::SETTINGS.get(lang)}>
            // Named in the language it switches to, as language pickers are.
            <button type="button" class="lang-switch" lang={i18n::code(other)}
                    title={i18n::SWITCH_LANGUAGE.get(lang)} onclick={onlang}>
                {i18n::LANGUAGE_BUTTON.get(lang)}
            </button>
            <button type="button" class="theme-switch" aria-label={theme_name} title={theme_name}
                    data-theme={format!("{:?}", prefs.theme).to_lowercase()} onclick={ontheme}>
                <span aria-hidden="true">{theme_icon}</span>
            </button>
            <button type="button" class="help-button" aria-haspopup="dialog"
                    aria-label={i18n::SHORTCUTS.get(lang)} title={i18n::SHORTCUTS.get(lang)}
                    aria-keyshortcuts="?" onclick={onhelp}>
                <span aria-hidden="true">{"?"}</span>
            </button>
        </div>
    }
}
