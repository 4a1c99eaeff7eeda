//! Keeping and sharing work in the browser: autosave to IndexedDB, restoring on load, opening
//! share links as new workspaces, and the header's Share / Export / Import controls.
//!
//! What a workspace is and how it becomes bytes is the engine's (`crate::workspace`); this
//! file only decides when to save and where bytes go. `static/storage.js` does the IndexedDB
//! and download plumbing. Autosave runs 400 ms after the last change and again when the page
//! is hidden. If storage fails, the tab keeps working and the header says so and offers export.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::ui::state::{Action, Playground};
use crate::workspace::codec::{self, Effort};
use crate::workspace::{link, zip, Snapshot};

#[wasm_bindgen(module = "/static/storage.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = idbGet)]
    async fn idb_get(store: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbPut)]
    async fn idb_put(store: &str, key: &str, value: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = workspaceRecord)]
    fn workspace_record(name: &str, bytes: &[u8]) -> JsValue;
    #[wasm_bindgen(js_name = recordBytes)]
    fn record_bytes(record: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = recordName)]
    fn record_name(record: &JsValue) -> String;
    fn persist();
    fn download(name: &str, bytes: &[u8], mime: &str);
    #[wasm_bindgen(catch, js_name = fileBytes)]
    async fn file_bytes(input: &web_sys::HtmlInputElement) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = fileName)]
    fn file_name(input: &web_sys::HtmlInputElement) -> String;
    #[wasm_bindgen(js_name = locationHash)]
    fn location_hash() -> String;
    #[wasm_bindgen(js_name = pageUrl)]
    fn page_url() -> String;
    #[wasm_bindgen(js_name = clearHash)]
    fn clear_hash();
    #[wasm_bindgen(js_name = onHidden)]
    fn on_hidden(cb: &Closure<dyn FnMut()>);
    #[wasm_bindgen(js_name = reloadOnWorkspaceHash)]
    fn reload_on_workspace_hash();
    #[wasm_bindgen(js_name = copyText)]
    async fn copy_text(text: &str) -> JsValue;
}

/// How long after the last change a save starts: well inside the one second the issue asks.
const SAVE_DEBOUNCE_MS: u32 = 400;

/// What the header says about saving and links.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Idle,
    Saved {
        bytes: usize,
        ms: f64,
    },
    /// Storage refused (private mode, quota, disabled): nothing is lost in this tab.
    Unavailable(String),
    /// A link that could not be opened; local work untouched.
    BadLink(String),
    Opened(String),
    Info(String),
}

thread_local! {
    /// The state as of the latest render, for saves, shares and exports.
    static LATEST: RefCell<Option<UseReducerHandle<Playground>>> = const { RefCell::new(None) };
    /// The workspace being edited: its IndexedDB key and name.
    static CURRENT: RefCell<(String, String)> = RefCell::new((new_id(), "Tutorial".into()));
    /// The state `boot` prepared, taken by the app's first render.
    static BOOT: RefCell<Option<Playground>> = const { RefCell::new(None) };
    static STATUS: RefCell<Status> = const { RefCell::new(Status::Idle) };
    /// The header's re-render trigger, set while it is mounted.
    static STATUS_SINK: RefCell<Option<Callback<Status>>> = const { RefCell::new(None) };
    /// Whether the next render must be saved even if nothing changed (a link just opened).
    static SAVE_FIRST: Cell<bool> = const { Cell::new(false) };
}

