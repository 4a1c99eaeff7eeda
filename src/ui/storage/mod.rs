//! Keeping work in the browser: autosave to IndexedDB, restoring on load, several workspaces
//! (switch, create, reset, rename, delete), opening share links, imports and dropped files as
//! new workspaces, and never letting two tabs overwrite each other. The header's controls are
//! `components/workspace_bar.rs`; `actions.rs` here is what they do.
//!
//! What a workspace is and how it becomes bytes is the engine's (`crate::workspace`); this
//! file only decides when to save and where bytes go, and `static/storage.js` does the
//! IndexedDB, BroadcastChannel and download plumbing. Autosave runs 400 ms after a change
//! (however many follow it) and again when the page is hidden. Every stored workspace carries a save counter:
//! a save only lands if the counter is still the one this tab last saw, so a second tab's save
//! in between is noticed, never overwritten. If storage fails, the tab keeps working and the
//! header says so and offers export.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::ui::i18n::{self, Lang, Msg};
use crate::ui::state::{Action, Playground};

// What the header's controls do.
mod actions;
pub use actions::*;
// The synchronous page-close copy, and taking it back on load.
mod unsaved;
use crate::workspace::codec::{self, Effort};
use crate::workspace::{link, zip, Snapshot};
use unsaved::{restore, stash};

#[wasm_bindgen(module = "/static/storage.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = idbGet)]
    async fn idb_get(store: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbPut)]
    async fn idb_put(store: &str, key: &str, value: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbDelete)]
    async fn idb_delete(store: &str, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbList)]
    async fn idb_list() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbSaveChecked)]
    async fn idb_save_checked(
        id: &str,
        name: &str,
        bytes: &[u8],
        expected_rev: u32,
        kind: &str,
        origin: Option<Vec<u8>>,
        writer: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbMoveAside)]
    async fn idb_move_aside(id: &str, to: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbRename)]
    async fn idb_rename(id: &str, name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = recordBytes)]
    fn record_bytes(record: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = recordName)]
    fn record_name(record: &JsValue) -> String;
    #[wasm_bindgen(js_name = recordRev)]
    fn record_rev(record: &JsValue) -> u32;
    #[wasm_bindgen(js_name = recordKind)]
    fn record_kind(record: &JsValue) -> String;
    #[wasm_bindgen(js_name = recordOrigin)]
    fn record_origin(record: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = tabWorkspace)]
    fn tab_workspace() -> Option<String>;
    #[wasm_bindgen(js_name = setTabWorkspace)]
    fn set_tab_workspace(id: &str);
    #[wasm_bindgen(js_name = announceSaved)]
    fn announce_saved(id: &str, rev: u32);
    #[wasm_bindgen(js_name = onAnnounced)]
    fn on_announced(cb: &Closure<dyn FnMut(String, u32)>);
    #[wasm_bindgen(js_name = stashUnsaved)]
    fn stash_unsaved(
        id: &str,
        tab: &str,
        base: u32,
        pending: u32,
        bytes: &[u8],
        name: &str,
        kind: &str,
    );
    #[wasm_bindgen(js_name = unsavedWriter)]
    fn unsaved_writer(copy: &JsValue) -> String;
    #[wasm_bindgen(js_name = unsavedName)]
    fn unsaved_name(copy: &JsValue) -> String;
    #[wasm_bindgen(js_name = unsavedKind)]
    fn unsaved_kind(copy: &JsValue) -> String;
    #[wasm_bindgen(js_name = recordWriter)]
    fn record_writer(record: &JsValue) -> String;
    #[wasm_bindgen(js_name = forgetWorkspace)]
    fn forget_workspace(id: &str);
    #[wasm_bindgen(js_name = takeUnsaved)]
    fn take_unsaved(id: &str, tab: &str) -> JsValue;
    #[wasm_bindgen(js_name = dropUnsaved)]
    fn drop_unsaved(id: &str, tab: &str);
    #[wasm_bindgen(js_name = unsavedBase)]
    fn unsaved_base(copy: &JsValue) -> u32;
    #[wasm_bindgen(js_name = unsavedPending)]
    fn unsaved_pending(copy: &JsValue) -> u32;
    #[wasm_bindgen(js_name = unsavedBytes)]
    fn unsaved_bytes(copy: &JsValue) -> Vec<u8>;
    #[wasm_bindgen(js_name = onFileDrop)]
    fn on_file_drop(cb: &Closure<dyn FnMut(String, Vec<u8>)>);
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
    #[wasm_bindgen(js_name = playgroundUrl)]
    fn playground_url() -> String;
    #[wasm_bindgen(js_name = clearHash)]
    fn clear_hash();
    #[wasm_bindgen(js_name = onHidden)]
    fn on_hidden(cb: &Closure<dyn FnMut()>);
    #[wasm_bindgen(js_name = reloadOnWorkspaceHash)]
    fn reload_on_workspace_hash();
    #[wasm_bindgen(js_name = copyText)]
    async fn copy_text(text: &str) -> JsValue;
}

