// End-to-end: the code editor (CodeMirror 6) and the file tree, driven with the keyboard and
// the mouse as a learner would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { editorText, newPage, openPlayground, runLine, setEditorText, usePlayground } from "./harness.mjs";

const site = usePlayground();

const desktop = { viewport: { width: 1440, height: 900 } };

/** Whether the keyboard focus is in this editor's text. */
const focused = (editor) => editor.evaluate((el) => el.getRootNode().activeElement === el);

test("typing in the editor writes through to the workspace, marks the file changed, and undo works", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await page.getByRole("button", { name: "alembic.ini" }).click();
  const ini = page.getByRole("textbox", { name: "Editor: alembic.ini" });
  await ini.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n# typed by a learner");
  // The tab and the tree mark the file as changed since the last command.
  const tab = page.getByRole("tab", { name: "alembic.ini" });
  await page.locator('.tab[aria-description="changed since the last command"]', { hasText: "alembic.ini" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "alembic.ini" }).getAttribute("aria-description"), "changed since the last command");
  let log = await runLine(page, "cat alembic.ini");
  assert.match(await log.locator(".stdout").last().textContent(), /\n# typed by a learner$/);
  // Running a command makes the current files the new baseline.
  assert.equal(await tab.getAttribute("aria-description"), null);
  await ini.click();
  await page.keyboard.press("ControlOrMeta+z");
  await page.waitForFunction(() => true);
  assert.doesNotMatch(await editorText(ini), /typed by a learner/);
  log = await runLine(page, "cat alembic.ini");
  assert.doesNotMatch(await log.locator(".stdout").last().textContent(), /typed by a learner/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a syntax error in models.py is underlined where CPython puts the caret, with its message on hover", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  await openPlayground(page, site.server.url);
  // A broken file and what CPython 3.11 printed for it (recorded by tools/pyast/record.py).
  const source = await readFile("tests/python/err/dict_colon_expected_after_key.py", "utf8");
  const printed = (await readFile("tests/python/err/dict_colon_expected_after_key.err", "utf8")).trimEnd().split("\n");
  const message = printed.at(-1);
  const caretLine = printed.at(-2);
  const shownLine = printed.at(-3);
  const underlined = shownLine.slice(caretLine.indexOf("^"), caretLine.lastIndexOf("^") + 1);

  await page.getByRole("button", { name: "models.py" }).click();
  const models = page.getByRole("textbox", { name: "Editor: app/db/models.py" });
  await setEditorText(models, source);
  const squiggle = models.locator(".cm-lintRange-error");
  await squiggle.waitFor();
  assert.equal(await squiggle.textContent(), underlined);
  await squiggle.hover();
  const tooltip = page.locator(".cm-tooltip-lint");
  await tooltip.waitFor();
  assert.equal(await tooltip.innerText(), message);
  // It follows typing: fix the key's colon and the squiggle goes away.
  await setEditorText(models, source.replace('"uq" "uq_', '"uq": "uq_'));
  await squiggle.waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("Tab and Shift-Tab indent; Escape then Tab moves the focus on", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  await openPlayground(page, site.server.url);
  await page.getByRole("button", { name: "config.py" }).click();
  const editor = page.getByRole("textbox", { name: "Editor: app/core/config.py" });
  await setEditorText(editor, "x = 1\n");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Tab");
  assert.equal(await editorText(editor), "    x = 1\n");
  assert.ok(await focused(editor), "Tab stays in the editor");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await editorText(editor), "x = 1\n");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  assert.equal(await editorText(editor), "x = 1\n", "Escape-Tab does not indent");
  assert.equal(await focused(editor), false, "Escape then Tab leaves the editor");
  assert.deepEqual(errors, []);
  await context.close();
});

