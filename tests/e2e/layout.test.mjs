// Layout and polish (issue 7, item 7), driven as a learner would: resizable panes with keyboard
// splitters, the phone layout's region tabs, light and dark themes (editor and terminal too),
// Korean and English, keyboard shortcuts with their help overlay, and accessible names
// throughout. Screenshots at desktop and phone size go to target/e2e-artifacts/.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { newPage, openPlayground, runLine, setUpAlembic, usePlayground } from "./harness.mjs";

const ARTIFACTS = "target/e2e-artifacts";
const desktop = { viewport: { width: 1440, height: 900 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const site = usePlayground();
before(() => mkdir(ARTIFACTS, { recursive: true }));

/** Controls without an accessible name (the same rule as app.test.mjs's check). */
async function unnamedControls(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll("button, input, textarea, select, a[href], [role=tab], [role=separator], [tabindex]");
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
}

const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const box = async (locator) => locator.boundingBox();

test("splitters resize the panes by keyboard and by dragging, and the sizes are remembered", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  await openPlayground(page, site.server.url);
  const files = page.getByRole("separator", { name: "Resize the file tree" });
  const panels = page.getByRole("separator", { name: "Resize the side panels" });
  const term = page.getByRole("separator", { name: "Resize the terminal" });
  assert.equal(await files.getAttribute("aria-orientation"), "vertical");
  assert.equal(await term.getAttribute("aria-orientation"), "horizontal");
  assert.equal(await files.getAttribute("aria-valuenow"), "220");
  const tree = page.locator("#pane-files");
  const before = (await box(tree)).width;

  // Keyboard: arrows move by 16 px, Shift+arrow by 64, Home and End go to the limits.
  await files.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await files.getAttribute("aria-valuenow"), "252");
  assert.equal(Math.round((await box(tree)).width), Math.round(before + 32));
  await page.keyboard.press("Shift+ArrowLeft");
  assert.equal(await files.getAttribute("aria-valuenow"), "188");
  await page.keyboard.press("Home");
  assert.equal(await files.getAttribute("aria-valuenow"), await files.getAttribute("aria-valuemin"));
  await page.keyboard.press("End");
  assert.equal(await files.getAttribute("aria-valuenow"), await files.getAttribute("aria-valuemax"));
  await page.keyboard.press("Home");
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await files.getAttribute("aria-valuenow"), "220");

  // The side panels are right of their splitter: ArrowLeft widens them.
  const side = page.locator("#pane-panels");
  const sideBefore = (await box(side)).width;
  await panels.focus();
  await page.keyboard.press("ArrowLeft");
  assert.equal(await panels.getAttribute("aria-valuenow"), "356");
  assert.equal(Math.round((await box(side)).width), Math.round(sideBefore + 16));

  // Dragging the terminal's splitter up by 100 px makes the terminal 100 px taller.
  const terminal = page.locator("#pane-terminal");
  const tallBefore = (await box(terminal)).height;
  const grip = await box(term);
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - 60, { steps: 4 });
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - 100, { steps: 4 });
  await page.mouse.up();
  assert.equal(Math.round((await box(terminal)).height), Math.round(tallBefore + 100));
  assert.equal(await term.getAttribute("aria-valuenow"), "380");
  // The editor is still usable.
  await page.getByRole("textbox", { name: "Editor: app/db/models.py" }).waitFor();

  // Sizes survive a reload (localStorage); a double click puts the default back.
  await page.reload();
  await openPlayground(page, site.server.url);
  assert.equal(await term.getAttribute("aria-valuenow"), "380");
  assert.equal(await panels.getAttribute("aria-valuenow"), "356");
  assert.equal(Math.round((await box(terminal)).height), Math.round(tallBefore + 100));
  await term.dblclick();
  assert.equal(await term.getAttribute("aria-valuenow"), "280");
  assert.ok(await noSideScroll(page));
  assert.deepEqual(errors, []);
  await context.close();
});