/// How long after a change its save starts: well inside the one second the issue asks.
const SAVE_DELAY_MS: u32 = 400;

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
    /// A link or file that could not be opened; local work untouched.
    BadLink(Msg),
    /// Another tab saved this workspace since this tab last did; this tab stopped saving.
    Conflict,
    Opened(Msg),
    Info(Msg),
}

/// Where a workspace started, which is what "reset" goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Tutorial,
    Blank,
    /// Opened from a link, a .zip or a database file: its start is stored with it.
    Copy,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Tutorial => "tutorial",
            Kind::Blank => "blank",
            Kind::Copy => "copy",
        }
    }

    /// Saves made before workspaces had kinds are the tutorial's.
    fn parse(s: &str) -> Kind {
        match s {
            "blank" => Kind::Blank,
            "copy" => Kind::Copy,
            _ => Kind::Tutorial,
        }
    }
}

/// The workspace this tab edits.
#[derive(Clone)]
struct Current {
    id: String,
    name: String,
    kind: Kind,
    /// For a [`Kind::Copy`] not saved yet: its starting point, stored with its first save.
    origin: Option<Vec<u8>>,
}

/// One save waiting to be written.
struct Write {
    id: String,
    name: String,
    kind: Kind,
    bytes: Vec<u8>,
    origin: Option<Vec<u8>>,
    /// The change counter when it was encoded: the tab is clean once this lands, unless it
    /// changed again since.
    generation: u64,
    started: f64,
}

