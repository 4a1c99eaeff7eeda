// Trunk post-build hook: moves Trunk's inline wasm loader out of index.html into
// `loader-<hash>.js`, so the page runs under a Content-Security-Policy with no inline script;
// bundles the code editor (tools/editor-bundle.mjs) into a module loaded before it; and writes
// the command worker (static/worker.js, with this build's glue and wasm names filled in) as
// `worker-<hash>.js`, named to the page by a `playground-worker` meta tag. One hook, because
// Trunk runs the hooks of a stage at the same time and they all rewrite index.html.
// Fails the build if any inline script remains.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleEditor } from "./editor-bundle.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this from Trunk's post_build hook");
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

const inline = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error("no inline module script found in Trunk's index.html");
const code = match[1].trim() + "\n";
const glue = code.match(/from '\.\/([^']+\.js)'/);
const wasm = code.match(/module_or_path: '\.\/([^']+\.wasm)'/);
if (!glue || !wasm) throw new Error("Trunk's loader no longer names its glue and wasm as expected");
const workerCode = readFileSync(new URL("../static/worker.js", import.meta.url), "utf8")
  .replace("__GLUE__", glue[1])
  .replace("__WASM__", wasm[1]);
const workerName = `worker-${createHash("sha256").update(workerCode).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(dir, workerName), workerCode);
const name = `loader-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
// Module scripts run in document order, so the editor's global exists before the wasm starts.
const editor = await bundleEditor(dir);
html = html.replace(
  inline,
  `<script type="module" src="./${editor}"></script>\n<script type="module" src="./${name}"></script>`,
);
html = html.replace("</head>", `<meta name="playground-worker" content="./${workerName}">\n</head>`);

if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error("index.html still has an inline script after moving Trunk's loader");
}
writeFileSync(indexPath, html);
