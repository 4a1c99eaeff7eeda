// The terminal beyond single commands: Tab completion (commands, subcommands, flags, files,
// revision ids), Ctrl-C, the interactive sqlite3 session, and the reversibility check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, openPlayground, runLine, usePlayground } from "./harness.mjs";

const site = usePlayground();

test("Tab completes commands, subcommands, flags, files and revision ids; Ctrl-C abandons a line", async () => {
  const { page, context, errors } = await newPage(site.browser);
  const input = await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  const tab = async (typed) => {
    await input.fill(typed);
    await input.press("Tab");
    return input.inputValue();
  };
  assert.equal(await tab("alembic i"), "alembic init ");
  await runLine(page, "alembic init alembic");
  assert.equal(await tab("alembic revision --auto"), "alembic revision --autogenerate ");
  assert.equal(await tab("cat alembic.i"), "cat alembic.ini ");
  assert.equal(await tab("cat app/d"), "cat app/db/");
  await runLine(page, 'alembic revision -m "first" --rev-id 1a2b3c4d5e6f');
  assert.equal(await tab("alembic upgrade 1a"), "alembic upgrade 1a2b3c4d5e6f ");
  // Several candidates and nothing in common to add: they are listed, and the line stays.
  assert.equal(await tab("alembic h"), "alembic h");
  const log = page.getByRole("log", { name: "Terminal output" });
  await log.locator(".stdout", { hasText: "heads  history" }).waitFor();
  // Tab on an empty line moves focus on instead of trapping it.
  await input.fill("");
  await input.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "");
  // Ctrl-C drops the line and shows ^C.
  await input.fill("alembic downgrade base");
  await input.press("Control+c");
  assert.equal(await input.inputValue(), "");
  await log.locator(".term-cmd", { hasText: "alembic downgrade base^C" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("sqlite3 app.db opens an interactive session with its own prompt", async () => {
  const { page, context, errors } = await newPage(site.browser);
  const input = await openPlayground(page, site.server.url);
  let log = await runLine(page, "sqlite3 app.db");
  await log.locator(".stdout", { hasText: "SQLite version 3.41.2" }).waitFor();
  const prompt = page.locator(".term-input-row .prompt");
  assert.equal(await prompt.innerText(), "sqlite>");
  await runLine(page, "CREATE TABLE t (x INTEGER,");
  assert.equal(await prompt.innerText(), "...>");
  await runLine(page, "y TEXT);");
  await runLine(page, "INSERT INTO t VALUES (1, 'one');");
  log = await runLine(page, "SELECT * FROM t;");
  await log.locator(".stdout", { hasText: "1|one" }).waitFor();
  await runLine(page, ".tables");
  await runLine(page, ".quit");
  assert.match(await prompt.innerText(), /learner@playground/);
  await input.waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the history panel's reversibility check reports, and a data-dropping downgrade warns first", async () => {
  const { page, context, errors } = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  // The guide's "show me" makes the chapter's two edits (the URL and target_metadata).
  const panels = page.getByRole("complementary", { name: "Guide, database and history" });
  await panels.getByRole("button", { name: "English" }).click();
  await panels.locator("summary", { hasText: "All steps" }).click();
  await panels.getByRole("button", { name: "Setting the database URL" }).click();
  await panels.getByRole("button", { name: "Show me" }).click();
  await panels.getByRole("button", { name: "Configuring the environment" }).click();
  await panels.getByRole("button", { name: "Show me" }).click();
  await runLine(page, 'alembic revision --autogenerate -m "create tables" --rev-id 1a2b3c4d5e6f');
  await runLine(page, "alembic upgrade head");
  await runLine(page, `sqlite3 app.db "INSERT INTO user (email, is_active) VALUES ('ada@example.com', 1)"`);
  await panels.getByRole("tab", { name: "History" }).click();
  await panels.getByRole("button", { name: "Check reversibility" }).click();
  const log = page.getByRole("log", { name: "Terminal output" });
  // The schema round-trips, but the row in user does not survive a downgrade and upgrade.
  await log.locator(".stdout", { hasText: "1 of 1 revisions do not round-trip." }).waitFor();
  assert.match(await log.innerText(), /✗ 1a2b3c4d5e6f \(create tables\):\n\s+downgrade then upgrade: table user had 1 row, has 0/);
  await runLine(page, "alembic downgrade base");
  await log.locator(".stdout", { hasText: "playground: warning: this downgrade drops table user (1 row)" }).waitFor();
  await log.locator(".stderr", { hasText: "Running downgrade 1a2b3c4d5e6f ->" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