thread_local! {
    /// The state as of the latest render, for saves, shares and exports.
    static LATEST: RefCell<Option<UseReducerHandle<Playground>>> = const { RefCell::new(None) };
    static CURRENT: RefCell<Current> = RefCell::new(Current {
        id: new_id(),
        name: i18n::NAME_TUTORIAL.get(i18n::initial()).into(),
        kind: Kind::Tutorial,
        origin: None,
    });
    /// The save counter this tab last saw, per workspace id.
    static REVS: RefCell<HashMap<String, u32>> = RefCell::new(HashMap::new());
    /// Saves are written one at a time, in order, so each knows the counter to expect.
    static QUEUE: RefCell<VecDeque<Write>> = const { RefCell::new(VecDeque::new()) };
    static WRITING: Cell<bool> = const { Cell::new(false) };
    /// The workspace whose save is being written right now.
    static IN_FLIGHT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// This page's name for itself, so it only drops the unsaved copy it left.
    static TAB: String = new_id();
    /// Changes made in this tab, and how many of them the stored copy holds.
    static CHANGES: Cell<u64> = const { Cell::new(0) };
    static STORED: Cell<u64> = const { Cell::new(0) };
    /// A workspace whose page-close copy now lives on as a recovered workspace of its own:
    /// the copy goes once that workspace is stored.
    static RECOVERED_FROM: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The change counter when the page last left a synchronous copy of its work.
    static STASHED: Cell<u64> = const { Cell::new(0) };
    /// Set when another tab saved this workspace over what this tab last saw.
    static CONFLICT: Cell<bool> = const { Cell::new(false) };
    /// The state `boot` prepared, taken by the app's first render.
    static BOOT: RefCell<Option<Playground>> = const { RefCell::new(None) };
    static STATUS: RefCell<Status> = const { RefCell::new(Status::Idle) };
    /// The header's re-render trigger, set while it is mounted.
    static STATUS_SINK: RefCell<Option<Callback<Status>>> = const { RefCell::new(None) };
    /// What the next state change means for saving: `Some(true)` saves it even on the first
    /// render (a new workspace), `Some(false)` does not (it was just read from storage).
    static NEXT_SAVE: Cell<Option<bool>> = const { Cell::new(None) };
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

fn js_text(e: &JsValue) -> String {
    e.as_string()
        .unwrap_or_else(|| i18n::STORAGE_UNAVAILABLE.get(lang()).into())
}

/// The page's language now, for words made outside a component (names, error details).
fn lang() -> Lang {
    LATEST
        .with(|l| l.borrow().as_ref().map(|h| h.guide.lang))
        .unwrap_or_else(i18n::initial)
}

fn current() -> Current {
    CURRENT.with(|c| c.borrow().clone())
}

fn set_current(cur: Current) {
    // An embed keeps to its own workspace: the tab's and the browser's last one stay as they are.
    if !crate::ui::embed::options().on {
        set_tab_workspace(&cur.id);
    }
    CURRENT.with(|c| *c.borrow_mut() = cur);
}

/// A stored workspace as stored: its bytes, name, kind, save counter and the page that saved it.
async fn load_record(id: &str) -> Result<(Vec<u8>, String, Kind, u32, String), String> {
    let record = idb_get("workspaces", id).await.map_err(|e| js_text(&e))?;
    let bytes = record_bytes(&record);
    if bytes.is_null() {
        return Err(i18n::NO_LONGER_STORED.get(lang()).into());
    }
    Ok((
        js_sys::Uint8Array::new(&bytes).to_vec(),
        record_name(&record),
        Kind::parse(&record_kind(&record)),
        record_rev(&record),
        record_writer(&record),
    ))
}

/// The state saved bytes describe.
fn playground_of(bytes: &[u8]) -> Result<Playground, String> {
    let mut decoded = codec::decode(bytes).map_err(|e| e.to_string())?;
    let key = crate::ui::guide::SNAPSHOT_KEY;
    if !decoded.snapshot.extra.contains_key(key) {
        if let Some(progress) = crate::ui::guide::Guide::take_legacy() {
            decoded.snapshot.extra.insert(key.into(), progress);
        }
    }
    Playground::from_snapshot(&decoded.snapshot).map_err(|e| e.to_string())
}

/// A stored workspace read back: its state, name, kind and save counter.
type Loaded = (Playground, String, Kind, u32);

/// Reads workspace `id` from storage.
async fn load(id: &str) -> Result<Loaded, String> {
    let (bytes, name, kind, rev, _) = load_record(id).await?;
    Ok((playground_of(&bytes)?, name, kind, rev))
}

/// The workspace a share link's fragment carries, and the state it opens as.
fn open_link(hash: &str) -> Result<(Playground, Snapshot), crate::workspace::WorkspaceError> {
    let decoded = link::decode(hash)?;
    let p = Playground::from_snapshot(&decoded.snapshot)?;
    Ok((p, decoded.snapshot))
}

/// Before the first render: a share link in the URL opens as a new workspace; otherwise this
/// tab's workspace (or the last one saved) comes back. Either failure leaves a message and a
/// working playground, and never overwrites saved work.
pub async fn boot() {
    persist();
    reload_on_workspace_hash();
    let hash = location_hash();
    if crate::ui::embed::options().on {
        let playground = boot_embed(&hash).await;
        listen_to_other_tabs();
        BOOT.with(|b| *b.borrow_mut() = playground);
        return;
    }
    let mut playground = None;
    if link::is_workspace_fragment(&hash) {
        match open_link(&hash) {
            Ok((p, snap)) => {
                playground = Some(p);
                set_current(Current {
                    id: new_id(),
                    name: i18n::NAME_FROM_LINK.get(lang()).into(),
                    kind: Kind::Copy,
                    origin: codec::encode(&snap, Effort::Fast).ok(),
                });
                NEXT_SAVE.with(|f| f.set(Some(true)));
                clear_hash();
                set_status(Status::Opened(i18n::OPENED_SHARED.into()));
            }
            Err(e) => set_status(Status::BadLink(i18n::bad_share_link(&e.to_string()))),
        }
    }
    if playground.is_none() {
        let id = match tab_workspace() {
            Some(id) => Ok(Some(id)),
            None => idb_get("meta", "current").await.map(|v| v.as_string()),
        };
        match id {
            Err(e) => set_status(Status::Unavailable(js_text(&e))),
            Ok(None) => {}
            Ok(Some(id)) => match restore(id).await {
                Ok(p) => playground = Some(p),
                // The unreadable save stays where it is; this session saves under a new id.
                Err(e) => set_status(Status::Info(i18n::not_restored(&e))),
            },
        }
    }
    if playground.is_none() {
        // A fresh workspace: a reload of this tab must find it even before its first save.
        set_current(current());
    }
    listen_to_other_tabs();
    listen_for_drops();
    BOOT.with(|b| *b.borrow_mut() = playground);
}

/// An embed's workspace: as the learner left it in this embed, or else the workspace its link
/// carries (or the tutorial's start), under a key of its own.
async fn boot_embed(hash: &str) -> Option<Playground> {
    let id = crate::ui::embed::current_key(hash);
    // As this embed was left, with a change made just before its page closed.
    match restore(id.clone()).await {
        Ok(p) => return Some(p),
        // Stored but unreadable (saved by a newer version, say): kept aside under a new id,
        // never saved over, and this embed starts again.
        Err(e) if load_record(&id).await.is_ok() => {
            let aside = new_id();
            match idb_move_aside(&id, &aside).await {
                Ok(_) => {
                    // The key is empty again: the next save is its first.
                    REVS.with(|r| r.borrow_mut().remove(&id));
                    set_status(Status::Info(i18n::embed_kept_aside(&e)));
                }
                Err(err) => {
                    set_status(Status::Unavailable(js_text(&err)));
                    return None;
                }
            }
        }
        Err(_) => {}
    }
    let start = if link::is_workspace_fragment(hash) {
        match open_link(hash) {
            Ok((p, snap)) => Some((p, snap)),
            Err(e) => {
                set_status(Status::BadLink(i18n::embed_not_opened(&e.to_string())));
                None
            }
        }
    } else {
        None
    };
    let (playground, kind, origin) = match start {
        Some((p, snap)) => (Some(p), Kind::Copy, codec::encode(&snap, Effort::Fast).ok()),
        None => (None, Kind::Tutorial, None),
    };
    set_current(Current {
        id,
        name: i18n::NAME_EMBEDDED.get(lang()).into(),
        kind,
        origin,
    });
    NEXT_SAVE.with(|f| f.set(Some(true)));
    playground
}

/// The app's initial state: what [`boot`] prepared, or a fresh tutorial.
pub fn initial() -> Playground {
    BOOT.with(|b| b.borrow_mut().take()).unwrap_or_default()
}

/// Queues a save of the workspace the latest render shows. It is encoded at once (the tab's
/// state can change right after, or switch to another workspace) and written in turn.
fn save_now() {
    if CONFLICT.with(Cell::get) {
        // Saving stays off until the learner chooses; the choice stays on screen.
        set_status(Status::Conflict);
        return;
    }
    // Nothing new to store: a save would only move the counter and disturb other tabs.
    let queued = QUEUE.with(|q| q.borrow().iter().any(|w| w.id == current().id));
    if CHANGES.with(Cell::get) == STORED.with(Cell::get) && !queued {
        return;
    }
    let Some(handle) = LATEST.with(|l| l.borrow().clone()) else {
        return;
    };
    let started = now_ms();
    let bytes = match handle
        .snapshot()
        .and_then(|snap| codec::encode(&snap, Effort::Fast))
    {
        Ok(bytes) => bytes,
        Err(e) => {
            set_status(Status::Unavailable(e.to_string()));
            return;
        }
    };
    let cur = current();
    let write = Write {
        id: cur.id,
        name: cur.name,
        kind: cur.kind,
        bytes,
        origin: cur.origin,
        generation: CHANGES.with(Cell::get),
        started,
    };
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        // A newer save of the same workspace replaces one still waiting.
        q.retain(|w| w.id != write.id);
        q.push_back(write);
    });
    drain();
}

