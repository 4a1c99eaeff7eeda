// The guided tutorial, completed in the page the way a learner does it, once in each language:
// typing the chapter's commands (with the guide's "Type" buttons or by hand), making its edits
// (with "Show me", or in the editor), and seeing every step turn complete.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newPage, openPlayground, runLine, usePlayground } from "./harness.mjs";

const site = usePlayground();

const WORDS = {
  ko: { read: "읽었습니다", next: "다음 →", show: "보여 주기", done: "✓ 완료했습니다.", type: "터미널에 입력" },
  en: { read: "I've read this", next: "Next →", show: "Show me", done: "✓ Done.", type: "Type in the terminal" },
};

/** Replaces `from` with `to` in a project file, through the editor, as a learner types. */
async function editFile(page, path, from, to) {
  const log = await runLine(page, `cat ${path}`);
  const text = await log.locator(".stdout").last().textContent();
  assert.ok(text.includes(from), `${path} has ${from}`);
  const name = path.split("/").pop();
  await page.getByRole("button", { name, exact: true }).first().click();
  const editor = page.getByRole("textbox", { name: `Editor: ${path}` });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text.replace(from, to));
}

async function completeChapter(lang) {
  const w = WORDS[lang];
  const { page, context, errors } = await newPage(site.browser, { viewport: { width: 1440, height: 900 } });
  await openPlayground(page, site.server.url);
  const guide = page.getByRole("complementary", { name: "Guide, database and history" });
  await guide.getByRole("button", { name: lang === "ko" ? "한국어" : "English" }).click();
  const step = guide.getByRole("region", { name: lang === "ko" ? "현재 단계" : "Current step" });
  const status = step.getByRole("status");
  const typeIt = async (command) => {
    await step.getByRole("button", { name: `${w.type}: ${command}` }).click();
    await page.getByRole("textbox", { name: "Terminal input" }).press("Enter");
  };
  const expectDone = async (title) => {
    await status.filter({ hasText: w.done }).waitFor({ timeout: 5000 }).catch(async () => {
      throw new Error(`step "${title}" not complete: ${await step.innerText()}`);
    });
  };
  const next = async () => guide.getByRole("button", { name: w.next }).click();
  const title = async () => step.getByRole("heading").innerText();

  // 1. What Alembic is: a reading step.
  await guide.getByRole("button", { name: w.read }).click();
  await expectDone(await title());
  await next();
  // 2. pip install alembic, and requirements.txt.
  await typeIt("pip install alembic");
  await guide.getByRole("button", { name: w.show }).click();
  await expectDone(await title());
  await next();
  // 3. alembic --version
  await typeIt("alembic --version");
  await expectDone(await title());
  await next();
  // 4. alembic init alembic
  await typeIt("alembic init alembic");
  await expectDone(await title());
  await next();
  // 5. The URL: by hand, in the editor.
  await editFile(page, "alembic.ini", "driver://user:pass@localhost/dbname", "sqlite:///./app.db");
  await expectDone(await title());
  await next();
  // 6. env.py: with "show me".
  await guide.getByRole("button", { name: w.show }).click();
  await expectDone(await title());
  await next();
  // 7. The Python path: alembic current works.
  await typeIt("alembic current");
  await expectDone(await title());
  await next();
  // 8. autogenerate
  await typeIt('alembic revision --autogenerate -m "Create user and item tables"');
  await expectDone(await title());
  await next();
  // 9. upgrade head
  await typeIt("alembic upgrade head");
  await expectDone(await title());
  await next();
  // 10. A revision by hand.
  let log = await runLine(page, 'alembic revision -m "Add nickname to user"');
  const generated = /Generating \/home\/learner\/fastapi_template\/(alembic\/versions\/\w+\.py)/.exec(
    await log.locator(".stdout").last().textContent(),
  )[1];
  await editFile(
    page,
    generated,
    '    """Upgrade schema."""\n    pass',
    "    \"\"\"Upgrade schema.\"\"\"\n    op.add_column('user', sa.Column('nickname', sa.String(length=50), nullable=True))",
  );
  await editFile(page, generated, '    """Downgrade schema."""\n    pass', "    \"\"\"Downgrade schema.\"\"\"\n    op.drop_column('user', 'nickname')");
  await runLine(page, "alembic upgrade head");
  await expectDone(await title());
  await next();
  // 11. downgrade -1, upgrade +1
  await typeIt("alembic downgrade -1");
  await typeIt("alembic upgrade +1");
  await expectDone(await title());
  await next();
  // 12. downgrade base, then back up.
  await typeIt("alembic downgrade base");
  await typeIt("alembic upgrade head");
  await expectDone(await title());
  await next();
  // 13. history and current
  await typeIt("alembic history");
  await typeIt("alembic current");
  await expectDone(await title());
  await next();
  // 14. ModuleNotFoundError, reproduced with "show me", fixed with PYTHONPATH.
  await guide.getByRole("button", { name: w.show }).click();
  await page.getByRole("textbox", { name: "Terminal input" }).press("Enter");
  log = page.getByRole("log", { name: "Terminal output" });
  await log.locator(".stderr", { hasText: "ModuleNotFoundError: No module named 'app'" }).waitFor();
  await runLine(page, "export PYTHONPATH=$PYTHONPATH:$(pwd)");
  await runLine(page, "alembic current");
  await expectDone(await title());
  await next();
  // 15. A PostgreSQL URL fails; back to SQLite.
  await guide.getByRole("button", { name: w.show }).click();
  await page.getByRole("textbox", { name: "Terminal input" }).press("Enter");
  await log.locator(".stderr", { hasText: "psycopg" }).first().waitFor();
  await editFile(page, "alembic.ini", "postgresql://postgres:postgres@localhost:5432/fastapi_db", "sqlite:///./app.db");
  await runLine(page, "alembic current");
  await expectDone(await title());

  // Progress is kept across a reload, in the language chosen.
  const progress = await guide.locator(".guide-top .muted").innerText();
  assert.equal(progress.split(" / ")[0], "15");
  await page.reload();
  await page.getByRole("textbox", { name: "Terminal input" }).waitFor();
  assert.equal(await guide.locator(".guide-top .muted").innerText(), progress);
  assert.match(await step.getByRole("heading").innerText(), /^15\. /);
  assert.deepEqual(errors, []);
  await context.close();
}

test("a learner completes the chapter in Korean", async () => completeChapter("ko"));
test("a learner completes the chapter in English", async () => completeChapter("en"));
