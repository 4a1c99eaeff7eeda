// End-to-end: several workspaces (issue 9): switching, new tutorial and blank workspaces,
// rename, reset and delete with confirmations, tutorial progress travelling with a workspace
// and its share link, opening a database file or a dropped .zip, and two tabs on one
// workspace never overwriting each other.
import { test } from "node:test";
import assert from "node:assert/strict";
import { editInEditor, newPage, openPlayground, runLine, setUpAlembic, usePlayground } from "./harness.mjs";

const site = usePlayground();

const termText = (page) => page.getByRole("log", { name: "Terminal output" }).innerText();

async function openList(page) {
  const bar = page.getByRole("group", { name: "Workspace" });
  const panel = page.getByRole("dialog", { name: "Workspaces" });
  if (!(await panel.isVisible())) await bar.getByRole("button", { name: /^Workspace:/ }).click();
  await panel.getByRole("list", { name: "Saved workspaces" }).waitFor();
  return panel;
}

test("switching between workspaces keeps each one's files, database and terminal", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await page.locator(".ws-status.saved").waitFor();

  // A blank workspace: an empty folder, the tutorial's work kept aside.
  let panel = await openList(page);
  await panel.getByRole("button", { name: "New blank workspace" }).click();
  await page.getByText("A new blank workspace; your other work is kept.").waitFor();
  assert.equal(await page.getByRole("button", { name: /^Workspace: Blank$/ }).count(), 1);
  await runLine(page, "ls");
  assert.doesNotMatch(await termText(page), /alembic\.ini/);
  await runLine(page, `sqlite3 blank.db "CREATE TABLE only_here(x)"`);
  await page.locator(".ws-status.saved").waitFor();

  // Rename it.
  panel = await openList(page);
  await panel.getByRole("button", { name: "Rename" }).click();
  await panel.getByRole("textbox", { name: "Workspace name" }).fill("Scratch");
  await panel.getByRole("button", { name: "Save name" }).click();
  await page.getByText("Renamed to “Scratch”.").waitFor();

  // Back to the tutorial workspace: its terminal, files and history come back.
  panel = await openList(page);
  const rows = panel.getByRole("listitem");
  assert.equal(await rows.count(), 2);
  await panel.getByRole("button", { name: "Open Tutorial" }).click();
  await page.getByText("Switched to “Tutorial”").waitFor();
  assert.match(await termText(page), /\$ alembic init alembic/);
  await page.getByRole("navigation", { name: "Project files" }).getByText("alembic.ini").waitFor();

  // And to the renamed blank one again, which kept its database.
  panel = await openList(page);
  await panel.getByRole("button", { name: "Open Scratch" }).click();
  await page.getByText("Switched to “Scratch”").waitFor();
  await runLine(page, `sqlite3 blank.db ".tables"`);
  assert.match(await termText(page), /only_here/);

  // A reload of this tab comes back to the workspace this tab shows.
  await page.reload();
  await openPlayground(page, site.server.url);
  assert.equal(await page.getByRole("button", { name: /^Workspace: Scratch$/ }).count(), 1);

  // Reset asks first; Cancel changes nothing, Yes goes back to an empty folder.
  panel = await openList(page);
  await panel.getByRole("button", { name: "Reset…" }).click();
  await panel.getByRole("alertdialog", { name: "Confirm reset" }).getByRole("button", { name: "Cancel" }).click();
  await runLine(page, "ls");
  assert.match(await termText(page), /blank\.db/);
  await panel.getByRole("button", { name: "Reset…" }).click();
  await panel.getByRole("button", { name: "Yes, reset" }).click();
  await page.getByText("Scratch is back at its start.").waitFor();
  await runLine(page, "ls");
  const after = await termText(page);
  assert.doesNotMatch(after.slice(after.lastIndexOf("$ ls")), /blank\.db/);

  // Delete the tutorial workspace (never the one shown), after a confirmation.
  panel = await openList(page);
  await panel.getByRole("button", { name: "Delete Tutorial" }).click();
  await panel.getByRole("button", { name: "Yes, delete" }).click();
  await panel.getByRole("button", { name: "Open Tutorial" }).waitFor({ state: "detached" });
  assert.equal(await panel.getByRole("listitem").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("tutorial progress belongs to the workspace and travels in its share link", async () => {
  const completed = async (page) =>
    Number(await page.locator("progress.guide-progress").getAttribute("value"));
  const a = await newPage(site.browser);
  await openPlayground(a.page, site.server.url);
  const guide = a.page.getByRole("complementary", { name: "Guide, database and history" });
  // The first step is a reading step; the second is the install.
  await guide.getByRole("button", { name: /I've read this|읽었습니다/ }).click();
  await guide.getByRole("button", { name: /Next →|다음 →/ }).click();
  await runLine(a.page, "pip install alembic");
  await a.page.locator(".ws-status.saved").waitFor();
  assert.equal(await completed(a.page), 1);
  await a.page.getByRole("button", { name: "Share" }).click();
  const url = await a.page.getByRole("textbox", { name: "Share link" }).inputValue();

  // A new tutorial workspace starts the guide from the beginning; switching back restores it.
  let panel = await openList(a.page);
  await panel.getByRole("button", { name: "New tutorial workspace" }).click();
  await a.page.getByText("A new tutorial workspace").waitFor();
  assert.equal(await completed(a.page), 0);
  await a.page.locator(".ws-status.saved").waitFor();
  panel = await openList(a.page);
  await panel.getByRole("button", { name: "Open Tutorial" }).first().click();
  await a.page.getByText("Switched to “Tutorial”").waitFor();
  assert.equal(await completed(a.page), 1);
  await a.context.close();

  // The link carries it to a fresh browser profile.
  const b = await newPage(site.browser);
  await openPlayground(b.page, url);
  await b.page.getByText("Opened the shared workspace as a new workspace").waitFor();
  assert.equal(await completed(b.page), 1);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test("a SQLite file picked or dropped opens as app.db of a new workspace", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  // A real SQLite file: made in the page's terminal and downloaded with the header's button.
  await runLine(page, `sqlite3 app.db "CREATE TABLE theirs(y); INSERT INTO theirs VALUES ('hello');"`);
  await page.locator(".ws-status.saved").waitFor();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download database" }).click();
  const file = await (await download).path();
  await runLine(page, `sqlite3 app.db "DROP TABLE theirs; CREATE TABLE mine(x);"`);

  await page.getByLabel("Open a .zip, database or exercise file").setInputFiles(file);
  await page.getByText(/Opened .* as a new workspace; your other work is kept\./).waitFor();
  await runLine(page, `sqlite3 app.db "SELECT y FROM theirs"`);
  assert.match(await termText(page), /hello/);
  // The workspace it was opened over is untouched.
  const panel = await openList(page);
  await panel.getByRole("button", { name: "Open Tutorial" }).click();
  await page.getByText("Switched to “Tutorial”").waitFor();
  await runLine(page, `sqlite3 app.db ".tables"`);
  const text = await termText(page);
  assert.match(text.slice(text.lastIndexOf("$ sqlite3")), /mine/);

  // A dropped .zip (the export of this workspace) opens as a new workspace too.
  const exported = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export .zip" }).click();
  const zip = await (await exported).path();
  const { readFile } = await import("node:fs/promises");
  const zipBytes = [...(await readFile(zip))];
  const drop = (name, bytes, type) =>
    page.evaluate(
      ([name, bytes, type]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
        window.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, cancelable: true }));
        window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, cancelable: true }));
      },
      [name, bytes, type],
    );
  await drop("fastapi_template.zip", zipBytes, "application/zip");
  await page.getByText("Opened fastapi_template.zip as a new workspace; your other work is kept.").waitFor();
  assert.equal(await page.getByRole("button", { name: /^Workspace: Imported fastapi_template\.zip$/ }).count(), 1);

  // A file that is neither is refused and changes nothing.
  await drop("notes.txt", [...Buffer.from("not a zip")], "text/plain");
  const alert = page.getByRole("alert").filter({ hasText: "notes.txt could not be opened" });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Nothing was changed/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Tab A with some saved work, and tab B opened after it in the same browser, which opens
 * the same workspace (the last one saved). */
async function twoTabsOnOneWorkspace() {
  const { page: a, context, errors } = await newPage(site.browser);
  await openPlayground(a, site.server.url);
  await runLine(a, "echo first");
  await a.locator(".ws-status.saved").waitFor();
  const b = await context.newPage();
  await openPlayground(b, site.server.url);
  assert.match(await termText(b), /first/);
  return { a, b, context, errors };
}

test("two tabs on one workspace never overwrite each other", async () => {
  const { a, b, context, errors } = await twoTabsOnOneWorkspace();

  // A change in tab A, with nothing unsaved in B: B shows it.
  await runLine(a, "echo from-a");
  await b.getByText("Updated with what another tab saved in this workspace.").waitFor();
  assert.match(await termText(b), /from-a/);

  // Both change it before either saves: B's save lands first (its timer started first), and
  // A, which has unsaved work, is told instead of overwriting B's.
  await runLine(b, "echo only-in-b");
  await runLine(a, "echo only-in-a");
  const conflict = a.getByRole("alert").filter({ hasText: "Another tab saved this workspace" });
  await conflict.waitFor({ timeout: 5000 });
  assert.match(await termText(a), /only-in-a/);
  assert.match(await termText(b), /only-in-b/);
  assert.doesNotMatch(await termText(b), /only-in-a/);

  // A keeps its version as a new workspace; both are in the list, each as its tab left it.
  await a.getByRole("button", { name: "Keep this tab's as a new workspace" }).click();
  await a.getByText(/now its own workspace/).waitFor();
  await a.locator(".ws-status.saved").waitFor();
  assert.equal(await a.getByRole("button", { name: /^Workspace: Tutorial \(copy\)$/ }).count(), 1);
  const panel = await openList(a);
  assert.equal(await panel.getByRole("listitem").count(), 2);
  await panel.getByRole("button", { name: /^Open Tutorial$/ }).click();
  await a.getByText("Switched to “Tutorial”").waitFor();
  assert.match(await termText(a), /only-in-b/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the presenter view shows the workspace's link as a QR code, and the link opens it", async () => {
  const { page, context, errors } = await newPage(site.browser, { viewport: { width: 1280, height: 800 } });
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await page.getByRole("button", { name: "Present" }).click();
  const dialog = page.getByRole("dialog", { name: "Presenter view" });
  await dialog.waitFor();
  const qr = dialog.getByRole("img", { name: /QR code of the share link/ });
  const size = Number((await qr.getAttribute("viewBox")).split(" ")[2]);
  assert.ok(size >= 21 + 8, `a symbol with its quiet zone (${size} modules)`);
  assert.ok((await qr.locator("path").getAttribute("d")).length > 100);
  const box = await qr.boundingBox();
  assert.ok(box.width >= 500, `large enough for a projector (${box.width} px)`);
  const url = await dialog.locator(".presenter-link").innerText();
  assert.match(url, /#ws1\./);
  await page.screenshot({ path: "target/e2e-presenter.png" }).catch(() => {});
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });

  // The same link, on another laptop.
  const b = await newPage(site.browser);
  await openPlayground(b.page, url);
  await b.page.getByText("Opened the shared workspace as a new workspace").waitFor();
  await b.page.getByRole("navigation", { name: "Project files" }).getByText("alembic.ini").waitFor();
  await b.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("embed mode: regions left out, read-only files, its own workspace, and a way out", async () => {
  // The link an instructor would put in the iframe: a workspace with Alembic initialised.
  const a = await newPage(site.browser);
  await openPlayground(a.page, site.server.url);
  await runLine(a.page, "pip install alembic");
  await runLine(a.page, "alembic init alembic");
  await a.page.getByRole("button", { name: "Share" }).click();
  const fragment = new URL(await a.page.getByRole("textbox", { name: "Share link" }).inputValue()).hash;
  await a.page.locator(".ws-status.saved").waitFor();

  const embedUrl = `${site.server.url}?embed=1&hide=files,panels&readonly=1${fragment}`;
  const page = await a.context.newPage();
  await openPlayground(page, embedUrl);
  const bar = page.getByRole("group", { name: "Workspace" });
  await bar.getByRole("button", { name: "Open in the playground ↗" }).waitFor();
  assert.equal(await bar.getByRole("button", { name: /^Workspace:/ }).count(), 0);
  assert.equal(await page.getByRole("navigation", { name: "Project files" }).isVisible(), false);
  assert.equal(await page.getByRole("complementary", { name: "Guide, database and history" }).isVisible(), false);

  // The editor shows the file but does not change it.
  const editor = page.getByRole("textbox", { name: /^Editor: / });
  const before = await editor.innerText();
  await editor.click();
  await page.keyboard.type("XYZ");
  assert.equal(await editor.innerText(), before);

  // The terminal works, and the work stays in this embed across a reload.
  await runLine(page, "alembic current");
  await runLine(page, "echo embedded-work");
  await page.waitForTimeout(700);
  await page.reload();
  await openPlayground(page, embedUrl);
  assert.match(await page.getByRole("log", { name: "Terminal output" }).innerText(), /embedded-work/);

  // The learner's own workspace in this browser was not touched.
  const own = await a.context.newPage();
  await openPlayground(own, site.server.url);
  assert.doesNotMatch(await own.getByRole("log", { name: "Terminal output" }).innerText(), /embedded-work/);
  assert.equal(await own.getByRole("button", { name: "Workspace: Tutorial" }).count(), 1);

  // "Open in the playground" carries the embed's work to a full page.
  const [popup] = await Promise.all([
    page.waitForEvent("popup"),
    bar.getByRole("button", { name: "Open in the playground ↗" }).click(),
  ]);
  await popup.getByRole("textbox", { name: "Terminal input" }).waitFor();
  await popup.getByText("Opened the shared workspace as a new workspace").waitFor();
  assert.match(await popup.getByRole("log", { name: "Terminal output" }).innerText(), /embedded-work/);
  assert.equal(new URL(popup.url()).search, "");
  assert.deepEqual(a.errors, []);
  await a.context.close();
});

test("a workshop exercise opens from a file, checks its goals live and keeps them across a reload", async () => {
  const { page, context, errors } = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await openPlayground(page, site.server.url);
  await page
    .getByLabel("Open a .zip, database or exercise file")
    .setInputFiles("examples/exercises/tags.md");
  await page.getByText("Opened tags.md as a new workspace; your other work is kept.").waitFor();
  assert.equal(await page.getByRole("button", { name: "Workspace: Migrations for a new model" }).count(), 1);
  const ex = page.getByRole("region", { name: "Exercise" });
  await ex.getByRole("heading", { name: "Migrations for a new model" }).waitFor();
  const goals = ex.getByRole("list", { name: "Goals" }).getByRole("listitem");
  assert.equal(await goals.count(), 8);
  const met = async () => ex.locator(".exercise-goals li[data-met='true']").count();
  assert.equal(await met(), 1);

  // Hints open one at a time.
  await ex.getByRole("button", { name: "Show a hint (1 / 3)" }).click();
  assert.equal(await ex.getByRole("list", { name: "Hints" }).getByRole("listitem").count(), 1);

  // The work, as a learner does it: the terminal, and the editor for the two files.
  await setUpAlembic(page, "User, Item, Tag");
  await runLine(page, `alembic revision --autogenerate -m "create tables"`);
  await runLine(page, "alembic upgrade head");
  await ex.getByRole("status").filter({ hasText: "Every goal is met" }).waitFor();
  assert.equal(await met(), 8);

  // A reload keeps the exercise, the hint opened and the commands that count.
  await page.waitForTimeout(700);
  await page.reload();
  await openPlayground(page, site.server.url);
  await ex.getByRole("status").filter({ hasText: "Every goal is met" }).waitFor();
  assert.equal(await ex.getByRole("list", { name: "Hints" }).getByRole("listitem").count(), 1);

  // An instructor's mistake in the file is shown with its line, not a crash.
  await editInEditor(page, "EXERCISE.md", "- table `user` exists", "- tabel `user` exists");
  const problems = ex.getByRole("alert");
  await problems.waitFor();
  assert.match(await problems.innerText(), /line 20: tabel user exists is not a goal\. Goals: file PATH exists/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("embed mode on a phone: only the regions left in get tabs", async () => {
  const { page, context, errors } = await newPage(site.browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await openPlayground(page, `${site.server.url}?embed=1&hide=files,panels`);
  const tabs = page.getByRole("tablist", { name: /Regions|영역/ });
  const names = await tabs.getByRole("tab").allInnerTexts();
  assert.deepEqual(names, ["Editor", "Terminal"]);
  await runLine(page, "echo phone-embed");
  assert.match(await page.getByRole("log", { name: "Terminal output" }).innerText(), /phone-embed/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a conflict, the way out stays on screen, and leaving keeps this tab's work as a copy", async () => {
  const { a, b, context, errors } = await twoTabsOnOneWorkspace();
  await runLine(b, "echo only-in-b");
  await runLine(a, "echo only-in-a");
  await a.getByRole("alert").filter({ hasText: "Another tab saved this workspace" }).waitFor({ timeout: 5000 });
  // Another message (a copied link) does not take the choice away.
  await a.getByRole("button", { name: "Share" }).click();
  await a.getByRole("button", { name: "Copy" }).click();
  await a.getByText(/Link copied\.|Select the link and copy it\./).waitFor();
  await a.getByRole("button", { name: "Keep this tab's as a new workspace" }).waitFor();
  // Starting a new workspace instead of choosing keeps this tab's work as a copy first.
  const panel = await openList(a);
  await panel.getByRole("button", { name: "New blank workspace" }).click();
  await a.getByText("A new blank workspace").waitFor();
  await a.locator(".ws-status.saved").waitFor();
  const list = await openList(a);
  const names = await list.locator(".ws-name").allInnerTexts();
  assert.deepEqual([...names].sort(), ["Blank", "Tutorial", "Tutorial (copy)"]);
  await list.getByRole("button", { name: "Open Tutorial (copy)" }).click();
  await a.getByText("Switched to “Tutorial (copy)”").waitFor();
  assert.match(await termText(a), /only-in-a/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an embed whose saved work this version cannot read keeps it aside and starts again", async () => {
  const { page, context, errors } = await newPage(site.browser);
  const url = `${site.server.url}?embed=1`;
  await openPlayground(page, url);
  await runLine(page, "echo embedded");
  await page.locator(".ws-status.saved").waitFor();
  // Damage the stored bytes, as a save from a newer version would look to this one.
  const key = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open("alembic-playground"); r.onsuccess = () => ok(r.result); });
    const store = db.transaction("workspaces", "readwrite").objectStore("workspaces");
    const keys = await new Promise((ok) => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); });
    const key = keys.find((k) => k.startsWith("embed-"));
    const record = await new Promise((ok) => { const r = store.get(key); r.onsuccess = () => ok(r.result); });
    await new Promise((ok) => { const r = store.put({ ...record, bytes: new Uint8Array([1, 2, 3, 4]) }, key); r.onsuccess = ok; });
    return key;
  });
  await page.reload();
  await openPlayground(page, url);
  await page.getByText(/This embed's saved work could not be read .*kept aside/).waitFor();
  await runLine(page, "echo again");
  await page.locator(".ws-status.saved").waitFor();
  const records = await page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open("alembic-playground"); r.onsuccess = () => ok(r.result); });
    const store = db.transaction("workspaces").objectStore("workspaces");
    const keys = await new Promise((ok) => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); });
    const values = await new Promise((ok) => { const r = store.getAll(); r.onsuccess = () => ok(r.result); });
    return keys.map((k, i) => [k, values[i].name, values[i].bytes.length]);
  });
  // The damaged save is still there under another id; the embed saves afresh under its own.
  assert.ok(records.some(([k, name, n]) => k !== key && name === "Embedded (unreadable)" && n === 4), JSON.stringify(records));
  assert.ok(records.some(([k, , n]) => k === key && n > 4), JSON.stringify(records));
  assert.deepEqual(errors, []);
  await context.close();
});