/// Writes queued saves one after another.
fn drain() {
    if WRITING.with(|w| w.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        while let Some(w) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
            write_one(w).await;
        }
        WRITING.with(|w| w.set(false));
    });
}

async fn write_one(w: Write) {
    IN_FLIGHT.with(|f| *f.borrow_mut() = Some(w.id.clone()));
    write_checked(&w).await;
    IN_FLIGHT.with(|f| *f.borrow_mut() = None);
}

async fn write_checked(w: &Write) {
    let expected = REVS.with(|r| r.borrow().get(&w.id).copied().unwrap_or(0));
    let writer = TAB.with(Clone::clone);
    let result = idb_save_checked(
        &w.id,
        &w.name,
        &w.bytes,
        expected,
        w.kind.as_str(),
        w.origin.clone(),
        &writer,
    )
    .await;
    let rev = match result.map(|v| v.as_f64().unwrap_or(-1.0)) {
        Ok(rev) if rev < 0.0 => {
            if current().id == w.id {
                CONFLICT.with(|c| c.set(true));
                set_status(Status::Conflict);
            } else {
                // The learner has moved on; the work must not vanish with the refused save.
                keep_as_copy(w).await;
            }
            return;
        }
        Ok(rev) => rev as u32,
        Err(e) => {
            set_status(Status::Unavailable(js_text(&e)));
            return;
        }
    };
    REVS.with(|r| r.borrow_mut().insert(w.id.clone(), rev));
    // An older save landing does not make the copy of newer work redundant.
    if w.generation >= STASHED.with(Cell::get) {
        TAB.with(|tab| drop_unsaved(&w.id, tab));
    }
    if let Some(old) = RECOVERED_FROM.with(|r| r.borrow_mut().take()) {
        TAB.with(|tab| drop_unsaved(&old, tab));
    }
    announce_saved(&w.id, rev);
    if !crate::ui::embed::options().on {
        let _ = idb_put("meta", "current", JsValue::from_str(&w.id)).await;
    }
    if current().id == w.id {
        CURRENT.with(|c| c.borrow_mut().origin = None);
        STORED.with(|s| s.set(w.generation));
        set_status(Status::Saved {
            bytes: w.bytes.len(),
            ms: now_ms() - w.started,
        });
    }
}

