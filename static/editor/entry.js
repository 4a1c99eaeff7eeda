// The playground's code editor: CodeMirror 6, bundled from npm by tools/editor-bundle.mjs at
// build time. The Rust UI (src/ui/components/editor.rs) talks to it through the one global this
// module defines, `AlembicPlaygroundEditor`: create(host, onChange, readOnly) returns a handle with
// open(path, text, label, openPaths), setDiagnostics(from, to, severity, message), focus() and
// destroy(). Which file is which language, and how the editor looks, is decided here; what a
// file contains and what is wrong with it is decided in Rust.
//
// CSP: the page allows no inline styles, and CodeMirror's style-mod injects <style> elements
// when it mounts in a document. Mounted in a shadow root, style-mod uses a constructable
// stylesheet (adoptedStyleSheets) instead, which a Content-Security-Policy does not restrict,
// so the page keeps `style-src 'self'` with no nonce and no 'unsafe-inline'.
import { EditorState, Compartment, Annotation } from "@codemirror/state";
import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  drawSelection,
  dropCursor,
  rectangularSelection,
  crosshairCursor,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  bracketMatching,
  defaultHighlightStyle,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  StreamLanguage,
  syntaxHighlighting,
} from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { lintKeymap, setDiagnostics } from "@codemirror/lint";
import { python } from "@codemirror/lang-python";
import { sql, SQLite } from "@codemirror/lang-sql";
import { properties } from "@codemirror/legacy-modes/mode/properties";
import { tags as t } from "@lezer/highlight";

// The rest of a `${...}` expression on this line, as one token; braces inside it nest.
function expression(stream, state) {
  while (state.depth > 0) {
    const ch = stream.next();
    if (ch === undefined) break;
    if (ch === "{") state.depth++;
    else if (ch === "}") state.depth--;
  }
  return "variableName.special";
}

