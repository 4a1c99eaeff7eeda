// Hostile input shown safely: markup in revision messages, table and column names, file
// contents and terminal output is displayed as text, never run or injected; SQL in
// identifiers stays data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, openPlayground, runLine, usePlayground, zipOf } from "./harness.mjs";

const site = usePlayground();

const XSS = `<img src=x onerror=window.__xss=1>`;

test("markup in messages, identifiers, files and output is only ever text", async () => {
  const { page, context, errors } = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await openPlayground(page, site.server.url);
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


test("hostile files: zip slip, decompression bombs, a huge file and a fake database change nothing", async () => {
  const { writeFile } = await import("node:fs/promises");
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await runLine(page, "echo mine");
  await page.locator(".ws-status.saved").waitFor();
  const picker = page.getByLabel("Open a .zip, database or exercise file");
  const files = {
    "slip.zip": await zipOf([["fastapi_template/app/x.py", Buffer.from("x = 1\n")], ["../../../etc/evil.py", Buffer.from("boom")]]),
    // 100 MB of zeros in about 100 KB, declared honestly, and the same declared as 10 bytes.
    "bomb.zip": await zipOf([["fastapi_template/zeros.txt", Buffer.alloc(100 << 20)]]),
    "liar.zip": await zipOf([["fastapi_template/zeros.txt", Buffer.alloc(100 << 20), { declaredSize: 10 }]]),
    // Larger than any project the playground takes.
    "huge.zip": Buffer.alloc(65 << 20 + 1),
  };
  for (const [name, bytes] of Object.entries(files)) {
    const path = `/tmp/e2e-hostile-${name}`;
    await writeFile(path, bytes);
    await picker.setInputFiles(path);
    const alert = page.getByRole("alert").filter({ hasText: `${name} could not be opened` });
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.textContent(), /Nothing was changed\./, name);
    if (name === "liar.zip") assert.match(await alert.textContent(), /holds more than the 10 bytes it declares/);
    if (name === "slip.zip") assert.match(await alert.textContent(), /would be written outside/);
    console.log(`# ${name}: ${(await alert.textContent()).slice(0, 160)}`);
    assert.equal(await page.getByRole("button", { name: "Workspace: Tutorial" }).count(), 1, `${name}: same workspace`);
    assert.match(await page.getByRole("log", { name: "Terminal output" }).innerText(), /mine/);
  }
  // A file that only starts like a database opens, and SQLite itself says what is wrong.
  const fake = "/tmp/e2e-hostile-fake.db";
  await writeFile(fake, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4000, 0x41)]));
  await picker.setInputFiles(fake);
  await page.getByText("Opened e2e-hostile-fake.db as a new workspace").waitFor();
  await runLine(page, `sqlite3 app.db ".tables"`);
  const log = page.getByRole("log", { name: "Terminal output" });
  assert.equal(await log.locator(".stderr").last().innerText(), "Error: file is not a database\n");
  // The schema panel copes too.
  await page.getByRole("complementary", { name: "Guide, database and history" }).getByRole("tab", { name: "Schema" }).click();
  await page.waitForTimeout(300);
  assert.deepEqual(errors, []);
  await context.close();
});
