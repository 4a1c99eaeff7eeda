//! What the header's workspace controls do (`components/workspace_bar.rs` draws them): status,
//! links, export and download, imports, conflict choices, and the workspace list's actions.
//! Saving, restoring and the rules between tabs are the parent module's.

use std::cell::Cell;

use yew::prelude::*;

use super::*;

/// The header's message now, and the callback it re-renders through while mounted.
pub fn status() -> Status {
    STATUS.with(|s| s.borrow().clone())
}

/// Whether saving is stopped until the learner resolves a conflict with another tab.
pub fn in_conflict() -> bool {
    CONFLICT.with(Cell::get)
}

pub fn watch_status(sink: Option<Callback<Status>>) {
    STATUS_SINK.with(|s| *s.borrow_mut() = sink);
}

pub fn tell(text: impl Into<Msg>) {
    set_status(Status::Info(text.into()));
}

/// The workspace this tab shows: its id and name.
pub fn shown() -> (String, String) {
    let cur = current();
    (cur.id, cur.name)
}

/// This workspace as a share link (this page's address with the workspace in the fragment).
pub fn share_url() -> Result<String, Msg> {
    link_on(&page_url())
}

/// This workspace as a link on `base`.
fn link_on(base: &str) -> Result<String, Msg> {
    let snap = current_snapshot().ok_or(Msg::from(i18n::STILL_STARTING))?;
    let fragment = link::encode(&snap).map_err(|e| {
        let e = e.to_string();
        Msg::new(e.clone(), e)
    })?;
    Ok(format!("{base}#{fragment}"))
}

pub async fn copy_link(url: String) {
    let ok = copy_text(&url).await.as_bool() == Some(true);
    tell(if ok {
        i18n::LINK_COPIED
    } else {
        i18n::SELECT_AND_COPY
    });
}

pub fn export_zip() {
    if let Some(snap) = current_snapshot() {
        download(
            "fastapi_template.zip",
            &zip::export(&snap),
            "application/zip",
        );
    }
}

pub fn download_db() {
    let Some(snap) = current_snapshot() else {
        return;
    };
    let path = format!("{}/app.db", crate::workspace::TEMPLATE_ROOT);
    match snap.files.get(&path) {
        Some(bytes) => download("app.db", bytes, "application/vnd.sqlite3"),
        None => tell(i18n::NO_APP_DB),
    }
}

/// The file picked in `input`, opened as a new workspace.
pub async fn import_picked(input: web_sys::HtmlInputElement) {
    let name = file_name(&input);
    let bytes = match file_bytes(&input).await {
        Ok(v) if !v.is_null() => js_sys::Uint8Array::new(&v).to_vec(),
        _ => return,
    };
    input.set_value("");
    import_file(name, bytes);
}

/// After a conflict: show what the other tab saved.
pub fn take_theirs() {
    let id = current().id;
    wasm_bindgen_futures::spawn_local(async move {
        take_stored(&id, i18n::SHOWING_THEIRS.into()).await;
    });
}

/// After a conflict: this tab's work becomes a workspace of its own.
pub fn keep_mine() {
    let cur = current();
    CONFLICT.with(|c| c.set(false));
    let name = i18n::copy_name(&cur.name, lang());
    set_current(Current {
        id: new_id(),
        name: name.clone(),
        kind: cur.kind,
        origin: None,
    });
    set_status(Status::Opened(i18n::now_own_workspace(&name)));
    save_now();
}

/// An embed's way out: its work, as a link, in the full playground in a new tab.
pub fn open_in_playground() {
    match link_on(&playground_url()) {
        Ok(url) => {
            let _ = gloo::utils::window().open_with_url_and_target(&url, "_blank");
        }
        Err(e) => tell(e),
    }
}

/// Puts the workspace shown back at its start.
pub async fn reset_shown() {
    let cur = current();
    let start = origin_of(&cur).await;
    if current().id != cur.id {
        // The learner switched while the start was read: it is not this workspace's.
        return;
    }
    match start.and_then(|snap| Playground::from_snapshot(&snap).map_err(|e| e.to_string())) {
        Ok(p) => {
            show(p, true);
            set_status(Status::Opened(i18n::back_at_start(&cur.name)));
        }
        Err(e) => set_status(Status::BadLink(i18n::not_reset(&cur.name, &e))),
    }
}

pub fn new_tutorial() {
    open_new(
        &Snapshot::starting(),
        i18n::NAME_TUTORIAL.get(lang()).into(),
        Kind::Tutorial,
        i18n::NEW_TUTORIAL_OPENED.into(),
    );
}

pub fn new_blank() {
    open_new(
        &Snapshot::blank(),
        i18n::NAME_BLANK.get(lang()).into(),
        Kind::Blank,
        i18n::NEW_BLANK_OPENED.into(),
    );
}

/// Saves the workspace shown, then shows workspace `id`.
pub fn switch_to(id: String) {
    save_before_leaving();
    wasm_bindgen_futures::spawn_local(async move {
        take_stored(&id, i18n::SWITCHED_TO.into()).await;
    });
}

pub async fn delete(id: &str) {
    match idb_delete("workspaces", id).await {
        Ok(_) => forget_workspace(id),
        Err(e) => set_status(Status::Unavailable(js_text(&e))),
    }
}

/// Renames the workspace shown (a workspace not stored yet takes the name at its first save).
pub async fn rename_shown(name: String) {
    let id = current().id;
    CURRENT.with(|c| c.borrow_mut().name = name.clone());
    match idb_rename(&id, &name).await {
        Err(e) => set_status(Status::Unavailable(js_text(&e))),
        Ok(_) => tell(i18n::renamed_to(&name)),
    }
}
