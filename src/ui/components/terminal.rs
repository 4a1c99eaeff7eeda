//! The terminal: scrollback with stdout and stderr told apart, and a prompt line with
//! history on ↑ and ↓ and Ctrl-L to clear. A line running in the worker shows its output as
//! it comes, with a spinner and the time it has taken; lines typed meanwhile wait under it.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::i18n;
use crate::ui::state::{Running, TermLine};

#[derive(Properties, PartialEq)]
pub struct TerminalProps {
    pub lines: Vec<TermLine>,
    pub prompt: AttrValue,
    pub history: Vec<String>,
    pub onrun: Callback<String>,
    pub onclear: Callback<()>,
    /// A line to put in the input (the guide's "show me" and "type"), with a counter so the
    /// same line can come twice.
    #[prop_or_default]
    pub fill: (u64, AttrValue),
    /// Tab completion: the completions for a line.
    pub complete: Callback<String, crate::shell::Completion>,
    /// Several completions and nothing to add: list them.
    pub onlist: Callback<(String, Vec<String>)>,
    /// Ctrl-C on this line.
    pub oninterrupt: Callback<String>,
    /// The line running in the worker.
    #[prop_or_default]
    pub running: Option<Rc<Running>>,
    /// Lines typed while it runs.
    #[prop_or_default]
    pub queued: Vec<String>,
}

