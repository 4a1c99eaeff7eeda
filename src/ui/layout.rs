//! The page's own display state, apart from the workspace: the theme, which region a phone
//! shows, whether the shortcuts overlay is open, and requests to move keyboard focus.
//!
//! Shared through a Yew context (`PrefsHandle`) between the header's controls, the workbench
//! (src/ui/components/workbench.rs) and the shortcuts (src/ui/components/shortcuts.rs), so
//! none of them needs the workspace reducer for it. Pane sizes stay in the workbench itself.

use std::rc::Rc;

use yew::prelude::*;

const THEME_KEY: &str = "alembic-playground.theme.v1";

/// The colour theme: the system's (`prefers-color-scheme`) unless the learner picked one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn load() -> Theme {
        match storage()
            .and_then(|s| s.get_item(THEME_KEY).ok().flatten())
            .as_deref()
        {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// Sets `data-theme` on `<html>` (static/style.css reads it); the system theme leaves it
    /// unset so the `prefers-color-scheme` media query decides.
    pub fn apply(self) {
        let Some(root) = gloo::utils::document().document_element() else {
            return;
        };
        let _ = match self {
            Theme::System => root.remove_attribute("data-theme"),
            Theme::Light => root.set_attribute("data-theme", "light"),
            Theme::Dark => root.set_attribute("data-theme", "dark"),
        };
    }

    fn save(self) {
        if let Some(s) = storage() {
            // Private browsing may refuse storage; the choice then lasts as long as the tab.
            let _ = match self {
                Theme::System => s.remove_item(THEME_KEY),
                Theme::Light => s.set_item(THEME_KEY, "light"),
                Theme::Dark => s.set_item(THEME_KEY, "dark"),
            };
        }
    }
}

/// The workbench's regions; on a phone one of them shows at a time, as tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    Files,
    Editor,
    Terminal,
    Panels,
}

impl Region {
    pub const ALL: [Region; 4] = [
        Region::Files,
        Region::Editor,
        Region::Terminal,
        Region::Panels,
    ];

    /// The region's name in ids and classes.
    pub fn key(self) -> &'static str {
        match self {
            Region::Files => "files",
            Region::Editor => "editor",
            Region::Terminal => "terminal",
            Region::Panels => "panels",
        }
    }
}

/// Where a keyboard shortcut sends focus. `Tab` is a side-panel tab's element id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Files,
    Editor,
    Terminal,
    Tab(&'static str),
}

impl Focus {
    pub fn region(self) -> Region {
        match self {
            Focus::Files => Region::Files,
            Focus::Editor => Region::Editor,
            Focus::Terminal => Region::Terminal,
            Focus::Tab(_) => Region::Panels,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prefs {
    pub theme: Theme,
    /// The region a phone shows. Terminal first: the chapter starts by typing a command, and
    /// the guide's buttons bring the learner back here.
    pub region: Region,
    pub help_open: bool,
    /// The latest focus request, numbered so the same request can come twice.
    pub focus: (u64, Option<Focus>),
}

pub enum PrefsAction {
    CycleTheme,
    Region(Region),
    Help(bool),
    Focus(Focus),
}

impl Prefs {
    pub fn load() -> Prefs {
        let theme = Theme::load();
        theme.apply();
        Prefs {
            theme,
            region: Region::Terminal,
            help_open: false,
            focus: (0, None),
        }
    }
}

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: PrefsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PrefsAction::CycleTheme => {
                next.theme = self.theme.next();
                next.theme.apply();
                next.theme.save();
            }
            PrefsAction::Region(region) => next.region = region,
            PrefsAction::Help(open) => next.help_open = open,
            PrefsAction::Focus(focus) => {
                next.region = focus.region();
                next.focus = (self.focus.0 + 1, Some(focus));
            }
        }
        Rc::new(next)
    }
}

pub type PrefsHandle = UseReducerHandle<Prefs>;

/// The display state; a fresh one outside the provider (never expected).
#[hook]
pub fn use_prefs() -> PrefsHandle {
    let fallback = use_reducer(Prefs::load);
    use_context::<PrefsHandle>().unwrap_or(fallback)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}
