//! The editor area: a tab for each open file and CodeMirror 6 (static/editor/entry.js, bundled
//! from npm at build time by tools/editor-bundle.mjs) behind a small wasm-bindgen interface.
//! Every change is written through to the workspace at once; a tab's dot marks a file changed
//! since the last command. Python files get our own parser's diagnostics, debounced.

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::i18n;
use crate::views::diagnostics;

/// How long typing must pause before the file is parsed again for diagnostics.
const DIAGNOSTICS_DEBOUNCE_MS: u32 = 250;

#[wasm_bindgen]
extern "C" {
    /// The object `AlembicPlaygroundEditor.create` returns (see static/editor/entry.js).
    type EditorHandle;

    #[wasm_bindgen(catch, js_namespace = AlembicPlaygroundEditor, js_name = create)]
    fn create_editor(
        host: &web_sys::Element,
        on_change: &js_sys::Function,
        read_only: bool,
    ) -> Result<EditorHandle, JsValue>;

    #[wasm_bindgen(catch, method)]
    fn open(
        this: &EditorHandle,
        path: &str,
        text: &str,
        label: &str,
        open_paths: Vec<String>,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method, js_name = setDiagnostics)]
    fn set_diagnostics(
        this: &EditorHandle,
        from: Vec<u32>,
        to: Vec<u32>,
        severity: Vec<String>,
        message: Vec<String>,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn destroy(this: &EditorHandle) -> Result<(), JsValue>;
}

/// The mounted editor and the Rust closure it calls on every edit (kept alive with it).
struct Mounted {
    handle: EditorHandle,
    _on_change: Closure<dyn FnMut(String, String)>,
}

/// One open file's tab.
#[derive(Clone, PartialEq)]
pub struct EditorTab {
    /// Absolute path in the workspace.
    pub path: String,
    /// Path shown, relative to the project.
    pub name: String,
    /// Changed since the last command.
    pub changed: bool,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub tabs: Vec<EditorTab>,
    /// The file shown, and its text.
    pub path: Option<AttrValue>,
    pub text: Option<AttrValue>,
    pub onchange: Callback<(String, String)>,
    pub onselect: Callback<String>,
    pub onclose: Callback<String>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = i18n::use_lang();
    let host = use_node_ref();
    let mounted = use_mut_ref(|| None::<Mounted>);
    let failed = use_state(|| false);
    // The closure handed to JavaScript outlives renders; it reads the latest callback here.
    let onchange = use_mut_ref(|| props.onchange.clone());
    *onchange.borrow_mut() = props.onchange.clone();
    let debounce = use_mut_ref(|| None::<Timeout>);

    {
        let (host, mounted, failed, onchange) = (
            host.clone(),
            mounted.clone(),
            failed.clone(),
            onchange.clone(),
        );
        use_effect_with((), move |_| {
            if let Some(element) = host.cast::<web_sys::Element>() {
                let on_change =
                    Closure::<dyn FnMut(String, String)>::new(move |path: String, text: String| {
                        onchange.borrow().emit((path, text))
                    });
                // An embed may make the files read-only (src/ui/embed.rs).
                let read_only = crate::ui::embed::options().readonly;
                match create_editor(&element, on_change.as_ref().unchecked_ref(), read_only) {
                    Ok(handle) => {
                        *mounted.borrow_mut() = Some(Mounted {
                            handle,
                            _on_change: on_change,
                        })
                    }
                    // The bundle did not load: say so instead of showing a dead area.
                    Err(_) => failed.set(true),
                }
            }
            move || {
                if let Some(m) = mounted.borrow_mut().take() {
                    let _ = m.handle.destroy();
                }
            }
        });
    }

    let name = props.path.as_ref().and_then(|path| {
        props
            .tabs
            .iter()
            .find(|t| t.path == path.as_str())
            .map(|t| t.name.clone())
    });
    {
        let mounted = mounted.clone();
        let open_paths: Vec<String> = props.tabs.iter().map(|t| t.path.clone()).collect();
        let deps = (
            props.path.clone(),
            props.text.clone(),
            name.clone(),
            open_paths,
        );
        use_effect_with(deps, move |(path, text, name, open_paths)| {
            if let (Some(m), Some(path), Some(text)) = (&*mounted.borrow(), path, text) {
                let label = format!("Editor: {}", name.as_deref().unwrap_or(path));
                let _ = m.handle.open(path, text, &label, open_paths.clone());
            }
        });
    }
    {
        let mounted = mounted.clone();
        let deps = (props.path.clone(), props.text.clone());
        use_effect_with(deps, move |(path, text)| {
            let (path, text) = (path.clone(), text.clone());
            let python = path.as_deref().is_some_and(|p| p.ends_with(".py"));
            let publish = move || {
                let found = match (&text, python) {
                    (Some(text), true) => diagnostics::python(text),
                    _ => Vec::new(),
                };
                if let Some(m) = &*mounted.borrow() {
                    let _ = m.handle.set_diagnostics(
                        found.iter().map(|d| d.from).collect(),
                        found.iter().map(|d| d.to).collect(),
                        found
                            .iter()
                            .map(|d| d.severity.as_str().to_string())
                            .collect(),
                        found.iter().map(|d| d.message.clone()).collect(),
                    );
                }
            };
            // Replacing the timeout drops (cancels) the one before it.
            *debounce.borrow_mut() = Some(Timeout::new(DIAGNOSTICS_DEBOUNCE_MS, publish));
        });
    }

    let tabs = props.tabs.iter().map(|tab| render_tab(tab, props, lang));
    let shown = props.path.is_some() && !*failed;
    html! {
        <section class="editor" aria-label={i18n::REGION_EDITOR.get(lang)}>
            <div class="tabs" role="tablist" aria-label={i18n::OPEN_FILES.get(lang)}>
                { for tabs }
            </div>
            if *failed {
                <p class="placeholder" role="alert">
                    {i18n::EDITOR_FAILED.get(lang)}
                </p>
            } else if props.path.is_none() {
                <p class="placeholder">{i18n::OPEN_A_FILE.get(lang)}</p>
            }
            <div class="code-host" ref={host} hidden={!shown}></div>
        </section>
    }
}

fn render_tab(tab: &EditorTab, props: &EditorProps, lang: i18n::Lang) -> Html {
    let selected = props.path.as_deref() == Some(tab.path.as_str());
    let onclick = {
        let (onselect, path) = (props.onselect.clone(), tab.path.clone());
        Callback::from(move |_| onselect.emit(path.clone()))
    };
    let onclose = {
        let (onclose, path) = (props.onclose.clone(), tab.path.clone());
        Callback::from(move |_| onclose.emit(path.clone()))
    };
    // The close button's name is "Close" only: a file name in it would make every
    // "button named models.py" ambiguous with the tree's. Its title says which tab.
    html! {
        <div class={classes!("tab-item", selected.then_some("selected"))} key={tab.path.clone()}>
            <button type="button" role="tab" class="tab" aria-selected={selected.to_string()}
                    title={tab.name.clone()} {onclick}
                    aria-description={tab.changed.then_some(i18n::CHANGED_SINCE.get(lang))}>
                {tab.name.rsplit('/').next().unwrap_or(&tab.name)}
                if tab.changed {
                    <span class="changed-mark" aria-hidden="true">{" ●"}</span>
                }
            </button>
            <button type="button" class="tab-close" aria-label={i18n::CLOSE.get(lang)}
                    title={i18n::close_named(&tab.name, lang)} onclick={onclose}>{"×"}</button>
        </div>
    }
}
