//! The browser host (wasm32 only): a thin Yew layer over the engine.
//!
//! `state` owns the engine's [`Shell`](crate::shell::Shell) and turns user actions into engine
//! calls; the components only render state and send actions. Nothing here decides what a
//! command prints: that is the engine's job, shared with the native CLI.

mod app;
mod clock;
mod components;
mod crash;
mod embed;
mod exercise;
mod guide;
mod i18n;
mod layout;
mod state;
mod storage;
mod worker;

pub use app::App;

/// Mounts the playground into `#app` and removes the loading indicator.
pub fn start() {
    // The command worker loads this same wasm; there is no page to mount in it.
    if web_sys::window().is_none() {
        return;
    }
    crash::install();
    // The saved workspace (or a share link) is read before the first render, so nothing typed
    // can race the restore.
    wasm_bindgen_futures::spawn_local(async {
        storage::boot().await;
        mount();
    });
}

fn mount() {
    let document = gloo::utils::document();
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    let root = document
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<App>::with_root(root).render();
    // After the first render, so the page is interactive before the worker competes for it.
    worker::start();
}
