// Crash safety: a panic in the page shows a calm message with a reload button, and reloading
// restores everything the learner had done (files, database, terminal).
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, openPlayground, runLine, usePlayground } from "./harness.mjs";

const site = usePlayground();

test("a forced panic shows a calm message, and reloading loses nothing", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await runLine(page, `sqlite3 app.db "CREATE TABLE kept (id INTEGER); INSERT INTO kept VALUES (42)"`);
  // Autosave writes within a second of the last change.
  await page.waitForTimeout(1500);
  const input = page.getByRole("textbox", { name: "Terminal input" });
  await input.fill("alembic-playground crash-test");
  await input.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Something went wrong. Your work is saved." });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /crash test requested from the terminal/);
  await dialog.getByRole("button", { name: "Reload" }).click();
  await openPlayground(page, site.server.url.replace(/\/$/, "") + "/");
  const log = await runLine(page, `sqlite3 app.db "SELECT id FROM kept"`);
  await log.locator(".stdout", { hasText: "42" }).waitFor();
  assert.match(await log.innerText(), /\$ alembic init alembic/, "the scrollback came back");
  await page.getByRole("button", { name: "alembic.ini" }).waitFor();
  await context.close();
});
