// End-to-end: keeping and sharing work (issue 9): autosave and reload, share links opened in a
// fresh browser profile, hostile links, and the .zip export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { newPage, openPlayground, runLine, setUpAlembic, usePlayground } from "./harness.mjs";

const site = usePlayground();

/** Work that touches files, the database, history and the working directory. */
async function doWork(page) {
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await runLine(page, `sqlite3 app.db "CREATE TABLE t(x); INSERT INTO t VALUES (42);"`);
  await runLine(page, "cd alembic");
}

/** Waits for the header to report a save, and returns the save's size and time. */
async function saved(page) {
  const status = page.locator(".ws-status.saved");
  await status.waitFor({ timeout: 5000 });
  const text = await status.textContent();
  const [, kb, ms] = text.match(/\(([\d.]+) KB, (\d+) ms\)/);
  return { kb: Number(kb), ms: Number(ms) };
}

async function expectWork(page) {
  const log = page.getByRole("log", { name: "Terminal output" });
  const text = await log.innerText();
  for (const line of ["$ pip install alembic", "$ alembic init alembic", "$ cd alembic"]) {
    assert.ok(text.includes(line), `scrollback keeps ${line}`);
  }
  assert.match(text, /Generating \/home\/learner\/fastapi_template\/alembic\.ini \.\.\.  done/);
  // The working directory came back, and so did the database.
  await runLine(page, "pwd");
  assert.equal(await log.locator(".stdout").last().textContent(), "/home/learner/fastapi_template/alembic\n");
  await runLine(page, `sqlite3 ../app.db "SELECT x FROM t"`);
  assert.equal(await log.locator(".stdout").last().textContent(), "42\n");
  await page.getByRole("navigation", { name: "Project files" }).getByText("alembic.ini").waitFor();
}

test("a reload restores files, database, scrollback, history and cwd", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await doWork(page);
  const started = Date.now();
  const { kb, ms } = await saved(page);
  console.log(`# autosave: ${kb} KB in ${ms} ms, reported ${Date.now() - started} ms after the last command`);
  await page.reload();
  await openPlayground(page, site.server.url);
  await expectWork(page);
  // History: ↑ brings back the commands typed before the reload (after the two just run).
  const input = page.getByRole("textbox", { name: "Terminal input" });
  for (let i = 0; i < 3; i++) await input.press("ArrowUp");
  assert.equal(await input.inputValue(), "cd alembic");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the page saves when it is hidden, without waiting for the timer", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await saved(page).catch(() => {});
  await runLine(page, "echo hidden-save");
  // Fire the page-hide path at once (well before the 400 ms debounce).
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await page.locator(".ws-status.saved").waitFor();
  await page.reload();
  await openPlayground(page, site.server.url);
  assert.match(await page.getByRole("log", { name: "Terminal output" }).innerText(), /hidden-save/);
  await context.close();
});

test("a reload at once after a change keeps it, five times in a row", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await runLine(page, "echo start");
  for (let i = 0; i < 5; i++) {
    // No wait for the save: the page-hide save and its synchronous copy must carry it.
    await runLine(page, `echo quick-${i}`);
    await page.reload();
    await openPlayground(page, site.server.url);
    assert.match(await page.getByRole("log", { name: "Terminal output" }).innerText(), new RegExp(`quick-${i}`));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("with storage refused (as in some private modes), the tab keeps working, says so, and offers export", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException("The user denied permission to access the database.", "SecurityError");
    };
    Object.defineProperty(window, "indexedDB", { value: { open: refuse } });
  });
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  const alert = page.getByRole("alert").filter({ hasText: "Your work cannot be saved in this browser" });
  await alert.waitFor();
  assert.match(await alert.textContent(), /SecurityError.*Nothing in this tab is lost: export it as a \.zip to keep it\./);
  // The work goes on in the tab, and the export it offers works.
  await runLine(page, "alembic current");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Export now" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "fastapi_template.zip");
  const text = (await readFile(await download.path())).toString("latin1");
  assert.ok(text.includes("fastapi_template/alembic.ini"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a share link opened in a fresh profile reproduces files, database and history", async () => {
  const a = await newPage(site.browser);
  await openPlayground(a.page, site.server.url);
  await doWork(a.page);
  await a.page.getByRole("button", { name: "Share" }).click();
  const url = await a.page.getByRole("textbox", { name: "Share link" }).inputValue();
  assert.match(url, /#ws1\.[A-Za-z0-9_-]+$/);
  console.log(`# share link for this workspace: ${url.length - url.indexOf("#")} characters of fragment`);
  await a.context.close();

  const b = await newPage(site.browser);
  await openPlayground(b.page, url);
  await b.page.getByText("Opened the shared workspace as a new workspace").waitFor();
  await expectWork(b.page);
  // The fragment is dropped once opened, so a reload restores the saved copy instead of
  // opening the link again.
  assert.equal(new URL(b.page.url()).hash, "");
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test("a hostile or broken link is refused with a message and changes nothing", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await doWork(page);
  await saved(page);
  const bad = [
    "#ws1.%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "#ws1.AAAAAAAAAAAAAAAA",
    "#ws9.AAAA",
    "#ws1.",
  ];
  for (const fragment of bad) {
    // Changing only the fragment reloads the page (the app listens for it), as a pasted link would.
    await Promise.all([page.waitForEvent("load"), page.goto(site.server.url + fragment)]);
    await page.getByRole("textbox", { name: "Terminal input" }).waitFor();
    const alert = page.getByRole("alert").filter({ hasText: "could not be opened" });
    await alert.waitFor();
    assert.match(await alert.textContent(), /Nothing was changed/);
    assert.equal(await page.locator("img").count(), 0, "nothing injected");
    await expectWork(page);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("Export .zip downloads the project with Alembic pinned", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await doWork(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export .zip" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "fastapi_template.zip");
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  const text = bytes.toString("latin1");
  for (const name of ["fastapi_template/alembic.ini", "fastapi_template/alembic/env.py", "fastapi_template/app.db", "fastapi_template/requirements.txt"]) {
    assert.ok(text.includes(name), `zip has ${name}`);
  }
  await context.close();
});

test("the chapter's work, exported from the page, is rebuilt by real Alembic from PyPI", { timeout: 600_000 }, async () => {
  const { execFile } = await import("node:child_process");
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await setUpAlembic(page);
  await runLine(page, `alembic revision --autogenerate -m "create user and item"`);
  await runLine(page, "alembic upgrade head");
  await runLine(page, "alembic current");
  assert.match(await page.getByRole("log", { name: "Terminal output" }).innerText(), /\(head\)/);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export .zip" }).click(),
  ]);
  const zip = await download.path();
  const started = Date.now();
  const result = await new Promise((ok) =>
    execFile("bash", ["tools/export_check.sh", zip], { maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      ok({ code: error?.code ?? 0, stdout, stderr }),
    ),
  );
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /export check: real alembic 1\.20\.1 rebuilt the playground's schema/);
  console.log(`# ${result.stdout.trim().split("\n").pop()} (${Date.now() - started} ms)`);
  assert.deepEqual(errors, []);
  await context.close();
});