test("line numbers, search, bracket matching and highlighting for Python, INI, Mako and SQL", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  await openPlayground(page, site.server.url);
  await page.getByRole("button", { name: "models.py" }).click();
  const models = page.getByRole("textbox", { name: "Editor: app/db/models.py" });
  const host = page.locator(".code-host");
  assert.equal(await host.locator(".cm-lineNumbers .cm-gutterElement", { hasText: /^1$/ }).count(), 1);
  // Highlighted tokens are spans with a class inside each line.
  const highlighted = () => models.locator(".cm-line span[class]").count();
  assert.ok((await highlighted()) > 5, "Python is highlighted");
  // Search.
  await models.click();
  await page.keyboard.press("ControlOrMeta+f");
  const find = host.getByRole("textbox", { name: "Find" });
  await find.waitFor();
  await find.fill("mapped_column");
  await page.keyboard.press("Enter");
  await host.locator(".cm-searchMatch").first().waitFor();
  await page.keyboard.press("Escape");
  // Bracket matching: the cursor after "(" marks it and its partner.
  await setEditorText(models, "print((1, 2))\n");
  await models.click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await models.locator(".cm-matchingBracket").count(), 2);

  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await page.getByRole("button", { name: "alembic.ini" }).click();
  const ini = page.getByRole("textbox", { name: "Editor: alembic.ini" });
  await ini.locator(".cm-line span[class]", { hasText: "[alembic]" }).first().waitFor();
  await page.getByRole("button", { name: "script.py.mako" }).click();
  const mako = page.getByRole("textbox", { name: "Editor: alembic/script.py.mako" });
  await mako.locator(".cm-line span[class]", { hasText: "${message}" }).first().waitFor();

  await page.getByRole("button", { name: "New file", exact: true }).click();
  await page.getByRole("textbox", { name: /^New file in / }).fill("query.sql");
  await page.keyboard.press("Enter");
  const sql = page.getByRole("textbox", { name: "Editor: alembic/query.sql" });
  await sql.click();
  await page.keyboard.type("SELECT name FROM sqlite_master;");
  await sql.locator(".cm-line span[class]", { hasText: "SELECT" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the file tree creates, renames and deletes files and folders, and the editor follows", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  await openPlayground(page, site.server.url);
  const tree = page.getByRole("navigation", { name: "Project files" });
  // The toolbar acts on the open file's folder (app/db/ at the start).
  await tree.getByRole("button", { name: "New file", exact: true }).click();
  const name = tree.getByRole("textbox", { name: "New file in app/db/" });
  await name.fill("models.py");
  await page.keyboard.press("Enter");
  await tree.getByRole("alert").filter({ hasText: "app/db/models.py already exists." }).waitFor();
  await name.fill("seed.py");
  await page.keyboard.press("Enter");
  const seed = page.getByRole("textbox", { name: "Editor: app/db/seed.py" });
  await seed.waitFor();
  await seed.click();
  await page.keyboard.type("ROWS = 3");
  assert.equal(await page.getByRole("tablist", { name: "Open files" }).getByRole("tab").count(), 2);

  // Rename with F2 from the keyboard; the open file and its tab follow.
  await tree.getByRole("button", { name: "seed.py" }).focus();
  await page.keyboard.press("F2");
  const rename = tree.getByRole("textbox", { name: "Rename app/db/seed.py to" });
  assert.equal(await rename.inputValue(), "seed.py");
  await rename.fill("seeds.py");
  await page.keyboard.press("Enter");
  const seeds = page.getByRole("textbox", { name: "Editor: app/db/seeds.py" });
  assert.equal(await editorText(seeds), "ROWS = 3");
  assert.equal(await tree.getByRole("button", { name: "seed.py", exact: true }).count(), 0);
  let log = await runLine(page, 'python -c "from app.db.seeds import ROWS; print(ROWS)"');
  assert.equal(await log.locator(".stdout").last().textContent(), "3\n");

  // Rename a folder: pick it, then the toolbar's Rename.
  await tree.getByRole("button", { name: "db/", exact: true }).click();
  await tree.getByRole("button", { name: "Rename", exact: true }).click();
  await tree.getByRole("textbox", { name: "Rename app/db to" }).fill("database");
  await page.keyboard.press("Enter");
  await page.getByRole("textbox", { name: "Editor: app/database/seeds.py" }).waitFor();
  await page.getByRole("tab", { name: "models.py" }).click();
  await page.getByRole("textbox", { name: "Editor: app/database/models.py" }).waitFor();

  // A new folder, then a file in it.
  await tree.getByRole("button", { name: "fastapi_template/", exact: true }).click();
  await tree.getByRole("button", { name: "New folder", exact: true }).click();
  await tree.getByRole("textbox", { name: "New folder in fastapi_template/" }).fill("scripts");
  await page.keyboard.press("Enter");
  await tree.getByRole("button", { name: "scripts/", exact: true }).click();
  await tree.getByRole("button", { name: "New file", exact: true }).click();
  await tree.getByRole("textbox", { name: "New file in scripts/" }).fill("notes.txt");
  await page.keyboard.press("Enter");
  await page.getByRole("textbox", { name: "Editor: scripts/notes.txt" }).waitFor();

  // Delete asks first; Cancel keeps the file, "Yes, delete" removes it and closes its tab.
  await tree.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = tree.getByRole("alertdialog", { name: "Confirm delete" });
  assert.match(await dialog.innerText(), /Delete scripts\/notes\.txt\?/);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await tree.getByRole("button", { name: "notes.txt" }).waitFor();
  await tree.getByRole("button", { name: "notes.txt" }).focus();
  await page.keyboard.press("Delete");
  await dialog.getByRole("button", { name: "Yes, delete" }).click();
  await tree.getByRole("button", { name: "notes.txt" }).waitFor({ state: "detached" });
  assert.equal(await page.getByRole("tab", { name: "notes.txt" }).count(), 0);
  log = await runLine(page, "cat scripts/notes.txt");
  assert.match(await log.locator(".stderr").last().textContent(), /No such file or directory/);

  // Tabs close with their Close button; the neighbour shows.
  const tabs = page.getByRole("tablist", { name: "Open files" });
  const before = await tabs.getByRole("tab").count();
  await page.getByRole("tab", { name: "seeds.py" }).click();
  await page.locator(".tab-item.selected").getByRole("button", { name: "Close" }).click();
  assert.equal(await tabs.getByRole("tab").count(), before - 1);
  assert.equal(await page.getByRole("tab", { name: "seeds.py" }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