test("from a 1440px desktop to a 375px phone: every region shows, and on phones they become tabs", async () => {
  for (const width of [1440, 1024, 800]) {
    const { page, context } = await newPage(site.browser, { viewport: { width, height: 800 } });
    await openPlayground(page, site.server.url);
    assert.equal(await page.getByRole("tablist", { name: "Regions" }).isVisible(), false, `${width}: no region tabs`);
    for (const pane of ["files", "editor", "terminal", "panels"]) {
      assert.ok(await page.locator(`#pane-${pane}`).isVisible(), `${width}: ${pane} shows`);
    }
    assert.ok(await noSideScroll(page), `${width}: no horizontal scrolling`);
    await context.close();
  }

  for (const viewport of [{ width: 375, height: 667 }, { width: 390, height: 844 }]) {
    const { page, context, errors } = await newPage(site.browser, { ...phone, viewport });
    await openPlayground(page, site.server.url);
    const tabs = page.getByRole("tablist", { name: "Regions" });
    await tabs.waitFor();
    const shown = () => page.locator(".pane").evaluateAll((panes) => panes.filter((p) => p.offsetParent !== null).map((p) => p.id));
    // The terminal first: the chapter starts by typing a command.
    assert.deepEqual(await shown(), ["pane-terminal"]);
    assert.equal(await tabs.getByRole("tab", { name: "Terminal" }).getAttribute("aria-selected"), "true");
    assert.equal(await page.locator("#pane-terminal").getAttribute("role"), "tabpanel");
    assert.equal(await page.getByRole("separator").count(), 0, "no splitters on a phone");
    for (const [name, pane] of [["Files", "files"], ["Editor", "editor"], ["Guide & DB", "panels"], ["Terminal", "terminal"]]) {
      await tabs.getByRole("tab", { name }).click();
      assert.deepEqual(await shown(), [`pane-${pane}`], name);
      assert.ok(await noSideScroll(page), `${viewport.width}px, ${name}: no horizontal scrolling`);
      // The region fills the screen below the tabs instead of making the page long.
      const region = await box(page.locator(`#pane-${pane}`));
      assert.ok(region.y + region.height <= viewport.height + 1, `${name} ends on screen`);
      assert.ok(region.height > viewport.height / 2, `${name} gets most of the screen`);
    }
    // Arrow keys move between the tabs.
    await tabs.getByRole("tab", { name: "Terminal" }).focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await tabs.getByRole("tab", { name: "Guide & DB" }).getAttribute("aria-selected"), "true");
    // The guide's Type button brings the terminal forward with the command in it.
    await page.getByRole("button", { name: "Next →" }).click();
    await page.getByRole("button", { name: "Type in the terminal: pip install alembic" }).click();
    const input = page.getByRole("textbox", { name: "Terminal input" });
    await input.waitFor({ state: "visible" });
    assert.equal(await input.inputValue(), "pip install alembic");
    assert.ok(await input.evaluate((el) => el === document.activeElement), "the terminal has focus");
    // Opening a file from the Files tab shows it in the editor.
    await tabs.getByRole("tab", { name: "Files" }).click();
    await page.getByRole("button", { name: "config.py" }).click();
    await page.getByRole("textbox", { name: "Editor: app/core/config.py" }).waitFor({ state: "visible" });
    assert.deepEqual(await shown(), ["pane-editor"]);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/** Computed colours of the page, the editor (inside its shadow root) and the terminal. */
async function colours(page) {
  return page.evaluate(() => {
    const bg = (el) => getComputedStyle(el).backgroundColor;
    const root = document.querySelector(".code-host").shadowRoot;
    const keyword = [...root.querySelectorAll(".cm-line span")].find((s) => s.textContent === "from");
    return {
      body: bg(document.body),
      editor: bg(root.querySelector(".cm-editor")),
      gutter: bg(root.querySelector(".cm-gutters")),
      text: getComputedStyle(root.querySelector(".cm-content")).color,
      keyword: keyword && getComputedStyle(keyword).color,
      terminal: bg(document.querySelector(".terminal")),
      terminalText: getComputedStyle(document.querySelector(".term-input")).color,
      theme: document.documentElement.dataset.theme ?? "system",
    };
  });
}

/** Relative luminance of an `rgb(...)` colour, 0 (black) to 1 (white). */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

test("light and dark themes follow the system, with a toggle, and reach the editor and the terminal", async () => {
  const { page, context, errors } = await newPage(site.browser, { ...desktop, colorScheme: "dark" });
  await openPlayground(page, site.server.url);
  await page.getByRole("textbox", { name: "Editor: app/db/models.py" }).waitFor();
  let dark = await colours(page);
  assert.equal(dark.theme, "system");
  assert.ok(luminance(dark.body) < 0.05, `dark page: ${dark.body}`);
  assert.ok(luminance(dark.editor) < 0.05, `dark editor: ${dark.editor}`);
  assert.ok(luminance(dark.gutter) < 0.05, `dark gutter: ${dark.gutter}`);
  assert.ok(contrast(dark.text, dark.editor) >= 7, "editor text readable on dark");
  assert.ok(contrast(dark.keyword, dark.editor) >= 4.5, `keyword readable on dark: ${dark.keyword}`);
  assert.ok(contrast(dark.terminalText, dark.terminal) >= 7, "terminal readable on dark");
  await page.screenshot({ path: `${ARTIFACTS}/desktop-dark.png` });

  // The toggle cycles system → light → dark → system, and says which it is.
  const toggle = page.getByRole("button", { name: /^Theme: / });
  assert.equal(await toggle.getAttribute("aria-label"), "Theme: system");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-label"), "Theme: light");
  const light = await colours(page);
  assert.equal(light.theme, "light");
  assert.ok(luminance(light.body) > 0.8, `light page: ${light.body}`);
  assert.ok(luminance(light.editor) > 0.8, `light editor: ${light.editor}`);
  assert.ok(contrast(light.text, light.editor) >= 7, "editor text readable on light");
  assert.ok(contrast(light.keyword, light.editor) >= 4.5, `keyword readable on light: ${light.keyword}`);
  assert.notEqual(light.keyword, dark.keyword, "code colours change with the theme");
  assert.ok(contrast(light.terminalText, light.terminal) >= 7, "terminal readable on light");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-label"), "Theme: dark");
  // Kept across a reload, even against the system's preference.
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await openPlayground(page, site.server.url);
  await page.getByRole("textbox", { name: "Editor: app/db/models.py" }).waitFor();
  dark = await colours(page);
  assert.equal(dark.theme, "dark");
  assert.ok(luminance(dark.editor) < 0.05, "the chosen dark theme wins over a light system");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-label"), "Theme: system");
  assert.ok(luminance((await colours(page)).body) > 0.8, "back to the system's light");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Korean and English: Korean when the browser prefers it, one switch for the page and the guide", async () => {
  const { page, context, errors } = await newPage(site.browser, { ...desktop, locale: "ko-KR" });
  await openPlayground(page, site.server.url);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  const panels = page.getByRole("complementary", { name: "Guide, database and history" });
  await panels.getByRole("tab", { name: "가이드" }).waitFor();
  await panels.getByRole("tab", { name: "스키마" }).waitFor();
  await panels.getByRole("button", { name: "읽었습니다" }).waitFor();
  await page.getByRole("separator", { name: "터미널 높이 조절" }).waitFor();

  // The header's switch changes the whole page, the guide included, and is remembered.
  const settings = page.getByRole("group", { name: "화면 설정" });
  await settings.getByRole("button", { name: "English" }).click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await panels.getByRole("tab", { name: "Schema" }).waitFor();
  await panels.getByRole("button", { name: "I've read this" }).waitFor();
  assert.equal(await panels.getByRole("button", { name: "English" }).getAttribute("aria-pressed"), "true");
  await page.reload();
  await openPlayground(page, site.server.url);
  await panels.getByRole("tab", { name: "History" }).waitFor();

  // The guide's own switch is the same setting.
  await panels.getByRole("button", { name: "한국어" }).click();
  await panels.getByRole("tab", { name: "히스토리" }).waitFor();
  await page.getByRole("group", { name: "화면 설정" }).getByRole("button", { name: "English" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ko");
  assert.deepEqual(await unnamedControls(page), []);
  assert.deepEqual(errors, []);
  await context.close();

  // An English browser starts in English.
  const en = await newPage(site.browser, { ...desktop, locale: "en-US" });
  await openPlayground(en.page, site.server.url);
  assert.equal(await en.page.evaluate(() => document.documentElement.lang), "en");
  await en.page.getByRole("tab", { name: "Guide" }).waitFor();
  await en.page.getByRole("button", { name: "I've read this" }).waitFor();
  await en.context.close();
});

test("keyboard shortcuts, and a help overlay that keeps focus until Escape", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  const input = await openPlayground(page, site.server.url);
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const active = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")}` : null;
  });

  // `?` typed in the terminal is text, not a shortcut.
  await input.click();
  await page.keyboard.type("echo ?");
  assert.equal(await input.inputValue(), "echo ?");
  assert.equal(await dialog.count(), 0);
  await input.fill("");

  // `?` elsewhere opens the overlay, with focus inside it.
  const help = page.getByRole("button", { name: "Keyboard shortcuts" });
  await help.focus();
  await page.keyboard.press("?");
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  assert.match(await dialog.innerText(), /Alt\s*\+\s*Shift\s*\+\s*T\s*Go to the terminal/);
  assert.match(await active(), /dialog-close/);
  // Tab and Shift+Tab stay inside the dialog.
  for (const key of ["Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus stays in the dialog after ${key}`);
  }
  assert.deepEqual(await unnamedControls(page), []);
  await page.screenshot({ path: `${ARTIFACTS}/desktop-shortcuts.png` });
  // Escape closes it, and focus goes back to where it was.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.match(await active(), /help-button/);
  // The header button and Ctrl+/ open it too; the Close button shuts it.
  await help.click();
  await dialog.getByRole("button", { name: "Close" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.locator("body").click({ position: { x: 5, y: 880 } });
  await page.keyboard.press("Control+/");
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });

  // Focus moves: terminal, editor, file tree.
  await page.keyboard.press("Alt+Shift+E");
  assert.match(await active(), /cm-content/);
  // In the editor, Ctrl+/ is CodeMirror's comment toggle, not the overlay.
  const editor = page.getByRole("textbox", { name: "Editor: app/db/models.py" });
  await page.keyboard.press("Control+/");
  assert.equal(await dialog.count(), 0);
  assert.match(await editor.evaluate((el) => el.getRootNode().host.editorView.state.doc.line(1).text), /^# /);
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Alt+Shift+T");
  assert.match(await active(), /input#terminal-input/);
  await page.keyboard.press("Control+Backquote");
  assert.match(await active(), /input#terminal-input/);
  await page.keyboard.press("Alt+Shift+F");
  assert.match(await active(), /button.*file/);

  // Side tabs.
  const panels = page.getByRole("complementary", { name: "Guide, database and history" });
  for (const [key, tab] of [["S", "Schema"], ["H", "History"], ["G", "Guide"]]) {
    await page.keyboard.press(`Alt+Shift+${key}`);
    assert.equal(await panels.getByRole("tab", { name: tab }).getAttribute("aria-selected"), "true", tab);
    assert.match(await active(), new RegExp(`#tab-${tab.toLowerCase()}`));
  }
  // The guide's Show me: on the `alembic --version` step it types the command, focused.
  await panels.getByRole("button", { name: "Next →" }).click();
  await panels.getByRole("button", { name: "Next →" }).click();
  await page.keyboard.press("Alt+Shift+M");
  await page.waitForFunction(() => document.getElementById("terminal-input").value === "alembic --version");
  assert.match(await active(), /input#terminal-input/);
  // Language and theme.
  await page.keyboard.press("Alt+Shift+L");
  await panels.getByRole("tab", { name: "스키마" }).waitFor();
  await page.keyboard.press("Alt+Shift+L");
  await panels.getByRole("tab", { name: "Schema" }).waitFor();
  await page.keyboard.press("Alt+Shift+D");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light");
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a phone, shortcuts bring their region forward", async () => {
  const { page, context, errors } = await newPage(site.browser, { ...phone, hasTouch: false, isMobile: false });
  await openPlayground(page, site.server.url);
  const tabs = page.getByRole("tablist", { name: "Regions" });
  await page.keyboard.press("Alt+Shift+S");
  assert.equal(await tabs.getByRole("tab", { name: "Guide & DB" }).getAttribute("aria-selected"), "true");
  assert.equal(await page.getByRole("tab", { name: "Schema" }).getAttribute("aria-selected"), "true");
  await page.keyboard.press("Alt+Shift+T");
  assert.equal(await tabs.getByRole("tab", { name: "Terminal" }).getAttribute("aria-selected"), "true");
  assert.ok(await page.evaluate(() => document.activeElement?.id === "terminal-input"));
  await page.keyboard.press("Alt+Shift+E");
  assert.equal(await tabs.getByRole("tab", { name: "Editor" }).getAttribute("aria-selected"), "true");
  await page.keyboard.press("Alt+Shift+F");
  assert.equal(await tabs.getByRole("tab", { name: "Files" }).getAttribute("aria-selected"), "true");
  assert.ok(await page.evaluate(() => document.activeElement?.textContent === "models.py"));
  await page.keyboard.press("?");
  await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
  assert.ok(await noSideScroll(page));
  await page.keyboard.press("Escape");
  assert.deepEqual(errors, []);
  await context.close();
});

test("every control keeps an accessible name: phone tabs, dark theme, Korean, each side tab", async () => {
  for (const options of [{ ...desktop, colorScheme: "dark" }, { ...phone, locale: "ko-KR" }]) {
    const { page, context } = await newPage(site.browser, options);
    await openPlayground(page, site.server.url);
    for (const id of ["tab-guide", "tab-schema", "tab-history"]) {
      await page.evaluate((id) => document.getElementById(id).click(), id);
      assert.deepEqual(await unnamedControls(page), [], `${JSON.stringify(options.viewport)} ${id}`);
    }
    await context.close();
  }
});

test("screenshots at desktop and phone size, kept as test artifacts", async () => {
  const shots = [];
  for (const [name, options] of [["desktop", desktop], ["phone", phone]]) {
    const { page, context, errors } = await newPage(site.browser, options);
    await openPlayground(page, site.server.url);
    await runLine(page, "pip install alembic");
    await runLine(page, "alembic init alembic");
    await page.getByRole("log", { name: "Terminal output" }).getByText("before proceeding").waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
    shots.push(`${name}.png`);
    if (name === "phone") {
      for (const tab of ["Files", "Editor", "Guide & DB"]) {
        await page.getByRole("tab", { name: tab }).click();
        const file = `phone-${tab.split(" ")[0].toLowerCase()}.png`;
        await page.screenshot({ path: `${ARTIFACTS}/${file}` });
        shots.push(file);
      }
    }
    assert.ok(await noSideScroll(page));
    assert.deepEqual(errors, []);
    await context.close();
  }
  const { statSync } = await import("node:fs");
  for (const file of shots) assert.ok(statSync(`${ARTIFACTS}/${file}`).size > 10_000, file);
});

// English the UI itself says (src/ui/i18n/), none of which may be left on screen in Korean.
// Terminal output, the editor's text, code, file names and product names are not the UI's.
const ENGLISH_CHROME = [
  /\bGuide\b/, /\bSchema\b/, /\bHistory\b/, /\bData\b/, /\bFiles\b/, "New file", "New folder", "Rename",
  /\bDelete\b(?!\))/, // "(Delete)" names the key
  /\bWorkspace\b/, /\bShare\b/, /\bPresent\b/, "Export", "Download database", "Open file", "Saved in this browser",
  /\bUndo\b/, "Undid", "Puts back what", "I've read this", "Show me", /\bNext\b/, /\bBack\b/, "All steps", "Reset step",
  "Current revision", "no alembic_version table yet", "alembic_version is empty", "Pending model changes", "Checking…",
  "What `alembic check` would report", "Nothing is written", "The models and the database agree", "After `alembic init",
  "The database is behind", "sets no target_metadata", "could not compare", "No database yet", "No revisions yet",
  "No alembic.ini yet", "Rows →", /\b\d+ rows?\b/, "Browse rows", "primary key", "foreign key", /\bunique\b/, /\bindex\b/,
  "by the last command", "Check reversibility", "Run each revision", /\bcurrent\b/, /\bmerge\b/, "branch point",
  "none (a base)", "The database is at", "The database has", "does not have this revision", /\bFile\b/, "Revises",
  "Depends on", "Branch labels", "Upgrade to here", "Downgrade to here", "Types `", "Close revision details",
  "SQL console", "Run SQL", "Ctrl-Enter runs it", "Query results", /\bResult \d/, "none returned rows", "No rows",
  "SQL log", "Statements a command runs", /statements? run by/, "parameters:", "failed:", "Pick a table", /\bPrev\b/,
  /page \d+ of/, /Rows \d/, "Rows of", "Open a file from the tree", "The code editor could not load",
  "changed since the last command", "Keyboard shortcuts", "Display settings", /^Theme:/, "Close",
];

/** The page's own words on screen: visible text and tooltips, without the terminal, the
 * editor's contents, code and tables of rows (the tools' and the learner's words). */
async function chromeText(page) {
  return page.evaluate(() => {
    const skip = ".terminal, .code-host, code, pre, kbd, .result-table, .lang-switch, .langs, .ws-name, .table-name, .col-name, .col-type, .er-title, .er-col, .file-tree [role=tree]";
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest(skip) || !el.checkVisibility?.({ visibilityProperty: true })) continue;
      if (node.textContent.trim()) out.push(node.textContent.trim());
    }
    for (const el of document.querySelectorAll("[title]")) {
      if (el.closest(".file-tree [role=tree], .editor .tab, .terminal") || !el.checkVisibility()) continue;
      out.push(el.getAttribute("title"));
    }
    return out;
  });
}

test("in Korean, no panel's own words are left in English", async () => {
  const { page, context, errors } = await newPage(site.browser, desktop);
  await openPlayground(page, site.server.url);
  // A project with history, tables, rows and a pending change, made in English.
  await setUpAlembic(page);
  await runLine(page, 'alembic revision --autogenerate -m "create tables"');
  await runLine(page, "alembic upgrade head");
  await runLine(page, 'alembic revision -m "second"');
  await page.getByRole("log", { name: "Terminal output" }).getByText("second.py ...  done", { exact: false }).waitFor();
  await page.getByRole("group", { name: "Display settings" }).getByRole("button", { name: "한국어" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "ko");

  const leftovers = [];
  const check = async (where) => {
    for (const text of await chromeText(page)) {
      for (const english of ENGLISH_CHROME) {
        const found = typeof english === "string" ? text.includes(english) : english.test(text);
        if (found) leftovers.push(`${where}: ${JSON.stringify(text)} (${english})`);
      }
    }
  };
  const tab = (id) => page.evaluate((id) => document.getElementById(id).click(), id);
  await tab("tab-guide");
  await check("guide");
  await tab("tab-schema");
  await page.locator(".table-card").first().waitFor();
  await page.locator(".pending-list, .pending-ok, .pending-blocked").first().waitFor();
  await check("schema");
  await tab("tab-history");
  await page.locator(".dag-pick").last().click();
  await page.locator(".revision-detail").waitFor();
  await check("history");
  await tab("tab-data");
  await check("data, empty");
  await page.locator(".sql-actions button").click();
  await page.locator(".sql-results").waitFor();
  await page.locator(".table-pick button").first().click();
  await page.locator(".pager").waitFor();
  await page.locator(".undo-bar .undo").waitFor();
  await check("data, after a query");
  await page.locator(".undo-bar .undo").click();
  await page.locator(".undo-status").waitFor();
  await check("after an undo");
  await page.locator(".help-button").click();
  await page.locator(".shortcuts-dialog").waitFor();
  await check("shortcuts");
  await page.keyboard.press("Escape");
  await page.locator(".ws-current").click();
  await page.locator(".ws-panel li").first().waitFor();
  await check("workspace list");
  assert.deepEqual(leftovers, []);
  assert.deepEqual(errors, []);
  await context.close();
});
