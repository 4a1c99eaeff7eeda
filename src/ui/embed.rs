//! Embed mode, for an iframe in a course page: `?embed=1`, with `hide=` naming regions to leave
//! out (`files`, `editor`, `terminal`, `panels`, comma-separated) and `readonly=1` to make the
//! files read-only in the editor and the file tree. Read once from the page's address.
//!
//! An embedded playground keeps its own workspace per embed address (src/ui/storage/), so a
//! course page never touches the learner's own workspaces and comes back as they left it.

use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    pub on: bool,
    /// Region keys to leave out (as `Region::key` spells them).
    pub hide: BTreeSet<&'static str>,
    pub readonly: bool,
}

const REGIONS: [&str; 4] = ["files", "editor", "terminal", "panels"];

thread_local! {
    static OPTIONS: Embed = parse(&search());
}

fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's embed options.
pub fn options() -> Embed {
    OPTIONS.with(Clone::clone)
}

/// `?embed=1&hide=files,panels&readonly=1`; anything unknown is ignored, and outside embed mode
/// the other options mean nothing (a shared link cannot hide a learner's panels).
pub fn parse(search: &str) -> Embed {
    let mut embed = Embed::default();
    let truthy = |v: &str| matches!(v, "1" | "true" | "yes");
    for pair in search.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, "1"));
        match key {
            "embed" => embed.on = truthy(value),
            "readonly" => embed.readonly = truthy(value),
            "hide" => {
                for name in value.split([',', '+']).map(str::trim) {
                    if let Some(known) = REGIONS.iter().find(|r| **r == name) {
                        embed.hide.insert(known);
                    }
                }
            }
            _ => {}
        }
    }
    if !embed.on {
        return Embed::default();
    }
    // Something must stay on screen.
    if embed.hide.len() == REGIONS.len() {
        embed.hide.remove("terminal");
    }
    embed
}

/// A stable key for this embed's workspace: the options and the starting link, hashed.
pub fn workspace_key(search: &str, hash: &str) -> String {
    // FNV-1a: short, stable across builds, and no collision worth fearing among one
    // learner's embeds.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in search.bytes().chain([0]).chain(hash.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("embed-{h:016x}")
}

/// The key for the page shown now.
pub fn current_key(hash: &str) -> String {
    workspace_key(&search(), hash)
}
