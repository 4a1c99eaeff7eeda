//! The workbench's layout: the four regions (file tree, editor, side panels, terminal) in a
//! grid with splitters between them, or, on a phone, one region at a time behind tabs.
//!
//! Splitters are ARIA separators: focusable, with `aria-valuenow` in CSS pixels, moved with the
//! arrow keys (Shift for bigger steps, Home/End for the limits) or dragged; a double click puts
//! the default back. Sizes are CSS custom properties set through the CSSOM (the CSP forbids
//! style attributes in markup, not `style.setProperty`) and kept in localStorage.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n::{self, use_lang, Tr};
use crate::ui::layout::{use_prefs, Focus, PrefsAction, Region};

const SIZES_KEY: &str = "alembic-playground.layout.v1";
/// Below this width the regions become tabs (static/style.css has the same figure).
const PHONE_QUERY: &str = "(max-width: 760px)";
/// One arrow-key step, and one Shift+arrow step, in CSS pixels.
const STEP: i32 = 16;
const BIG_STEP: i32 = 64;

/// Pane sizes in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sizes {
    files: i32,
    panels: i32,
    terminal: i32,
}

const DEFAULT: Sizes = Sizes {
    files: 220,
    panels: 340,
    terminal: 280,
};

/// Which size a splitter moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pane {
    Files,
    Panels,
    Terminal,
}

impl Pane {
    fn get(self, s: &Sizes) -> i32 {
        match self {
            Pane::Files => s.files,
            Pane::Panels => s.panels,
            Pane::Terminal => s.terminal,
        }
    }

    fn set(self, s: &mut Sizes, value: i32) {
        let value = value.clamp(self.min(), self.max());
        match self {
            Pane::Files => s.files = value,
            Pane::Panels => s.panels = value,
            Pane::Terminal => s.terminal = value,
        }
    }

    fn min(self) -> i32 {
        match self {
            Pane::Files => 140,
            Pane::Panels => 240,
            Pane::Terminal => 120,
        }
    }

    /// At most what leaves the editor usable in this window.
    fn max(self) -> i32 {
        let (w, h) = viewport();
        let max = match self {
            Pane::Files => (w * 2 / 5).min(520),
            Pane::Panels => (w / 2).min(760),
            Pane::Terminal => h - 220,
        };
        max.max(self.min())
    }

    /// +1 when the pane is before the splitter (left or above): moving the splitter right or
    /// down grows it; -1 when it is after.
    fn sign(self) -> i32 {
        match self {
            Pane::Files => 1,
            Pane::Panels | Pane::Terminal => -1,
        }
    }

    fn vertical(self) -> bool {
        !matches!(self, Pane::Terminal)
    }
}

fn viewport() -> (i32, i32) {
    let window = gloo::utils::window();
    let px = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    (
        px(window.inner_width()) as i32,
        px(window.inner_height()) as i32,
    )
}

impl Sizes {
    fn load() -> Sizes {
        let mut sizes = DEFAULT;
        let saved = storage().and_then(|s| s.get_item(SIZES_KEY).ok().flatten());
        for part in saved.as_deref().unwrap_or("").split(';') {
            let Some((name, value)) = part.split_once('=') else {
                continue;
            };
            let Ok(value) = value.parse::<i32>() else {
                continue;
            };
            match name {
                "files" => sizes.files = value,
                "panels" => sizes.panels = value,
                "terminal" => sizes.terminal = value,
                _ => {}
            }
        }
        sizes
    }