/// A refused save of a workspace this tab has left, stored under a new id of its own.
async fn keep_as_copy(w: &Write) {
    let id = new_id();
    let name = i18n::copy_name(&w.name, lang());
    let writer = TAB.with(Clone::clone);
    let saved = idb_save_checked(&id, &name, &w.bytes, 0, w.kind.as_str(), None, &writer).await;
    match saved {
        Ok(_) => set_status(Status::Info(i18n::kept_as_copy(&w.name, &name))),
        Err(e) => set_status(Status::Unavailable(js_text(&e))),
    }
}

/// Another tab saved a workspace. If it is this tab's and this tab has nothing unsaved, this
/// tab shows the newer copy; with unsaved changes it stops saving and asks.
fn listen_to_other_tabs() {
    let cb = Closure::<dyn FnMut(String, u32)>::new(|id: String, rev: u32| {
        let known = REVS.with(|r| r.borrow().get(&id).copied().unwrap_or(0));
        if id != current().id || rev <= known {
            return;
        }
        // A line still running here will change the files: work in progress, like an edit.
        let running = LATEST.with(|l| l.borrow().as_ref().is_some_and(|h| h.busy()));
        let unsaved = CHANGES.with(Cell::get) != STORED.with(Cell::get) || running;
        if unsaved || CONFLICT.with(Cell::get) {
            CONFLICT.with(|c| c.set(true));
            set_status(Status::Conflict);
        } else {
            let changes = CHANGES.with(Cell::get);
            wasm_bindgen_futures::spawn_local(async move {
                follow_other_tab(&id, changes).await;
            });
        }
    });
    on_announced(&cb);
    // The listener lives as long as the page.
    cb.forget();
}

