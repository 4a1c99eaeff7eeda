// The browser benchmark of issue 7 item 9 (BENCHMARKS.md): first load to interactive (cold,
// localhost), bytes transferred, and the latency from Enter on `alembic upgrade head` with 30
// revisions until the schema panel shows the result. Runs the built site (PLAYGROUND_DIST, or
// dist/) in headless Chromium through playwright-core, as tests/e2e does.
//
//   node tools/bench/ui.mjs [--runs N]
//
// The site is served three ways, each file compressed once at start (as a server with
// precompressed or cached assets does, so compression time is not counted as load time):
// identity (no compression: what tests/e2e's server and `trunk serve` send), gzip -9, and
// brotli q11. Each load uses a new browser context: empty cache, empty storage.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { DIST, launch, newPage, openPlayground, runLine, setEditorText, editorText } from "../../tests/e2e/harness.mjs";

const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;
// `--only load` or `--only upgrade` runs one half.
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const REVISIONS = Number(process.argv[process.argv.indexOf("--revisions") + 1]) || 30;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
};

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

/** Serves DIST with every file held raw, gzipped (-9) and brotli'd (q11). */
async function serveCompressed(mode) {
  const table = new Map();
  for (const file of await files(DIST)) {
    if ((await stat(file)).size === 0 && !file.endsWith(".html")) continue;
    const raw = await readFile(file);
    table.set("/" + relative(DIST, file), {
      raw,
      gzip: gzipSync(raw, { level: 9 }),
      br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      type: TYPES[extname(file)] ?? "application/octet-stream",
    });
  }
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path.endsWith("/")) path += "index.html";
    const entry = table.get(path);
    if (!entry) return res.writeHead(404).end();
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const headers = { "content-type": entry.type, "cache-control": "no-cache" };
    let body = entry.raw;
    if (mode === "br" && /\bbr\b/.test(accepts)) {
      headers["content-encoding"] = "br";
      body = entry.br;
    } else if (mode !== "identity" && /\bgzip\b/.test(accepts)) {
      headers["content-encoding"] = "gzip";
      body = entry.gzip;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)), table };
}