    fn save(&self) {
        let text = format!(
            "files={};panels={};terminal={}",
            self.files, self.panels, self.terminal
        );
        if let Some(s) = storage() {
            // Private browsing may refuse storage; sizes then last as long as the tab.
            let _ = s.set_item(SIZES_KEY, &text);
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

#[derive(Properties, PartialEq)]
pub struct WorkbenchProps {
    pub files: Html,
    pub editor: Html,
    pub panels: Html,
    pub terminal: Html,
    /// Counts lines put in the terminal's input (the guide's Type and Show me): on a phone the
    /// terminal comes to the front for each.
    pub typed: u64,
    /// The file in the editor: on a phone, opening one shows the editor.
    pub open_file: Option<AttrValue>,
}

#[function_component]
pub fn Workbench(props: &WorkbenchProps) -> Html {
    let lang = use_lang();
    let prefs = use_prefs();
    let grid = use_node_ref();
    let sizes = use_state(Sizes::load);
    let phone = use_state(|| media(PHONE_QUERY).is_some_and(|m| m.matches()));

    // Follow the phone/desktop breakpoint as the window changes.
    {
        let phone = phone.clone();
        use_effect_with((), move |_| {
            let query = media(PHONE_QUERY);
            let listener = query.as_ref().map(|q| {
                let q2 = q.clone();
                let cb = Closure::<dyn FnMut()>::new(move || phone.set(q2.matches()));
                let _ = q.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
                cb
            });
            move || {
                if let (Some(q), Some(cb)) = (query, listener) {
                    let _ = q
                        .remove_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
                }
            }
        });
    }
    // Sizes reach the grid as custom properties, through the CSSOM.
    {
        let grid = grid.clone();
        use_effect_with(*sizes, move |s| {
            if let Some(el) = grid.cast::<web_sys::HtmlElement>() {
                let style = el.style();
                let _ = style.set_property("--files-w", &format!("{}px", s.files));
                let _ = style.set_property("--panels-w", &format!("{}px", s.panels));
                let _ = style.set_property("--terminal-h", &format!("{}px", s.terminal));
            }
        });
    }
    // The guide typed a line: the terminal comes forward (on a phone) with focus, so Enter
    // runs it. A file was opened: the editor comes forward on a phone.
    {
        let prefs = prefs.clone();
        use_effect_with(props.typed, move |n| {
            if *n > 0 {
                prefs.dispatch(PrefsAction::Focus(Focus::Terminal));
            }
        });
    }
    {
        let prefs = prefs.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.open_file.clone(), move |open| {
            // Not for the file open at start (the phone starts on the terminal), nor when no
            // file is open any more (an import, a switch to a workspace with none open): an
            // empty editor is nothing to come forward for.
            if !std::mem::replace(&mut *first.borrow_mut(), false) && open.is_some() {
                prefs.dispatch(PrefsAction::Region(Region::Editor));
            }
        });
    }
    // A shortcut asked for focus somewhere: its region is shown by now.
    use_effect_with(prefs.focus, move |(_, focus)| {
        if let Some(focus) = focus {
            move_focus(*focus);
        }
    });

    let resize = |pane: Pane| {
        let sizes = sizes.clone();
        Callback::from(move |value: i32| {
            let mut next = *sizes;
            pane.set(&mut next, value);
            if next != *sizes {
                next.save();
                sizes.set(next);
            }
        })
    };
    let splitter = |pane: Pane, label: Tr, controls: &'static str| {
        html! {
            <Splitter pane={pane} value={pane.get(&sizes)} label={label.get(lang)}
                      controls={controls} onresize={resize(pane)}
                      default={pane.get(&DEFAULT)} />
        }
    };
    // Embed mode may leave regions out (src/ui/embed.rs): no tab for them on a phone, and a
    // phone whose region is left out shows the first one that is not.
    let left_out = crate::ui::embed::options().hide;
    let region = if left_out.contains(prefs.region.key()) {
        Region::ALL
            .iter()
            .copied()
            .find(|r| !left_out.contains(r.key()))
            .unwrap_or(prefs.region)
    } else {
        prefs.region
    };
    let tab = |which: Region, label: Tr| {
        if left_out.contains(which.key()) {
            return html! {};
        }
        let selected = region == which;
        let prefs = prefs.clone();
        html! {
            <button type="button" role="tab" id={format!("region-tab-{}", which.key())}
                    class={classes!("region-tab", selected.then_some("active"))}
                    aria-selected={selected.to_string()}
                    aria-controls={format!("pane-{}", which.key())}
                    tabindex={if selected { "0" } else { "-1" }}
                    onclick={Callback::from(move |_| prefs.dispatch(PrefsAction::Region(which)))}>
                {label.get(lang)}
            </button>
        }
    };
    // Arrow keys move between the phone's tabs, as the ARIA tabs pattern has it.
    let ontabkey = {
        let prefs = prefs.clone();
        Callback::from(move |e: KeyboardEvent| {
            let at = Region::ALL.iter().position(|r| *r == region).unwrap_or(0);
            let n = Region::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % n,
                "ArrowLeft" => (at + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            let which = Region::ALL[next];
            prefs.dispatch(PrefsAction::Region(which));
            if let Some(el) = gloo::utils::document()
                .get_element_by_id(&format!("region-tab-{}", which.key()))
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        })
    };
    let pane = |which: Region, body: &Html| {
        let shown = !*phone || region == which;
        html! {
            <div id={format!("pane-{}", which.key())}
                 class={classes!("pane", format!("pane-{}", which.key()))}
                 role={phone.then_some("tabpanel")}
                 aria-labelledby={phone.then(|| format!("region-tab-{}", which.key()))}
                 data-shown={shown.to_string()}>
                { body.clone() }
            </div>
        }
    };
    let hidden: Vec<String> = left_out.iter().map(|r| format!("hide-{r}")).collect();
    html! {
        <>
            <div class="region-tabs" role="tablist" aria-label={i18n::REGIONS.get(lang)}
                 onkeydown={ontabkey}>
                { tab(Region::Files, i18n::REGION_FILES) }
                { tab(Region::Editor, i18n::REGION_EDITOR) }
                { tab(Region::Terminal, i18n::REGION_TERMINAL) }
                { tab(Region::Panels, i18n::REGION_PANELS) }
            </div>
            <main ref={grid} class={classes!("workbench", format!("region-{}", region.key()), hidden)}>
                { pane(Region::Files, &props.files) }
                { splitter(Pane::Files, i18n::RESIZE_FILES, "pane-files") }
                { pane(Region::Editor, &props.editor) }
                { splitter(Pane::Terminal, i18n::RESIZE_TERMINAL, "pane-terminal") }
                { pane(Region::Terminal, &props.terminal) }
                { splitter(Pane::Panels, i18n::RESIZE_PANELS, "pane-panels") }
                { pane(Region::Panels, &props.panels) }
            </main>
        </>
    }
}

fn media(query: &str) -> Option<web_sys::MediaQueryList> {
    gloo::utils::window().match_media(query).ok().flatten()
}

/// Focuses what a shortcut names; a side-panel tab is selected as well.
fn move_focus(focus: Focus) {
    let document = gloo::utils::document();
    let html =
        |el: Option<web_sys::Element>| el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let target = match focus {
        Focus::Terminal => html(document.get_element_by_id("terminal-input")),
        // CodeMirror's content element, inside the editor's shadow root.
        Focus::Editor => html(
            document
                .query_selector(".code-host")
                .ok()
                .flatten()
                .and_then(|host| host.shadow_root())
                .and_then(|root| root.query_selector(".cm-content").ok().flatten()),
        ),
        // The open file's entry, else the tree's first.
        Focus::Files => html(
            document
                .query_selector(".file-tree button.file.selected")
                .ok()
                .flatten()
                .or_else(|| {
                    document
                        .query_selector(".file-tree [role=tree] button")
                        .ok()
                        .flatten()
                }),
        ),
        Focus::Tab(id) => {
            let tab = html(document.get_element_by_id(id));
            if let Some(tab) = &tab {
                tab.click();
            }
            tab
        }
    };
    if let Some(el) = target {
        let _ = el.focus();
    }
}

#[derive(Properties, PartialEq)]
struct SplitterProps {
    pane: Pane,
    value: i32,
    default: i32,
    label: AttrValue,
    controls: AttrValue,
    onresize: Callback<i32>,
}

#[function_component]
fn Splitter(props: &SplitterProps) -> Html {
    // Where a drag started: the pointer's coordinate and the size then.
    let drag = use_mut_ref(|| None::<(i32, i32)>);
    let pane = props.pane;
    let coordinate = move |e: &PointerEvent| {
        if pane.vertical() {
            e.client_x()
        } else {
            e.client_y()
        }
    };
    let onkeydown = {
        let (onresize, value) = (props.onresize.clone(), props.value);
        Callback::from(move |e: KeyboardEvent| {
            let step = if e.shift_key() { BIG_STEP } else { STEP };
            let moved = match (e.key().as_str(), pane.vertical()) {
                ("ArrowRight", true) | ("ArrowDown", false) => step,
                ("ArrowLeft", true) | ("ArrowUp", false) => -step,
                ("Home", _) => {
                    e.prevent_default();
                    onresize.emit(pane.min());
                    return;
                }
                ("End", _) => {
                    e.prevent_default();
                    onresize.emit(pane.max());
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            onresize.emit(value + moved * pane.sign());
        })
    };
    let onpointerdown = {
        let (drag, value) = (drag.clone(), props.value);
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.prevent_default();
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(e.pointer_id());
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            *drag.borrow_mut() = Some((coordinate(&e), value));
        })
    };
    let onpointermove = {
        let (drag, onresize) = (drag.clone(), props.onresize.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some((start, size)) = *drag.borrow() {
                onresize.emit(size + (coordinate(&e) - start) * pane.sign());
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let ondblclick = {
        let (onresize, default) = (props.onresize.clone(), props.default);
        Callback::from(move |_: MouseEvent| onresize.emit(default))
    };
    let orientation = if pane.vertical() {
        "vertical"
    } else {
        "horizontal"
    };
    let class = match pane {
        Pane::Files => "splitter splitter-files",
        Pane::Panels => "splitter splitter-panels",
        Pane::Terminal => "splitter splitter-terminal",
    };
    html! {
        <div class={class} role="separator" tabindex="0" aria-orientation={orientation}
             aria-label={props.label.clone()} aria-controls={props.controls.clone()}
             aria-valuenow={props.value.to_string()} aria-valuemin={pane.min().to_string()}
             aria-valuemax={pane.max().to_string()} title={props.label.clone()}
             {onkeydown} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
             onpointercancel={onpointerup} {ondblclick}>
        </div>
    }
}