/// Shows what another tab saved, unless this tab changed something while it was being read.
async fn follow_other_tab(id: &str, changes: u64) {
    match load(id).await {
        Ok(_) if CHANGES.with(Cell::get) != changes || current().id != id => {
            if current().id == id {
                CONFLICT.with(|c| c.set(true));
                set_status(Status::Conflict);
            }
        }
        Ok(loaded) => show_stored(id, loaded, i18n::UPDATED_FROM_OTHER_TAB.into()),
        Err(e) => set_status(Status::BadLink(i18n::other_tab_unreadable(&e))),
    }
}

/// Shows workspace `id` as stored, in this tab; `message` may name it as `{name}`.
async fn take_stored(id: &str, message: Msg) {
    match load(id).await {
        Ok(loaded) => show_stored(id, loaded, message),
        Err(e) => set_status(Status::BadLink(i18n::workspace_not_opened(&e))),
    }
}

/// Makes workspace `id`, just read from storage, this tab's, shown as stored.
fn show_stored(id: &str, (p, name, kind, rev): Loaded, message: Msg) {
    REVS.with(|r| r.borrow_mut().insert(id.to_string(), rev));
    CONFLICT.with(|c| c.set(false));
    set_current(Current {
        id: id.to_string(),
        name,
        kind,
        origin: None,
    });
    show(p, false);
    let name = current().name;
    set_status(Status::Opened(Msg::new(
        message.ko.replace("{name}", &name),
        message.en.replace("{name}", &name),
    )));
}

/// Puts `p` in the page. `save` says whether it differs from what storage holds.
fn show(p: Playground, save: bool) {
    NEXT_SAVE.with(|f| f.set(Some(save)));
    if let Some(handle) = LATEST.with(|l| l.borrow().clone()) {
        handle.dispatch(Action::Replace(Box::new(p)));
    }
}

/// Call once per render of the app: remembers the state and saves it shortly after it changes.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<Playground>) {
    LATEST.with(|l| *l.borrow_mut() = Some(state.clone()));
    let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let waiting = (*use_mut_ref(|| std::rc::Rc::new(Cell::new(false))).borrow()).clone();
    let last = use_mut_ref(|| None::<u64>);
    let first_render = last.borrow().is_none();
    // Every state that may differ in what a save keeps has a new content number (a running
    // line's output so far does not), however many changes one render brings.
    let rev = state.content_rev;
    if *last.borrow() != Some(rev) {
        *last.borrow_mut() = Some(rev);
        let save = match NEXT_SAVE.with(|f| f.take()) {
            Some(save) => save,
            None => !first_render,
        };
        if save {
            CHANGES.with(|c| c.set(c.get() + 1));
            // A save already waiting will take this change too (it reads the state when it
            // runs): changes coming faster than the delay must not put the save off forever.
            if !waiting.get() {
                waiting.set(true);
                let waiting = waiting.clone();
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    SAVE_DELAY_MS,
                    move || {
                        waiting.set(false);
                        save_now();
                    },
                ));
            }
        } else {
            // What is shown is what is stored.
            *timer.borrow_mut() = None;
            waiting.set(false);
            STORED.with(|s| s.set(CHANGES.with(Cell::get)));
        }
    }
    use_effect_with((), |_| {
        let cb = Closure::<dyn FnMut()>::new(|| {
            save_now();
            stash();
        });
        on_hidden(&cb);
        // The listener lives as long as the page.
        cb.forget();
    });
}

/// Before the tab leaves the workspace shown: its work is saved, or, in a conflict, kept as a
/// workspace of its own (leaving must not be the way to lose it).
fn save_before_leaving() {
    if CONFLICT.with(Cell::get) {
        keep_mine();
    } else {
        save_now();
    }
}

/// Opens `snap` as a new workspace named `name`, after saving the one shown.
fn open_new(snap: &Snapshot, name: String, kind: Kind, message: Msg) {
    match Playground::from_snapshot(snap) {
        Ok(p) => {
            save_before_leaving();
            CONFLICT.with(|c| c.set(false));
            let origin = match kind {
                Kind::Copy => codec::encode(snap, Effort::Fast).ok(),
                Kind::Tutorial | Kind::Blank => None,
            };
            set_current(Current {
                id: new_id(),
                name,
                kind,
                origin,
            });
            show(p, true);
            set_status(Status::Opened(message));
        }
        Err(e) => set_status(Status::BadLink(i18n::nothing_changed(&e.to_string()))),
    }
}