// Records, from the page itself, when the terminal's input and the editor's text appear: the
// input by a MutationObserver (exact), the editor by checking every animation frame (its text
// is drawn inside a shadow root, which a document observer does not see).
const MARKS = () => {
  window.__marks = {};
  const m = window.__marks;
  new MutationObserver((_, obs) => {
    if (document.getElementById("terminal-input")) {
      m.terminal = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  const frame = () => {
    if (document.querySelector(".code-host")?.shadowRoot?.querySelector(".cm-content .cm-line")) m.editor = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

/** One cold load: bytes on the wire and the page's own timings. */
async function coldLoad(browser, url) {
  const { page, context, errors } = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await page.addInitScript(MARKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  let wire = 0;
  const encodings = new Set();
  cdp.on("Network.loadingFinished", (e) => (wire += e.encodedDataLength));
  cdp.on("Network.responseReceived", (e) => encodings.add(e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"] ?? "identity"));
  await openPlayground(page, url);
  await page.waitForFunction(() => window.__marks.terminal && window.__marks.editor);
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const resources = performance.getEntriesByType("resource").map((r) => ({ name: r.name.split("/").pop(), body: r.encodedBodySize, size: r.decodedBodySize }));
    return { ...window.__marks, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, resources, doc: { body: nav.encodedBodySize, size: nav.decodedBodySize } };
  });
  await page.waitForTimeout(200); // let the last loadingFinished events arrive
  await context.close();
  if (errors.length) throw new Error(errors.join("\n"));
  return { ...t, wire, encodings: [...encodings] };
}

/** `alembic upgrade head` over 30 revisions: Enter to the schema panel showing table t30. */
async function upgradeLatency(browser, url) {
  const { page, context, errors } = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  page.on("crash", () => console.error("the page crashed"));
  await openPlayground(page, url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await page.getByRole("button", { name: "alembic.ini" }).click();
  const ini = page.getByRole("textbox", { name: "Editor: alembic.ini" });
  await setEditorText(ini, (await editorText(ini)).replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"));
  for (let i = 1; i <= REVISIONS; i++) {
    const id = `r${String(i).padStart(2, "0")}`;
    await runLine(page, `alembic revision -m "step ${i}" --rev-id ${id}`);
    await runLine(page, `alembic edit ${id}`);
    const editor = page.getByRole("textbox", { name: new RegExp(`^Editor: alembic/versions/${id}_step_${i}\\.py$`) });
    await editor.waitFor();
    const text = await editorText(editor);
    await setEditorText(editor, text
      .replace('"""Upgrade schema."""\n    pass', `"""Upgrade schema."""\n    op.create_table("t${i}", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(50), nullable=False))\n    op.create_index("ix_t${i}_name", "t${i}", ["name"])`)
      .replace('"""Downgrade schema."""\n    pass', `"""Downgrade schema."""\n    op.drop_index("ix_t${i}_name", table_name="t${i}")\n    op.drop_table("t${i}")`));
  }
  await page.getByRole("tab", { name: "Schema" }).click();
  const samples = { dom: [], frame: [] };
  for (let run = 0; run < RUNS; run++) {
    // Arm the measurement in the page: Enter's keydown starts it, the card for t30 marked
    // "added" ends it (DOM), and the next animation frame after that is when it is painted.
    await page.evaluate((last) => {
      window.__upgrade = new Promise((done, fail) => {
        const input = document.getElementById("terminal-input");
        const selector = `article.table-card.added[aria-label="Table ${last}"]`;
        let start = 0;
        let dom = 0;
        const timeout = setTimeout(() => fail(new Error(`no result after 20 s (start ${start}, dom ${dom})`)), 20000);
        // Yew runs the command and renders inside the keydown's dispatch, from a capturing
        // listener of its own on an ancestor: the start is taken on the window, first in the
        // capture path; the DOM time by an observer (a microtask after the render), the paint
        // by the animation frames that follow.
        const obs = new MutationObserver(() => {
          if (start && !dom && document.querySelector(selector)) dom = performance.now() - start;
        });
        obs.observe(document.body, { childList: true, subtree: true, attributes: true });
        const frame = () => {
          if (!document.querySelector(selector)) return requestAnimationFrame(frame);
          obs.disconnect();
          clearTimeout(timeout);
          done({ dom: dom || performance.now() - start, frame: performance.now() - start });
        };
        const onkey = (e) => {
          if (e.key !== "Enter" || e.target !== input) return;
          window.removeEventListener("keydown", onkey, { capture: true });
          start = performance.now();
          requestAnimationFrame(frame);
        };
        window.addEventListener("keydown", onkey, { capture: true });
      });
    }, `t${REVISIONS}`);
    const input = page.getByRole("textbox", { name: "Terminal input" });
    await input.fill("alembic upgrade head");
    await input.press("Enter");
    const r = await page.evaluate(() => window.__upgrade);
    samples.dom.push(r.dom);
    samples.frame.push(r.frame);
    const log = await page.getByRole("log", { name: "Terminal output" }).innerText();
    const rev = (n) => `r${String(n).padStart(2, "0")}`;
    if (!log.includes(`Running upgrade ${rev(REVISIONS - 1)} -> ${rev(REVISIONS)}, step ${REVISIONS}`)) throw new Error("upgrade did not run all revisions");
    await runLine(page, "alembic downgrade base");
    await page.locator(`article.table-card.removed[aria-label="Table t${REVISIONS}"]`).waitFor();
  }
  await context.close();
  if (errors.length) throw new Error(errors.join("\n"));
  return samples;
}

const browser = await launch();
const version = browser.version();
console.log(`Chromium ${version}, site ${DIST}, ${RUNS} runs each\n`);
for (const mode of ONLY === "upgrade" ? [] : ["identity", "gzip", "br"]) {
  const server = await serveCompressed(mode);
  const loads = [];
  for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, server.url));
  await server.close();
  const last = loads.at(-1);
  console.log(`## served ${mode} (Content-Encoding seen: ${last.encodings.join(", ")})`);
  console.log(`  bytes on the wire (CDP encodedDataLength, headers included): ${last.wire.toLocaleString("en")}`);
  console.log(`  per file (body bytes as sent / decoded):`);
  console.log(`    index.html ${last.doc.body} / ${last.doc.size}`);
  for (const r of last.resources) console.log(`    ${r.name} ${r.body.toLocaleString("en")} / ${r.size.toLocaleString("en")}`);
  console.log(`  terminal ready (interactive): ${fmt(loads.map((l) => l.terminal))}`);
  console.log(`  editor ready: ${fmt(loads.map((l) => l.editor))}`);
  console.log(`  DOMContentLoaded: ${fmt(loads.map((l) => l.dcl))}; load event: ${fmt(loads.map((l) => l.load))}\n`);
}
if (ONLY !== "load") {
  const server = await serveCompressed("gzip");
  const s = await upgradeLatency(browser, server.url);
  await server.close();
  console.log(`## alembic upgrade head, ${REVISIONS} revisions (each a table with an index), Enter to the schema panel`);
  console.log(`  table t${REVISIONS} in the DOM: ${fmt(s.dom)}`);
  console.log(`  next frame after it: ${fmt(s.frame)}`);
  console.log(`  samples (frame): ${s.frame.map((x) => x.toFixed(0)).join(", ")}`);
}
await browser.close();