fn new_id() -> String {
    format!(
        "ws-{}-{}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    )
}

fn set_status(status: Status) {
    STATUS.with(|s| *s.borrow_mut() = status.clone());
    if let Some(sink) = STATUS_SINK.with(|s| s.borrow().clone()) {
        sink.emit(status);
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Before the first render: a share link in the URL opens as a new workspace; otherwise the
/// last workspace saved in this browser comes back. Either failure leaves a message and a
/// working playground, and never overwrites saved work.
pub async fn boot() {
    persist();
    reload_on_workspace_hash();
    let hash = location_hash();
    let stored = idb_get("meta", "current").await;
    if let Err(e) = &stored {
        set_status(Status::Unavailable(js_text(e)));
    }
    let mut playground = None;
    if link::is_workspace_fragment(&hash) {
        match link::decode(&hash).and_then(|d| Playground::from_snapshot(&d.snapshot)) {
            Ok(p) => {
                playground = Some(p);
                CURRENT.with(|c| *c.borrow_mut() = (new_id(), "Opened from a link".into()));
                SAVE_FIRST.with(|f| f.set(true));
                clear_hash();
                set_status(Status::Opened(
                    "Opened the shared workspace as a new workspace; your own work is kept.".into(),
                ));
            }
            Err(e) => set_status(Status::BadLink(format!(
                "This share link could not be opened. {e} Nothing was changed."
            ))),
        }
    }
    if playground.is_none() {
        if let Ok(id) = &stored {
            if let Some(id) = id.as_string() {
                match idb_get("workspaces", &id).await {
                    Ok(record) => {
                        let bytes = record_bytes(&record);
                        if !bytes.is_null() {
                            let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
                            match codec::decode(&bytes)
                                .and_then(|d| Playground::from_snapshot(&d.snapshot))
                            {
                                Ok(p) => {
                                    playground = Some(p);
                                    CURRENT.with(|c| {
                                        *c.borrow_mut() = (id.clone(), record_name(&record))
                                    });
                                }
                                // The unreadable save stays where it is; this session saves
                                // under a new id.
                                Err(e) => set_status(Status::Info(format!(
                                    "Your saved workspace could not be restored ({e}) and was kept aside; this is a fresh one."
                                ))),
                            }
                        }
                    }
                    Err(e) => set_status(Status::Unavailable(js_text(&e))),
                }
            }
        }
    }
    BOOT.with(|b| *b.borrow_mut() = playground);
}

/// The app's initial state: what [`boot`] prepared, or a fresh tutorial.
pub fn initial() -> Playground {
    BOOT.with(|b| b.borrow_mut().take()).unwrap_or_default()
}

fn js_text(e: &JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| "the browser's storage is unavailable".into())
}

/// Saves the workspace the latest render shows. The save is encoded at once (the tab's state
/// can change right after) and written asynchronously.
fn save_now() {
    let Some(handle) = LATEST.with(|l| l.borrow().clone()) else {
        return;
    };
    let started = now_ms();
    let snap = handle.snapshot();
    let bytes = match codec::encode(&snap, Effort::Fast) {
        Ok(bytes) => bytes,
        Err(e) => {
            set_status(Status::Unavailable(e.to_string()));
            return;
        }
    };
    let (id, name) = CURRENT.with(|c| c.borrow().clone());
    let record = workspace_record(&name, &bytes);
    wasm_bindgen_futures::spawn_local(async move {
        let result = match idb_put("workspaces", &id, record).await {
            Ok(_) => idb_put("meta", "current", JsValue::from_str(&id)).await,
            Err(e) => Err(e),
        };
        match result {
            Ok(_) => set_status(Status::Saved {
                bytes: bytes.len(),
                ms: now_ms() - started,
            }),
            Err(e) => set_status(Status::Unavailable(js_text(&e))),
        }
    });
}

/// Call once per render of the app: remembers the state and saves it shortly after it changes.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<Playground>) {
    LATEST.with(|l| *l.borrow_mut() = Some(state.clone()));
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let last = use_mut_ref(|| 0usize);
    // The reducer makes a new state for every change, so its address tells changes apart.
    let addr = &**state as *const Playground as usize;
    let first_render = *last.borrow() == 0;
    if *last.borrow() != addr {
        *last.borrow_mut() = addr;
        let save_first = SAVE_FIRST.with(|f| f.replace(false));
        if !first_render || save_first {
            // Replacing the timeout drops (cancels) the one before it.
            *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                SAVE_DEBOUNCE_MS,
                save_now,
            ));
        }
    }
    use_effect_with((), |_| {
        let cb = Closure::<dyn FnMut()>::new(save_now);
        on_hidden(&cb);
        // The listener lives as long as the page.
        cb.forget();
    });
}

fn replace_workspace(snap: &Snapshot, id: String, name: String, message: String) {
    match Playground::from_snapshot(snap) {
        Ok(p) => {
            // Keep what was there: saved now under its own id before switching.
            save_now();
            CURRENT.with(|c| *c.borrow_mut() = (id, name));
            SAVE_FIRST.with(|f| f.set(true));
            if let Some(handle) = LATEST.with(|l| l.borrow().clone()) {
                handle.dispatch(Action::Replace(Box::new(p)));
            }
            set_status(Status::Opened(message));
        }
        Err(e) => set_status(Status::BadLink(format!("{e} Nothing was changed."))),
    }
}

fn current_snapshot() -> Option<Snapshot> {
    LATEST.with(|l| l.borrow().as_ref().map(|h| h.snapshot()))
}

