import { serve, launch, newPage, openPlayground, runLine, zipOf } from "./harness.mjs";
import { readFile, writeFile } from "node:fs/promises";
async function loadProjectZip(n) {
  const template = (name) => readFile(new URL(`../../src/command/templates/generic/${name}`, import.meta.url), "utf8");
  const ini = (await template("alembic.ini.mako"))
    .replace("${script_location}", "%(here)s/alembic")
    .replace("driver://user:pass@localhost/dbname", "sqlite:///./app.db");
  const files = [
    ["fastapi_template/alembic.ini", ini],
    ["fastapi_template/alembic/env.py", await template("env.py")],
    ["fastapi_template/alembic/script.py.mako", await template("script.py.mako")],
    ["fastapi_template/requirements.txt", "alembic==1.20.1\nsqlalchemy\n"],
  ];
  let down = null;
  for (let i = 0; i < n; i++) {
    const rev = i.toString(16).padStart(12, "0");
    files.push([
      `fastapi_template/alembic/versions/${rev}_step_${i}.py`,
      `"""step ${i}\n\nRevision ID: ${rev}\nRevises: ${down ?? ""}\nCreate Date: 2026-01-01 00:00:00\n\n"""\n` +
        `from alembic import op\nimport sqlalchemy as sa\n\nrevision = '${rev}'\n` +
        `down_revision = ${down ? `'${down}'` : "None"}\nbranch_labels = None\ndepends_on = None\n\n\n` +
        `def upgrade() -> None:\n    op.create_table(\n        't${i}',\n` +
        `        sa.Column('id', sa.Integer(), nullable=False),\n` +
        `        sa.Column('name', sa.String(length=50), nullable=True),\n` +
        `        sa.PrimaryKeyConstraint('id'),\n    )\n` +
        `    op.add_column('t${i}', sa.Column('extra', sa.Integer(), nullable=True))\n\n\n` +
        `def downgrade() -> None:\n    op.drop_table('t${i}')\n`,
    ]);
    down = rev;
  }
  return zipOf(files.map(([name, text]) => [name, Buffer.from(text)]));
}


const srv = await serve();
const browser = await launch();
const { page, errors } = await newPage(browser);
page.on("console", (m) => console.log("console:", m.type(), m.text()));
await openPlayground(page, srv.url);
const log = page.getByRole("log", { name: "Terminal output" });
await writeFile("/tmp/p.zip", await loadProjectZip(500));
await page.getByLabel("Open a .zip, database or exercise file").setInputFiles("/tmp/p.zip");
await page.getByText("as a new workspace").first().waitFor({ timeout: 30000 });
await runLine(page, "pip install alembic");
const input = page.getByRole("textbox", { name: "Terminal input" });
await input.fill("alembic upgrade head");
const t0 = Date.now();
await input.press("Enter");
for (let i = 0; i < 40; i++) {
  await page.waitForTimeout(100);
  const txt = await log.innerText();
  console.log(Date.now() - t0, await log.locator(".term-running").count(), JSON.stringify(txt.slice(-150)));
  if (txt.includes("step 499")) break;
}
console.log("errors", errors);
await browser.close(); await srv.close();
