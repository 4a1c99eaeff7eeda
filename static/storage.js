// The browser side of workspace storage (src/ui/storage.rs binds these through wasm-bindgen):
// IndexedDB, downloads, the file picker, the URL fragment and page-hide events. It moves bytes
// and nothing else: what the bytes mean is the engine's business (src/workspace).
//
// IndexedDB rather than localStorage: saves are binary (the SQLite file is in them), may be
// megabytes (localStorage holds ~5 MB of UTF-16 text per origin), and writes do not block the page.

const DB_NAME = "alembic-playground";
const DB_VERSION = 1;
// "workspaces": id -> { name, bytes (Uint8Array), updated (ms), rev, kind, origin };
// "meta": "current" -> id. `rev` counts saves, so a tab can tell that another tab saved the
// same workspace since it last looked; `origin` is what "reset" goes back to for a workspace
// that did not start from a built-in template (an import, a link).
const STORES = ["workspaces", "meta"];

let opening = null;

function request(req) {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

function openDb() {
  if (!opening) {
    opening = new Promise((ok, fail) => {
      let req;
      try {
        req = indexedDB.open(DB_NAME, DB_VERSION);
      } catch (e) {
        fail(e);
        return;
      }
      req.onupgradeneeded = () => {
        for (const name of STORES) {
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
        }
      };
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
      req.onblocked = () => fail(new Error("another tab is upgrading the playground's storage"));
    });
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

function describe(e) {
  return e && e.name ? `${e.name}: ${e.message}` : String(e);
}

async function run(store, mode, body) {
  try {
    const db = await openDb();
    const tx = db.transaction(store, mode);
    const result = await body(tx.objectStore(store));
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
      tx.onabort = () => fail(tx.error ?? new Error("the save was aborted"));
    });
    return result;
  } catch (e) {
    throw describe(e);
  }
}

/** The saved record for `id`, or null. */
export function idbGet(store, key) {
  return run(store, "readonly", (s) => request(s.get(key))).then((v) => v ?? null);
}

export function idbPut(store, key, value) {
  return run(store, "readwrite", (s) => request(s.put(value, key))).then(() => null);
}

export function idbDelete(store, key) {
  return run(store, "readwrite", (s) => request(s.delete(key))).then(() => null);
}

/** Every workspace as [id, name, updated], newest first. */
export async function idbList() {
  const all = await run("workspaces", "readonly", async (s) => {
    const keys = await request(s.getAllKeys());
    const values = await request(s.getAll());
    return keys.map((k, i) => [k, values[i]?.name ?? k, values[i]?.updated ?? 0]);
  });
  return all.sort((a, b) => b[2] - a[2]);
}

/**
 * Saves a workspace unless another tab saved it since this tab last did: in one transaction,
 * the stored `rev` must still be `expectedRev` (0 for a workspace not saved yet). Resolves to
 * the new rev, or to -1 when another tab got there first (nothing is written then).
 */
export function idbSaveChecked(id, name, view, expectedRev, kind, origin, writer) {
  // `view` looks into the wasm's memory: copied now, because storing a view would store the
  // whole memory it looks into (tens of MB, on the page's thread), and because the memory may
  // grow, detaching the view, before the await below comes back.
  const bytes = view.slice();
  return run("workspaces", "readwrite", async (s) => {
    const old = await request(s.get(id));
    const oldRev = old?.rev ?? (old ? 1 : 0);
    if (oldRev !== expectedRev) return -1;
    const rev = oldRev + 1;
    await request(
      s.put(
        {
          // A rename (idbRename) is not undone by a tab that still knows the old name.
          name: old?.name ?? name,
          bytes,
          updated: Date.now(),
          rev,
          kind: kind || old?.kind || "",
          origin: origin ?? old?.origin ?? null,
          writer: writer ?? "",
        },
        id,
      ),
    );
    return rev;
  });
}

export function recordWriter(record) {
  return record && typeof record.writer === "string" ? record.writer : "";
}

export function recordRev(record) {
  return record && typeof record.rev === "number" ? record.rev : record ? 1 : 0;
}

export function recordKind(record) {
  return record && typeof record.kind === "string" ? record.kind : "";
}

export function recordOrigin(record) {
  return record && record.origin instanceof Uint8Array ? record.origin : null;
}

/** Moves a stored workspace to a new id (one transaction), marking its name as unreadable. */
export function idbMoveAside(id, to) {
  return run("workspaces", "readwrite", async (s) => {
    const old = await request(s.get(id));
    if (old) {
      await request(s.put({ ...old, name: `${old.name || "Workspace"} (unreadable)` }, to));
      await request(s.delete(id));
    }
    return null;
  });
}

/** Renames a workspace without counting it as a save of its content. */
export function idbRename(id, name) {
  return run("workspaces", "readwrite", async (s) => {
    const old = await request(s.get(id));
    if (old) await request(s.put({ ...old, name }, id));
    return null;
  });
}

// This tab's workspace, kept across a reload of this tab only (sessionStorage is per tab),
// so two tabs on two workspaces each come back to their own.
const TAB_KEY = "alembic-playground.tab-workspace";

export function tabWorkspace() {
  try {
    return sessionStorage.getItem(TAB_KEY);
  } catch {
    return null;
  }
}

export function setTabWorkspace(id) {
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch {
    // Storage refused: a reload falls back to the last workspace saved.
  }
}

// A save started as the page goes away may not finish (IndexedDB gives no promise to a page
// that is unloading), so the hidden-page save also leaves a synchronous copy in localStorage,
// taken back by the next load of that workspace and dropped once a save lands.
const UNSAVED = "alembic-playground.unsaved.";
// Base64 of megabytes goes through String.fromCharCode in slices (its argument count is limited).
function toBase64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function stashUnsaved(id, tab, base, pending, bytes, name, kind) {
  try {
    localStorage.setItem(UNSAVED + id, JSON.stringify({ tab, base, pending, name, kind, data: toBase64(bytes) }));
  } catch {
    // Full or refused: the IndexedDB save is still on its way.
  }
}

/**
 * The copy left for `id` as { base, pending, bytes }, or null. It stays stored, now as this
 * page's (`tab`), until this page's own save lands: a page closed while it is still starting
 * must not lose it.
 */
export function takeUnsaved(id, tab) {
  try {
    const text = localStorage.getItem(UNSAVED + id);
    if (!text) return null;
    const copy = JSON.parse(text);
    localStorage.setItem(UNSAVED + id, JSON.stringify({ ...copy, tab }));
    const raw = atob(copy.data);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return {
      base: Number(copy.base) || 0,
      pending: Number(copy.pending) || 0,
      bytes,
      writer: String(copy.tab ?? ""),
      name: String(copy.name ?? "Tutorial"),
      kind: String(copy.kind ?? ""),
    };
  } catch {
    return null;
  }
}

/** Drops this tab's copy for `id` once a save has landed. */
export function dropUnsaved(id, tab) {
  try {
    const text = localStorage.getItem(UNSAVED + id);
    if (text && JSON.parse(text).tab === tab) localStorage.removeItem(UNSAVED + id);
  } catch {
    // Nothing to drop.
  }
}

export function unsavedBase(copy) {
  return copy.base;
}

export function unsavedPending(copy) {
  return copy.pending;
}

export function unsavedBytes(copy) {
  return copy.bytes;
}

/** The page that left the copy (before this one took it over). */
export function unsavedWriter(copy) {
  return copy.writer;
}

export function unsavedName(copy) {
  return copy.name;
}

export function unsavedKind(copy) {
  return copy.kind;
}

/** A deleted workspace leaves nothing behind: no page-close copy, no "last workspace". */
export function forgetWorkspace(id) {
  try {
    localStorage.removeItem(UNSAVED + id);
  } catch {
    // Nothing stored.
  }
  run("meta", "readwrite", async (s) => {
    if ((await request(s.get("current"))) === id) await request(s.delete("current"));
  }).catch(() => {});
}

// Other tabs hear of each save at once (the rev check above is what makes it safe; this only
// makes it prompt).
let channel = null;
try {
  channel = new BroadcastChannel("alembic-playground");
} catch {
  channel = null;
}

export function announceSaved(id, rev) {
  channel?.postMessage({ saved: id, rev });
}

export function onAnnounced(cb) {
  if (channel) {
    channel.onmessage = (e) => {
      if (e.data && typeof e.data.saved === "string" && typeof e.data.rev === "number") {
        cb(e.data.saved, e.data.rev);
      }
    };
  }
}

/** Files dropped anywhere on the page: `cb(name, bytes)` for the first one. */
export function onFileDrop(cb) {
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
  window.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    document.body.classList.add("dropping");
  });
  window.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) document.body.classList.remove("dropping");
  });
  window.addEventListener("drop", async (e) => {
    document.body.classList.remove("dropping");
    if (!hasFiles(e)) return;
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) cb(file.name, new Uint8Array(await file.arrayBuffer()));
  });
}