#[function_component]
pub fn Terminal(props: &TerminalProps) -> Html {
    let input = use_node_ref();
    let log = use_node_ref();
    // Position in history while browsing with ↑/↓; `None` means editing a fresh line.
    let cursor = use_mut_ref(|| None::<usize>);

    {
        let input = input.clone();
        use_effect_with(props.fill.clone(), move |(n, line)| {
            if *n > 0 {
                if let Some(field) = input.cast::<HtmlInputElement>() {
                    field.set_value(line);
                    let _ = field.focus();
                }
            }
        });
    }
    {
        let log = log.clone();
        let live: usize = props.running.as_ref().map_or(0, |r| {
            r.live
                .iter()
                .map(|l| match l {
                    TermLine::Stdout(t) | TermLine::Stderr(t) => t.len(),
                    TermLine::Command { .. } => 0,
                })
                .sum::<usize>()
                + 1
        });
        use_effect_with((props.lines.len(), live, props.queued.len()), move |_| {
            if let Some(el) = log.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }

    let onkeydown = {
        let input = input.clone();
        let onrun = props.onrun.clone();
        let onclear = props.onclear.clone();
        let history = props.history.clone();
        let cursor = cursor.clone();
        let complete = props.complete.clone();
        let onlist = props.onlist.clone();
        let oninterrupt = props.oninterrupt.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(field) = input.cast::<HtmlInputElement>() else {
                return;
            };
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    *cursor.borrow_mut() = None;
                    let line = field.value();
                    field.set_value("");
                    onrun.emit(line);
                }
                "ArrowUp" if !history.is_empty() => {
                    e.prevent_default();
                    let at = match *cursor.borrow() {
                        Some(0) => 0,
                        Some(i) => i - 1,
                        None => history.len() - 1,
                    };
                    *cursor.borrow_mut() = Some(at);
                    field.set_value(&history[at]);
                }
                "ArrowDown" => {
                    e.prevent_default();
                    let next = cursor.borrow().map(|i| i + 1);
                    match next {
                        Some(i) if i < history.len() => {
                            *cursor.borrow_mut() = Some(i);
                            field.set_value(&history[i]);
                        }
                        _ => {
                            *cursor.borrow_mut() = None;
                            field.set_value("");
                        }
                    }
                }
                // Tab completes; on an empty line it moves focus on, so the keyboard is never
                // trapped in the terminal.
                "Tab" if !e.shift_key() && !field.value().is_empty() => {
                    e.prevent_default();
                    let line = field.value();
                    let completion = complete.emit(line.clone());
                    let next = completion.apply(&line);
                    if next != line {
                        field.set_value(&next);
                    } else if completion.candidates.len() > 1 {
                        onlist.emit((line, completion.candidates));
                    }
                }
                "c" if e.ctrl_key()
                    && field.selection_start().ok().flatten()
                        == field.selection_end().ok().flatten() =>
                {
                    // Ctrl-C with nothing selected abandons the line, as in a terminal (with a
                    // selection it copies, as the browser does).
                    e.prevent_default();
                    *cursor.borrow_mut() = None;
                    let line = field.value();
                    field.set_value("");
                    oninterrupt.emit(line);
                }
                "l" if e.ctrl_key() => {
                    e.prevent_default();
                    onclear.emit(());
                }
                _ => {}
            }
        })
    };

    let focus_input = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            // Clicking the scrollback focuses the prompt, unless the learner is selecting text
            // to copy.
            let selecting = web_sys::window()
                .and_then(|w| w.get_selection().ok().flatten())
                .is_some_and(|s| !s.is_collapsed());
            if !selecting {
                if let Some(field) = input.cast::<HtmlInputElement>() {
                    let _ = field.focus();
                }
            }
        })
    };

    let lang = i18n::use_lang();
    // The running line's elapsed time, ticking while it runs.
    let tick = use_force_update();
    {
        let tick = tick.clone();
        use_effect_with(props.running.as_ref().map(|r| r.id), move |id| {
            let timer = id
                .map(|_| gloo::timers::callback::Interval::new(1000, move || tick.force_update()));
            move || drop(timer)
        });
    }
    // Ctrl-C's button, for phones and anyone who does not know the key.
    let stop = props.oninterrupt.reform(|e: MouseEvent| {
        e.stop_propagation();
        String::new()
    });
    let running = props.running.as_ref().map(|r| {
        let seconds = ((crate::ui::state::now_ms() - r.started_ms) / 1000.0).floor();
        let elapsed = if seconds >= 1.0 {
            format!(" ({seconds} s)")
        } else {
            String::new()
        };
        html! {
            <div class="term-running" aria-busy="true">
                <div class="term-running-cmd"><span class="prompt">{&r.prompt}</span>{" "}{&r.line}</div>
                { for r.live.iter().map(render_line) }
                <div class="term-status" role="status">
                    <span class="term-spinner" aria-hidden="true"></span>
                    {i18n::TERM_RUNNING.get(lang)}{elapsed}
                    <button type="button" class="term-stop" onclick={stop.clone()}>{i18n::TERM_STOP.get(lang)}</button>
                </div>
            </div>
        }
    });
    // The terminal's accessible names stay English in both languages, as the editor's
    // "Editor: PATH" does: scripts and the end-to-end tests find it by them in either.
    html! {
        <section class="terminal" aria-label="Terminal" onclick={focus_input}>
            <div class="term-log" role="log" aria-label="Terminal output" aria-live="polite" ref={log}>
                { for props.lines.iter().map(render_line) }
                { for running }
                { for props.queued.iter().map(|line| html! { <div class="term-queued">{line}</div> }) }
            </div>
            <div class="term-input-row">
                // No prompt while a line runs, as in a terminal: what is typed waits its turn.
                <label for="terminal-input" class="prompt">
                    { if props.running.is_some() { AttrValue::default() } else { props.prompt.clone() } }
                </label>
                <input id="terminal-input" ref={input} class="term-input" type="text"
                       aria-label="Terminal input" autocomplete="off" autocapitalize="off"
                       spellcheck="false" {onkeydown} />
            </div>
        </section>
    }
}

fn render_line(line: &TermLine) -> Html {
    match line {
        TermLine::Command { prompt, line } => html! {
            <div class="term-cmd"><span class="prompt">{prompt}</span>{" "}{line}</div>
        },
        TermLine::Stdout(text) => html! { <pre class="term-out stdout">{text}</pre> },
        TermLine::Stderr(text) => html! { <pre class="term-out stderr">{text}</pre> },
    }
}
