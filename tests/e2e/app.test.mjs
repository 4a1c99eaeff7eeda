// End-to-end: the built site in headless Chromium, used as a learner would use it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { editorText, newPage, openPlayground, runLine, setEditorText, usePlayground } from "./harness.mjs";

const site = usePlayground();

test("shows a loading indicator, then the app shell with every region", async () => {
  const { page, context, errors, offsite } = await newPage(site.browser);
  await page.goto(site.server.url);
  // The indicator is in the static HTML, so it is there before any wasm runs.
  const html = await (await fetch(site.server.url)).text();
  assert.match(html, /id="loading"[^>]*role="status"/);
  await openPlayground(page, site.server.url);
  assert.equal(await page.locator("#loading").count(), 0, "loading indicator removed");
  await page.getByRole("heading", { name: "Alembic Playground" }).waitFor();
  await page.getByRole("navigation", { name: "Project files" }).waitFor();
  await page.getByRole("region", { name: "Editor" }).waitFor();
  await page.getByRole("region", { name: "Terminal" }).waitFor();
  await page.getByRole("complementary", { name: "Guide, database and history" }).waitFor();
  await page.getByRole("tab", { name: "Schema" }).waitFor();
  await page.getByRole("tab", { name: "History" }).click();
  assert.equal(await page.getByRole("tab", { name: "History" }).getAttribute("aria-selected"), "true");
  assert.deepEqual(errors, []);
  assert.deepEqual(offsite, [], "no request left the machine");
  await context.close();
});

test("the chapter's first step: alembic is not there until pip install alembic", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  let log = await runLine(page, "alembic --version");
  assert.equal(await log.locator(".stderr").last().textContent(), "bash: alembic: command not found\n");
  log = await runLine(page, "pip install alembic");
  await log.locator(".stdout", { hasText: "Successfully installed Mako-1.4.3 MarkupSafe-3.0.4 alembic-1.20.1" }).waitFor();
  assert.match(await log.innerText(), /Collecting alembic\n\s*playground: no network here; using the copy built into this page/);
  log = await runLine(page, "pip install fastapi");
  assert.match(await log.locator(".stderr").last().textContent(), /No matching distribution found for fastapi\n$/);
  log = await runLine(page, "alembic --version");
  await log.locator(".stdout", { hasText: "alembic 1.20.1" }).waitFor();
  assert.match(await log.innerText(), /\$ alembic --version\s+alembic 1\.20\.1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("alembic --version answers in the terminal", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  const log = await runLine(page, "alembic --version");
  await log.locator(".stdout", { hasText: "alembic 1.20.1" }).waitFor();
  assert.match(await log.innerText(), /\$ alembic --version\s+alembic 1\.20\.1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("stderr is told apart, and an unknown command is not found", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  const log = await runLine(page, "fastapi run");
  const err = log.locator(".stderr").last();
  assert.equal(await err.textContent(), "bash: fastapi: command not found\n");
  await runLine(page, "pip install alembic");
  await runLine(page, "alembic");
  assert.match(await log.locator(".stderr").last().textContent(), /\nalembic: error: too few arguments\n$/);
  await context.close();
});

test("sqlite3 --version reports the SQLite learners' Python ships", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  const log = await runLine(page, "sqlite3 --version");
  assert.match(await log.locator(".stdout").last().innerText(), /^3\.41\.2 2023-03-22 /);
  await page.getByText("SQLite 3.41.2").waitFor();
  await context.close();
});

test("history with arrow keys, and Ctrl-L clears", async () => {
  const { page, context } = await newPage(site.browser);
  const input = await openPlayground(page, site.server.url);
  await runLine(page, "echo one");
  await runLine(page, "echo two");
  await input.press("ArrowUp");
  assert.equal(await input.inputValue(), "echo two");
  await input.press("ArrowUp");
  assert.equal(await input.inputValue(), "echo one");
  await input.press("ArrowDown");
  assert.equal(await input.inputValue(), "echo two");
  await input.press("ArrowDown");
  assert.equal(await input.inputValue(), "");
  await input.press("Control+l");
  assert.equal(await page.locator(".term-cmd").count(), 0);
  await context.close();
});

test("the file tree opens files into the editor, and edits stick", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await page.getByRole("button", { name: "config.py" }).click();
  const editor = page.getByRole("textbox", { name: "Editor: app/core/config.py" });
  assert.match(await editorText(editor), /DATABASE_URL/);
  await setEditorText(editor, "# edited\n");
  await page.getByRole("button", { name: "models.py" }).click();
  await page.getByRole("button", { name: "config.py" }).click();
  assert.equal(await editorText(editor), "# edited\n");
  await context.close();
});

test("every interactive control has an accessible name", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  const unnamed = await page.evaluate(() => {
    const controls = document.querySelectorAll("button, input, textarea, select, a[href], [role=tab], [tabindex]");
    return [...controls]
      .filter((el) => {
        const labelled = el.getAttribute("aria-labelledby");
        const name =
          el.getAttribute("aria-label") ||
          (labelled && document.getElementById(labelled)?.textContent) ||
          (el.labels && [...el.labels].map((l) => l.textContent).join(" ")) ||
          el.textContent;
        return !name || !name.trim();
      })
      .map((el) => el.outerHTML.slice(0, 80));
  });
  assert.deepEqual(unnamed, []);
  await context.close();
});

