// The browser side of workspace storage (src/ui/storage.rs binds these through wasm-bindgen):
// IndexedDB, downloads, the file picker, the URL fragment and page-hide events. It moves bytes
// and nothing else: what the bytes mean is the engine's business (src/workspace).
//
// IndexedDB rather than localStorage: saves are binary (the SQLite file is in them), may be
// megabytes (localStorage holds ~5 MB of UTF-16 text per origin), and writes do not block the page.

const DB_NAME = "alembic-playground";
const DB_VERSION = 1;
// "workspaces": id -> { name, bytes (Uint8Array), updated (ms) }; "meta": "current" -> id.
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

/** A workspace record as stored. */
export function workspaceRecord(name, bytes) {
  return { name, bytes, updated: Date.now() };
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