// A small Mako mode for script.py.mako: `${...}` expressions, `<% %>` blocks and tags, `%`
// control lines and `##` comments stand out; the Python around them stays plain text.
const mako = StreamLanguage.define({
  name: "mako",
  startState: () => ({ depth: 0, block: false }),
  token(stream, state) {
    if (state.block) {
      if (stream.match("%>")) {
        state.block = false;
        return "meta";
      }
      stream.next();
      return "meta";
    }
    if (state.depth > 0) return expression(stream, state);
    if (stream.sol()) {
      if (stream.match(/^\s*##.*/)) return "comment";
      if (stream.match(/^\s*%(?!%).*/)) return "keyword";
    }
    if (stream.match("${")) {
      state.depth = 1;
      return expression(stream, state);
    }
    if (stream.match(/^<%(?:doc|text)?/)) {
      state.block = true;
      return "meta";
    }
    if (stream.match(/^<\/?%[\w:.]+/)) {
      stream.skipTo(">") && stream.next();
      return "meta";
    }
    if (stream.match(/^#.*/)) return "comment";
    if (stream.match(/^\b(?:def|class|import|from|return|pass|if|else|None|True|False)\b/)) return "keyword";
    stream.next();
    stream.eatWhile(/[^$<#%\w]/);
    return null;
  },
});

function languageFor(path) {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (name.endsWith(".mako")) return [mako];
  if (name.endsWith(".py") || name.endsWith(".pyi")) return [python()];
  if (name.endsWith(".sql")) return [sql({ dialect: SQLite })];
  if (/\.(ini|cfg|conf|toml|env)$/.test(name) || name === ".env") return [StreamLanguage.define(properties)];
  return [];
}

// Colours come from the page's CSS variables, which inherit into the shadow root, so the
// light and dark themes (static/style.css) apply here without reconfiguring the editor. The
// rules below replace CodeMirror's light-only defaults (selection, panels, tooltips).
const theme = EditorView.theme({
  "&": { height: "100%", backgroundColor: "var(--panel)", color: "var(--text)", fontSize: "13px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.55" },
  ".cm-content": { caretColor: "var(--text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  "&.cm-focused": { outline: "2px solid var(--accent-soft)", outlineOffset: "-2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "var(--cm-selection)" },
  ".cm-activeLine": { backgroundColor: "var(--cm-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--accent-soft)" },
  ".cm-searchMatch": { backgroundColor: "var(--cm-match)", outline: "1px solid var(--alt)" },
  ".cm-searchMatch.cm-searchMatch-selected, .cm-selectionMatch": { backgroundColor: "var(--cm-selection)" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--cm-selection)", outline: "1px solid var(--muted)" },
  ".cm-panels": { backgroundColor: "var(--bg)", color: "var(--text)" },
  ".cm-panels.cm-panels-top": { borderBottom: "1px solid var(--border)" },
  ".cm-textfield": { backgroundColor: "var(--panel)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-button": { backgroundImage: "none", backgroundColor: "var(--panel)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-tooltip-lint": { fontFamily: "var(--sans)" },
});

// Code colours as CSS variables too, readable on both themes.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.operatorKeyword, t.moduleKeyword, t.definitionKeyword], color: "var(--hl-keyword)" },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--hl-string)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--hl-number)" },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className), t.function(t.variableName)], color: "var(--hl-def)" },
  { tag: [t.typeName, t.className, t.standard(t.variableName)], color: "var(--hl-type)" },
  { tag: [t.meta, t.processingInstruction, t.annotation], color: "var(--hl-meta)" },
  { tag: [t.special(t.variableName), t.self], color: "var(--hl-special)" },
  { tag: [t.propertyName, t.attributeName, t.definition(t.propertyName)], color: "var(--hl-property)" },
  { tag: t.invalid, color: "var(--hl-invalid)" },
  { tag: t.heading, fontWeight: "bold" },
]);

// Marks changes this module makes itself (a file rewritten by a command), so they are not
// echoed back to Rust as the learner's edits.
const external = Annotation.define();

function create(host, onChange, readOnly = false) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const label = new Compartment();
  const language = new Compartment();
  const states = new Map(); // path -> EditorState: each open file keeps its own undo history.
  let current = null;

  const extensions = (path, labelText) => [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    indentUnit.of("    "),
    syntaxHighlighting(highlight),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    // indentWithTab: Tab and Shift-Tab indent. Escape then Tab (or Ctrl-M) still moves focus
    // out of the editor: CodeMirror's tab-focus mode, so the keyboard is never trapped.
    keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
    theme,
    // An embed's read-only files: selectable and searchable, never changed.
    EditorState.readOnly.of(readOnly),
    label.of(EditorView.contentAttributes.of({ "aria-label": labelText })),
    language.of(languageFor(path)),
    // Text the browser would insert across lines itself (dictation, IME, Playwright's
    // insertText) goes in as CodeMirror's own edit: left to the browser, Chromium copies the
    // first line's colour onto the new lines as `style` attributes, which the CSP refuses.
    EditorView.domEventHandlers({
      beforeinput(event, view) {
        if (event.inputType !== "insertText" || typeof event.data !== "string") return false;
        const { doc, selection } = view.state;
        const { from, to } = selection.main;
        if (!event.data.includes("\n") && doc.lineAt(from).number === doc.lineAt(to).number) return false;
        event.preventDefault();
        view.dispatch({ ...view.state.replaceSelection(event.data), userEvent: "input.type", scrollIntoView: true });
        return true;
      },
    }),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged || current === null) return;
      if (update.transactions.every((tr) => tr.annotation(external))) return;
      // Reported after CodeMirror's update has finished: Rust re-renders on it, and a view
      // must not be updated from inside its own update.
      const path = current;
      const text = update.state.doc.toString();
      queueMicrotask(() => onChange(path, text));
    }),
  ];

  const view = new EditorView({ root, parent: root });
  // Tests and tools find the view from the host element; nothing else is global.
  host.editorView = view;

  return {
    open(path, text, labelText, openPaths) {
      for (const known of [...states.keys()]) if (!openPaths.includes(known)) states.delete(known);
      if (path !== current) {
        if (current !== null && openPaths.includes(current)) states.set(current, view.state);
        const saved = states.get(path);
        const state = saved && saved.doc.toString() === text
          ? saved
          : EditorState.create({ doc: text, extensions: extensions(path, labelText) });
        current = path;
        view.setState(state);
      } else if (view.state.doc.toString() !== text) {
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: text },
          annotations: external.of(true),
        });
      }
      if (view.contentDOM.getAttribute("aria-label") !== labelText) {
        view.dispatch({
          effects: label.reconfigure(EditorView.contentAttributes.of({ "aria-label": labelText })),
        });
      }
    },
    setDiagnostics(from, to, severity, message) {
      const length = view.state.doc.length;
      const diagnostics = [];
      for (let i = 0; i < message.length; i++) {
        const start = Math.min(from[i], length);
        diagnostics.push({ from: start, to: Math.max(start, Math.min(to[i], length)), severity: severity[i], message: message[i] });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
      delete host.editorView;
    },
  };
}

globalThis.AlembicPlaygroundEditor = { create };