test("the Content-Security-Policy blocks inline and remote script", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  const result = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    window.__inlineRan = false;
    const inline = document.createElement("script");
    inline.textContent = "window.__inlineRan = true";
    document.body.appendChild(inline);
    const remote = document.createElement("script");
    remote.src = "https://example.com/evil.js";
    document.body.appendChild(remote);
    // The classic XSS shape: an inline event handler in injected markup.
    window.__handlerRan = false;
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="data:," onerror="window.__handlerRan = true">';
    document.body.appendChild(holder);
    await new Promise((ok) => setTimeout(ok, 300));
    return { inlineRan: window.__inlineRan, handlerRan: window.__handlerRan, violations };
  });
  assert.equal(result.inlineRan, false, "inline script must not run");
  assert.equal(result.handlerRan, false, "inline event handlers must not run");
  assert.ok(result.violations.filter((v) => v.startsWith("script-src")).length >= 3, JSON.stringify(result));
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  await context.close();
});

test("a browser without WebAssembly gets a readable message", async () => {
  const { page, context } = await newPage(site.browser);
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(site.server.url);
  const alert = page.getByRole("alert");
  await alert.waitFor({ state: "visible" });
  assert.match(await alert.innerText(), /does not support WebAssembly/);
  assert.equal(await page.locator("#loading").isVisible(), false);
  await context.close();
});

test("a wasm file that fails to load gets a readable message", async () => {
  const { page, context } = await newPage(site.browser);
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(site.server.url);
  const alert = page.getByRole("alert");
  await alert.waitFor({ state: "visible" });
  assert.match(await alert.innerText(), /could not start/);
  await context.close();
});