/// The header's controls: save status, Share, Export .zip, Download database (app.db), Import.
/// (The database button's name avoids "app.db", which names the file in the project tree.)
#[function_component]
pub fn WorkspaceBar() -> Html {
    let status = use_state(|| STATUS.with(|s| s.borrow().clone()));
    {
        let status = status.clone();
        use_effect_with((), move |_| {
            STATUS_SINK.with(|s| *s.borrow_mut() = Some(Callback::from(move |st| status.set(st))));
            || STATUS_SINK.with(|s| *s.borrow_mut() = None)
        });
    }
    let share = use_state(|| None::<String>);
    let onshare = {
        let share = share.clone();
        Callback::from(move |_| {
            let Some(snap) = current_snapshot() else {
                return;
            };
            match link::encode(&snap) {
                Ok(fragment) => share.set(Some(format!("{}#{fragment}", page_url()))),
                Err(e) => set_status(Status::Info(e.to_string())),
            }
        })
    };
    let oncopy = {
        let share = share.clone();
        Callback::from(move |_| {
            if let Some(url) = (*share).clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = copy_text(&url).await.as_bool() == Some(true);
                    set_status(Status::Info(if ok {
                        "Link copied.".into()
                    } else {
                        "Select the link and copy it.".into()
                    }));
                });
            }
        })
    };
    let onexport = Callback::from(|_| {
        if let Some(snap) = current_snapshot() {
            download(
                "fastapi_template.zip",
                &zip::export(&snap),
                "application/zip",
            );
        }
    });
    let ondb = Callback::from(|_| {
        let Some(snap) = current_snapshot() else {
            return;
        };
        let path = format!("{}/app.db", crate::workspace::TEMPLATE_ROOT);
        match snap.files.get(&path) {
            Some(bytes) => download("app.db", bytes, "application/vnd.sqlite3"),
            None => set_status(Status::Info(
                "There is no app.db yet: `alembic upgrade head` creates it.".into(),
            )),
        }
    });
    let onimport = Callback::from(|e: Event| {
        let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let name = file_name(&input);
            let bytes = match file_bytes(&input).await {
                Ok(v) if !v.is_null() => js_sys::Uint8Array::new(&v).to_vec(),
                _ => return,
            };
            input.set_value("");
            match zip::import(&bytes) {
                Ok(snap) => replace_workspace(
                    &snap,
                    new_id(),
                    format!("Imported {name}"),
                    format!("Imported {name} as a new workspace; your other work is kept."),
                ),
                Err(e) => set_status(Status::BadLink(format!(
                    "{name} could not be imported. {e} Nothing was changed."
                ))),
            }
        });
    });

    let (class, text) = match &*status {
        Status::Idle => ("ws-status", String::new()),
        Status::Saved { bytes, ms } => (
            "ws-status saved",
            format!("Saved in this browser ({:.1} KB, {ms:.0} ms)", *bytes as f64 / 1024.0),
        ),
        Status::Unavailable(why) => (
            "ws-status problem",
            format!("Your work cannot be saved in this browser ({why}). Nothing in this tab is lost: export it as a .zip to keep it."),
        ),
        Status::BadLink(msg) => ("ws-status problem", msg.clone()),
        Status::Opened(msg) | Status::Info(msg) => ("ws-status", msg.clone()),
    };
    let problem = matches!(*status, Status::Unavailable(_) | Status::BadLink(_));
    html! {
        <div class="workspace-bar" role="group" aria-label="Workspace">
            <button type="button" onclick={onshare}>{"Share"}</button>
            <button type="button" onclick={onexport.clone()}>{"Export .zip"}</button>
            <button type="button" onclick={ondb}>{"Download database"}</button>
            <label class="ws-import">{"Import .zip"}
                <input type="file" accept=".zip,application/zip" onchange={onimport} />
            </label>
            // Link and file text are only ever shown as text: Yew escapes it.
            <p class={class} role={if problem { "alert" } else { "status" }}
               data-bytes={if let Status::Saved { bytes, .. } = &*status { bytes.to_string() } else { String::new() }}>
                {text}
                if matches!(*status, Status::Unavailable(_)) {
                    {" "}<button type="button" onclick={onexport}>{"Export now"}</button>
                }
            </p>
            if let Some(url) = (*share).clone() {
                <div class="share-link">
                    <label>{format!("Share link ({} characters)", url.len())}
                        <input type="text" readonly=true value={url} aria-label="Share link" />
                    </label>
                    <button type="button" onclick={oncopy}>{"Copy"}</button>
                </div>
            }
        </div>
    }
}