export function recordBytes(record) {
  return record && record.bytes instanceof Uint8Array ? record.bytes : null;
}

export function recordName(record) {
  return record && typeof record.name === "string" ? record.name : "";
}

/** Asks the browser not to evict this origin's data under storage pressure. */
export function persist() {
  try {
    navigator.storage?.persist?.().catch(() => {});
  } catch {
    // Older browsers: nothing to ask.
  }
}

/** Offers `bytes` as a file download. */
export function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of a file the learner picked in `input`, or null. */
export async function fileBytes(input) {
  const file = input.files?.[0];
  if (!file) return null;
  return new Uint8Array(await file.arrayBuffer());
}

export function fileName(input) {
  return input.files?.[0]?.name ?? "";
}

export function locationHash() {
  return location.hash;
}

/** This page's address without its fragment, to put a share fragment on. */
export function pageUrl() {
  return location.href.split("#")[0];
}

/** The full playground's address (this page without its query or fragment), for an embed's
 * "open in the playground". */
export function playgroundUrl() {
  return location.origin + location.pathname;
}

/** Drops the fragment without reloading or adding a history entry. */
export function clearHash() {
  history.replaceState(null, "", location.pathname + location.search);
}

/** Calls `cb` when the page is hidden or unloaded: the last chance to save. */
export function onHidden(cb) {
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") cb();
  });
  window.addEventListener("pagehide", () => cb());
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A share link pasted into the address bar of an open tab changes only the fragment, which
 * does not reload the page: reload so it opens like any link (the page-hide save runs first). */
export function reloadOnWorkspaceHash() {
  window.addEventListener("hashchange", () => {
    if (location.hash.startsWith("#ws")) location.reload();
  });
}