test("phone-sized screens stack the regions and keep the terminal usable", async () => {
  const { page, context } = await newPage(site.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  const log = await runLine(page, "alembic --version");
  await log.locator(".stdout", { hasText: "alembic 1.20.1" }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, "no horizontal scrolling on a phone");
  await context.close();
});

test("python runs the project's code in the terminal, with CPython's tracebacks", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  let log = await runLine(page, `python -c "from app.core.config import settings; print(settings.DATABASE_URL)"`);
  assert.equal(await log.locator(".stdout").last().textContent(), "sqlite:///./app.db\n");
  log = await runLine(page, `python -c "import app.db.modles"`);
  assert.equal(
    await log.locator(".stderr").last().textContent(),
    "Traceback (most recent call last):\n" +
      '  File "<string>", line 1, in <module>\n' +
      "ModuleNotFoundError: No module named 'app.db.modles'\n",
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("recorded CPython scripts print the same in the page: integers past 64 bits, a live __dict__", async () => {
  const { readFile, writeFile } = await import("node:fs/promises");
  const { zipOf } = await import("./harness.mjs");
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  const fixtures = ["int_big", "cls_dict_live"];
  const dir = new URL("../python/run/", import.meta.url);
  const files = [];
  for (const name of fixtures) files.push([`fastapi_template/${name}.py`, await readFile(new URL(`${name}.py`, dir))]);
  await writeFile("/tmp/e2e-python-fixtures.zip", await zipOf(files));
  await page.getByLabel("Open a .zip, database or exercise file").setInputFiles("/tmp/e2e-python-fixtures.zip");
  await page.getByText("as a new workspace").first().waitFor();
  for (const name of fixtures) {
    // tools/pyast/record_run.py's format: `1> ` stdout lines, `2> ` stderr lines, `? ` the status.
    const recorded = (await readFile(new URL(`${name}.out`, dir), "utf8")).split("\n").filter((l) => !l.startsWith("#"));
    const stdout = recorded.filter((l) => l.startsWith("1> ")).map((l) => l.slice(3) + "\n").join("");
    assert.ok(!recorded.some((l) => l.startsWith("2> ")), `${name} prints nothing on stderr`);
    assert.ok(recorded.includes("? 0"), `${name} exits 0`);
    const log = await runLine(page, `python ${name}.py`);
    assert.equal(await log.locator(".term-out").last().textContent(), stdout, name);
    assert.equal(await log.locator(".stdout").last().textContent(), stdout, name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("an infinite loop stops with a clear error and the page stays responsive", async () => {
  const { page, context } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  const started = Date.now();
  const log = await runLine(page, 'python -c "while True: pass"');
  const elapsed = Date.now() - started;
  assert.match(await log.locator(".stderr").last().textContent(), /stopped this code after 5000000 steps; is there an infinite loop\?/);
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  await runLine(page, "echo still here");
  assert.equal(await log.locator(".stdout").last().textContent(), "still here\n");
  await context.close();
});

test("deep recursion and deep nesting end in Python errors, never a crashed tab", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await page.getByRole("button", { name: "config.py" }).click();
  const editor = page.getByRole("textbox", { name: "Editor: app/core/config.py" });
  await setEditorText(editor,
    "class Node:\n    def __init__(self, n):\n        self.n = n\n\n    def walk(self):\n" +
      "        if self.n:\n            return Node(self.n - 1).walk() + 1\n        return 0\n\n\n" +
      "def down(n):\n    for _ in [1]:\n        try:\n            return down(n + 1)\n        finally:\n            pass\n\n\n" +
      "print(Node(200).walk())\ndown(0)\n",
  );
  let log = await runLine(page, "python app/core/config.py");
  const out = await log.innerText();
  assert.match(out, /\n200\n/);
  assert.match(out, /RecursionError: maximum recursion depth exceeded/);
  const nested = "(".repeat(199) + "1" + ")".repeat(199);
  log = await runLine(page, `python -c "print(${nested})"`);
  assert.equal(await log.locator(".stdout").last().textContent(), "1\n");
  log = await runLine(page, `python -c "print(${"(".repeat(210)}1${")".repeat(210)})"`);
  assert.match(await log.locator(".stderr").last().textContent(), /SyntaxError: too many nested parentheses\n$/);
  log = await runLine(page, `python -c "x = ${Array(3000).fill("1").join(" + ")}"`);
  assert.match(await log.locator(".stderr").last().textContent(), /SyntaxError: expression too deeply nested for the playground/);
  await runLine(page, "echo alive");
  assert.equal(await log.locator(".stdout").last().textContent(), "alive\n");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the migration loop runs in the page: init, configure, revision, upgrade, current, downgrade", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  let log = await runLine(page, "alembic init alembic");
  await log.locator(".stdout", { hasText: "alembic.ini before proceeding" }).waitFor();
  assert.match(
    await log.innerText(),
    /Generating \/home\/learner\/fastapi_template\/alembic\/env\.py \.\.\.  done/,
  );
  // The files init wrote appear in the tree and open in the editor.
  await page.getByRole("button", { name: "alembic.ini" }).click();
  const ini = page.getByRole("textbox", { name: "Editor: alembic.ini" });
  const text = await editorText(ini);
  assert.match(text, /sqlalchemy\.url = driver:\/\/user:pass@localhost\/dbname/);
  await setEditorText(ini, text.replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"));

  log = await runLine(page, 'alembic revision -m "create account table" --rev-id 1a2b3c4d5e6f');
  await log.locator(".stdout", { hasText: "1a2b3c4d5e6f_create_account_table.py ...  done" }).waitFor();
  await page.getByRole("button", { name: "1a2b3c4d5e6f_create_account_table.py" }).click();
  const rev = page.getByRole("textbox", { name: "Editor: alembic/versions/1a2b3c4d5e6f_create_account_table.py" });
  const script = await editorText(rev);
  assert.match(script, /^"""create account table\n\nRevision ID: 1a2b3c4d5e6f\nRevises: \nCreate Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  await setEditorText(rev,
    script.replace(
      '"""Upgrade schema."""\n    pass',
      '"""Upgrade schema."""\n    op.create_table("account", sa.Column("id", sa.Integer, primary_key=True))',
    ).replace('"""Downgrade schema."""\n    pass', '"""Downgrade schema."""\n    op.drop_table("account")'),
  );

  log = await runLine(page, "alembic upgrade head");
  await log.locator(".stderr", { hasText: "Running upgrade  -> 1a2b3c4d5e6f, create account table" }).waitFor();
  log = await runLine(page, "alembic current");
  await log.locator(".stdout", { hasText: "1a2b3c4d5e6f (head)" }).waitFor();
  await page.getByRole("button", { name: "app.db" }).waitFor();
  log = await runLine(page, "alembic downgrade base");
  await log.locator(".stderr", { hasText: "Running downgrade 1a2b3c4d5e6f -> , create account table" }).waitFor();
  log = await runLine(page, "alembic upgrade nope");
  await log.locator(".stdout", { hasText: "FAILED: Can't locate revision identified by 'nope'" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the chapter's central step: revision --autogenerate writes the user and item tables", async () => {
  const { page, context, errors } = await newPage(site.browser);
  await openPlayground(page, site.server.url);
  await runLine(page, "pip install alembic");
  let log = await runLine(page, "alembic init alembic");
  await log.locator(".stdout", { hasText: "before proceeding" }).waitFor();
  await page.getByRole("button", { name: "alembic.ini" }).click();
  const ini = page.getByRole("textbox", { name: "Editor: alembic.ini" });
  await setEditorText(ini, (await editorText(ini)).replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"));
  await page.getByRole("button", { name: "env.py" }).click();
  const env = page.getByRole("textbox", { name: "Editor: alembic/env.py" });
  await setEditorText(env,
    (await editorText(env)).replace(
      "target_metadata = None",
      "from app.common.database.base import Base\nfrom app.db.models import User, Item\n\ntarget_metadata = Base.metadata",
    ),
  );
  log = await runLine(page, 'alembic revision --autogenerate -m "Create user and item tables"');
  await log.locator(".stdout", { hasText: "_create_user_and_item_tables.py ...  done" }).waitFor();
  const text = await log.innerText();
  assert.match(text, /Detected added table 'user'/);
  assert.match(text, /Detected added index 'ix_user_email' on '\('email',\)'/);
  assert.match(text, /Detected added table 'item'/);
  log = await runLine(page, "alembic upgrade head");
  await log.locator(".stderr", { hasText: "create user and item tables".replace(/^c/, "C") }).waitFor();
  log = await runLine(page, "alembic revision --autogenerate -m again");
  await log.locator(".stdout", { hasText: "_again.py ...  done" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the side panels follow the work: pending changes while editing, the schema with what changed, the ER diagram and the revision graph", async () => {
  const { page, context, errors } = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await openPlayground(page, site.server.url);
  const panels = page.getByRole("complementary", { name: "Guide, database and history" });
  await panels.getByRole("tab", { name: "Schema" }).click();
  const pending = panels.getByRole("region", { name: "Pending model changes" });
  await pending.getByText("After `alembic init alembic`").waitFor();
  await panels.getByText("No database yet: app.db").waitFor();

  await runLine(page, "pip install alembic");
  await runLine(page, "alembic init alembic");
  await page.getByRole("button", { name: "alembic.ini" }).click();
  const ini = page.getByRole("textbox", { name: "Editor: alembic.ini" });
  await setEditorText(ini, (await editorText(ini)).replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db"));
  await pending.getByText("env.py sets no target_metadata").waitFor();
  await page.getByRole("button", { name: "env.py" }).click();
  const env = page.getByRole("textbox", { name: "Editor: alembic/env.py" });
  await setEditorText(env,
    (await editorText(env)).replace(
      "target_metadata = None",
      "from app.common.database.base import Base\nfrom app.db.models import User, Item\n\ntarget_metadata = Base.metadata",
    ),
  );
  // Edits are checked once typing pauses: the new tables show as pending, and nothing is written.
  await pending.getByRole("listitem", { name: "add table user" }).waitFor();
  await pending.getByRole("listitem", { name: "add index user.ix_user_email" }).waitFor();
  // The panel says how long the check took (BENCHMARKS.md has the measured figures).
  assert.match(await pending.locator(".timing").innerText(), /computed in [\d.]+ ms\. Nothing is written\./);
  assert.equal(await page.getByRole("button", { name: "app.db" }).count(), 0, "the check wrote no app.db");

  await runLine(page, 'alembic revision --autogenerate -m "Create user and item tables"');
  await pending.getByText("The database is behind the latest revision").waitFor();
  await runLine(page, "alembic upgrade head");
  const user = panels.getByRole("article", { name: "Table user" });
  await user.waitFor();
  assert.match(await user.getAttribute("class"), /added/);
  assert.match(await user.innerText(), /email\s+VARCHAR\(255\)\s+UQ\s+NOT NULL/);
  assert.match(await panels.getByRole("article", { name: "Table item" }).innerText(), /owner_id\s+INTEGER\s+FK → user\.id/);
  const diagram = panels.getByRole("img", { name: "Entity-relationship diagram of 2 tables" });
  await diagram.waitFor();
  assert.equal(await diagram.locator(".fk-arrow").count(), 1);
  await pending.getByText("The models and the database agree").waitFor();
  await page.screenshot({ path: "target/e2e-schema.png" });

  await page.getByRole("button", { name: "models.py" }).click();
  const models = page.getByRole("textbox", { name: "Editor: app/db/models.py" });
  await setEditorText(models,
    (await editorText(models)).replace(
      "    full_name: Mapped[str | None] = mapped_column(String(100))",
      "    full_name: Mapped[str | None] = mapped_column(String(100))\n    bio: Mapped[str | None] = mapped_column(String(500))",
    ),
  );
  await pending.getByRole("listitem", { name: "add column user.bio" }).waitFor();
  await runLine(page, 'alembic revision --autogenerate -m "add bio"');
  await runLine(page, "alembic upgrade head");
  const bio = user.getByRole("listitem").filter({ hasText: "bio" });
  await bio.waitFor();
  assert.match(await bio.getAttribute("class"), /added/);
  assert.doesNotMatch(await user.getAttribute("class"), /added/);
  await runLine(page, "alembic downgrade -1");
  await user.getByRole("listitem").filter({ hasText: "bio" }).and(page.locator(".removed")).waitFor();

  await panels.getByRole("tab", { name: "History" }).click();
  const graph = panels.getByRole("img", { name: "Revision graph with 2 revisions" });
  await graph.waitFor();
  assert.equal(await graph.locator(".dag-node.current").count(), 1);
  const labels = await panels.locator(".dag-label").allInnerTexts();
  assert.match(labels[0], /head[\s\S]*add bio/);
  assert.match(labels[1], /current[\s\S]*Create user and item tables/);
  await page.screenshot({ path: "target/e2e-history.png" });
  assert.deepEqual(errors, []);
  await context.close();
});
