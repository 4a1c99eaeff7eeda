// Shared end-to-end harness: a static server for the built site (dist/) on 127.0.0.1, and a
// hermetic headless Chromium (Debian's, fresh profile per launch, no network but loopback).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const DIST = resolve(process.env.PLAYGROUND_DIST ?? "dist");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `root` on an ephemeral loopback port; resolves to { url, close }. */
export async function serve(root = DIST) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

// The flags toolchain.md gives for this closed network; playwright adds a fresh profile.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * The site served and a browser launched for one test file, closed after it:
 * `site.server.url`, `site.browser` (filled in before the first test runs).
 */
export function usePlayground() {
  const site = { server: null, browser: null };
  before(async () => {
    site.server = await serve();
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * A new page in a fresh context that refuses every request not to loopback and records it,
 * and that collects console errors and CSP violations.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const offsite = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:") return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
  return { context, page, offsite, errors };
}

/** Opens the playground and waits until the app (not the loading screen) is interactive. */
export async function openPlayground(page, url) {
  await page.goto(url);
  const input = page.getByRole("textbox", { name: "Terminal input" });
  await input.waitFor({ state: "visible", timeout: 15000 });
  return input;
}

/** Types one terminal line, presses Enter, and waits for the command's echo in the log. */
export async function runLine(page, line) {
  const input = page.getByRole("textbox", { name: "Terminal input" });
  const log = page.getByRole("log", { name: "Terminal output" });
  const before = await log.locator(".term-cmd").count();
  await input.fill(line);
  await input.press("Enter");
  await log.locator(".term-cmd").nth(before).waitFor();
  return log;
}

// The editor is CodeMirror 6 in a shadow root; static/editor/entry.js hangs its view on the
// host element. `editor` is the locator of its text box (role textbox, "Editor: PATH").

/** The whole text of the file in the editor (CodeMirror draws only the visible lines). */
export async function editorText(editor) {
  return editor.evaluate((el) => el.getRootNode().host.editorView.state.doc.toString());
}

/** Replaces the editor's text as one edit (as pasting over a select-all does); it is written
 * through to the workspace like typing. */
export async function setEditorText(editor, text) {
  await editor.evaluate((el, text) => {
    const view = el.getRootNode().host.editorView;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: "input.paste" });
  }, text);
}

/** Opens `path` from the file tree and replaces `from` with `to` in the editor, as one edit
 * (written through to the workspace like typing). Fails if the file does not contain `from`. */
export async function editInEditor(page, path, from, to) {
  const name = path.split("/").pop();
  await page.getByRole("navigation", { name: "Project files" }).getByRole("button", { name, exact: true }).click();
  const editor = page.getByRole("textbox", { name: `Editor: ${path}` });
  await editor.waitFor();
  await editor.evaluate((el, [from, to]) => {
    const view = el.getRootNode().host.editorView;
    const text = view.state.doc.toString();
    if (!text.includes(from)) throw new Error(`the file does not contain ${from}`);
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text.replace(from, to) }, userEvent: "input.paste" });
  }, [from, to]);
}

/** The chapter's setup, as a learner types and edits it: Alembic installed and initialised,
 * the SQLite URL in alembic.ini, and env.py importing `models` from app.db.models. */
export async function setUpAlembic(page, models = "User, Item") {
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await editInEditor(page, "alembic.ini", "driver://user:pass@localhost/dbname", "sqlite:///./app.db");
  await editInEditor(
    page,
    "alembic/env.py",
    "target_metadata = None",
    `from app.common.database.base import Base\nfrom app.db.models import ${models}\ntarget_metadata = Base.metadata`,
  );
}

/** A zip of `entries` ([name, bytes, {method, declaredSize}]) as Node writes it, byte by byte. */
export async function zipOf(entries) {
  const { crc32, deflateRawSync } = await import("node:zlib");
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data, opts = {}] of entries) {
    const method = opts.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const size = opts.declaredSize ?? data.length;
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