fn current_snapshot() -> Option<Snapshot> {
    LATEST.with(|l| l.borrow().as_ref().and_then(|h| h.snapshot().ok()))
}

/// A file the learner picked or dropped: a project `.zip`, or a SQLite database, which opens
/// as the `app.db` of a copy of the workspace shown.
fn import_file(name: String, bytes: Vec<u8>) {
    let is_exercise = name.to_lowercase().ends_with(".md");
    let result = if is_exercise {
        exercise_workspace(&bytes)
    } else if bytes.starts_with(crate::db::SQLITE_HEADER) {
        current_snapshot()
            .ok_or_else(|| i18n::STILL_STARTING_LOWER.get(lang()).to_string())
            .map(|mut snap| {
                let path = format!("{}/app.db", crate::workspace::TEMPLATE_ROOT);
                snap.files.insert(path, bytes);
                (snap, i18n::db_import_name(&name, lang()))
            })
    } else {
        zip::import(&bytes)
            .map(|snap| (snap, i18n::imported_name(&name, lang())))
            .map_err(|e| e.to_string())
    };
    match result {
        Ok((snap, title)) => open_new(&snap, title, Kind::Copy, i18n::opened_file(&name)),
        Err(e) => set_status(Status::BadLink(i18n::file_not_opened(&name, &e))),
    }
}

/// An exercise file opens as the tutorial's starting project with the exercise's start files
/// written over it and the exercise itself as `EXERCISE.md`.
fn exercise_workspace(bytes: &[u8]) -> Result<(Snapshot, String), String> {
    use crate::tutorial::exercise;
    let text = std::str::from_utf8(bytes).map_err(|_| i18n::NOT_UTF8.get(lang()).to_string())?;
    let ex = exercise::parse(text);
    if ex.title.is_empty() {
        return Err(i18n::EXERCISE_NO_TITLE.get(lang()).into());
    }
    let root = crate::workspace::TEMPLATE_ROOT;
    let mut snap = Snapshot::starting();
    for (path, contents) in &ex.files {
        let full = format!("{root}/{path}");
        crate::workspace::check_path(&full).map_err(|e| e.to_string())?;
        snap.files.insert(full, contents.clone().into_bytes());
    }
    let path = format!("{root}/{}", exercise::FILE_NAME);
    snap.files.insert(path.clone(), bytes.to_vec());
    snap.open_file = Some(path);
    Ok((snap, ex.title))
}

fn listen_for_drops() {
    let cb = Closure::<dyn FnMut(String, Vec<u8>)>::new(import_file);
    on_file_drop(&cb);
    cb.forget();
}

/// A saved workspace, for the list.
#[derive(Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub updated: f64,
}

/// Every saved workspace, newest first.
pub async fn list() -> Result<Vec<Entry>, String> {
    let all = idb_list().await.map_err(|e| js_text(&e))?;
    Ok(js_sys::Array::from(&all)
        .iter()
        .map(|row| {
            let row = js_sys::Array::from(&row);
            Entry {
                id: row.get(0).as_string().unwrap_or_default(),
                name: row.get(1).as_string().unwrap_or_default(),
                updated: row.get(2).as_f64().unwrap_or(0.0),
            }
        })
        .collect())
}

/// What "reset" goes back to for the workspace shown.
async fn origin_of(cur: &Current) -> Result<Snapshot, String> {
    match cur.kind {
        Kind::Tutorial => Ok(Snapshot::starting()),
        Kind::Blank => Ok(Snapshot::blank()),
        Kind::Copy => {
            let bytes = match &cur.origin {
                Some(b) => b.clone(),
                None => {
                    let record = idb_get("workspaces", &cur.id)
                        .await
                        .map_err(|e| js_text(&e))?;
                    let origin = record_origin(&record);
                    if origin.is_null() {
                        return Err(i18n::NO_ORIGIN.get(lang()).into());
                    }
                    js_sys::Uint8Array::new(&origin).to_vec()
                }
            };
            codec::decode(&bytes)
                .map(|d| d.snapshot)
                .map_err(|e| e.to_string())
        }
    }
}
