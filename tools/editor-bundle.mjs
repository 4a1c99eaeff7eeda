// Bundles the code editor (static/editor/entry.js: CodeMirror 6 from npm, installed by
// tools/setup.sh's `npm ci`) with esbuild into one minified ES module, `editor-<hash>.js`.
// Called by tools/trunk-post-build.mjs, which puts it into Trunk's staging folder and loads it
// before the wasm; also runnable alone: `node tools/editor-bundle.mjs OUT_DIR` (prints the name).
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("../static/editor/entry.js", import.meta.url));

/** Writes the bundle into `dir` and returns its file name. */
export async function bundleEditor(dir) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    write: false,
    legalComments: "none",
    logLevel: "warning",
  });
  const code = result.outputFiles[0].contents;
  const name = `editor-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  return name;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await bundleEditor(process.argv[2] ?? "."));
}
