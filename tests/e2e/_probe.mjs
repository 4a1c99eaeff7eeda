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
const { page } = await newPage(browser, { viewport: { width: 1440, height: 900 } });
await openPlayground(page, srv.url);
await writeFile("/tmp/p.zip", await loadProjectZip(500));
await page.getByLabel("Open a .zip, database or exercise file").setInputFiles("/tmp/p.zip");
await page.getByText("as a new workspace").first().waitFor({ timeout: 30000 });
await runLine(page, "pip install alembic");
const log = await runLine(page, "alembic upgrade head");
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
await page.evaluate(() => {
  window.__lt = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(Math.round(e.duration)); }).observe({ type: "longtask" });
});
await page.getByRole("tab", { name: process.env.TAB }).click();
await page.waitForTimeout(1500);
console.log("longtasks", JSON.stringify(await page.evaluate(() => window.__lt)));
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n = byId.get(id); const key = n.callFrame.functionName + " " + n.callFrame.url.split("/").pop() + ":" + n.callFrame.lineNumber; self.set(key, (self.get(key) ?? 0) + us); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 22).map(([k, v]) => `${(v / 1000).toFixed(0)} ms ${k}`).join("\n"));
await browser.close(); await srv.close();
