// Hostile input shown safely: markup in revision messages, table and column names, file
// contents and terminal output is displayed as text, never run or injected; SQL in
// identifiers stays data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, openPlayground, runLine, serve } from "./harness.mjs";

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const XSS = `<img src=x onerror=window.__xss=1>`;

test("markup in messages, identifiers, files and output is only ever text", async () => {
  const { page, context, errors } = await newPage(browser, { viewport: { width: 1440, height: 900 } });
  await openPlayground(page, server.url);
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  // A revision message, in the terminal, the revision file and the history panel.
  await runLine(page, `alembic revision -m '${XSS}' --rev-id 1a2b3c4d5e6f`);
  // A table and a column named with markup and with SQL.
  await runLine(
    page,
    `sqlite3 app.db "CREATE TABLE \\"${XSS}\\" (\\"x'); DROP TABLE t; --\\" INTEGER)"`,
  );
  await runLine(page, "sqlite3 app.db .tables");
  // Output that contains markup.
  await runLine(page, `echo '<script>window.__xss=2</script>'`);
  const panels = page.getByRole("complementary", { name: "Guide, database and history" });
  await panels.getByRole("tab", { name: "Schema" }).click();
  await panels.getByText(XSS).first().waitFor();
  await panels.getByText("x'); DROP TABLE t; --").first().waitFor();
  await panels.getByRole("tab", { name: "History" }).click();
  await panels.getByText(XSS).first().waitFor();
  // Open the revision file in the editor.
  await page.getByRole("button", { name: "1a2b3c4d5e6f_img_src_x_onerror_window___xss_1.py" }).click();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__xss), undefined, "no markup ran");
  assert.equal(await page.locator("img[src=x]").count(), 0, "no element was injected");
  assert.equal(await page.locator("script:not([src])").count(), 0);
  const log = await page.getByRole("log", { name: "Terminal output" }).innerText();
  assert.ok(log.includes("<script>window.__xss=2</script>"), "the output shows the text as typed");
  assert.deepEqual(errors, []);
  await context.close();
});
