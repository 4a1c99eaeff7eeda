//! The guide tab: the tutorial's current step (text, live check, hint), its controls (show
//! me, reset step, previous and next), the list of steps with their progress, and the
//! language switch.

use std::rc::Rc;

use yew::prelude::*;

use crate::tutorial::{self, Check, Lang};
use crate::ui::guide::Guide;
use crate::ui::i18n;

#[derive(Properties, PartialEq)]
pub struct GuidePanelProps {
    pub guide: Rc<Guide>,
    pub onlang: Callback<Lang>,
    pub ongo: Callback<usize>,
    pub onread: Callback<()>,
    pub onshowme: Callback<()>,
    pub onreset: Callback<()>,
    /// Puts a command in the terminal's input.
    pub ontype: Callback<String>,
}

#[function_component]
pub fn GuidePanel(props: &GuidePanelProps) -> Html {
    let g = &props.guide;
    let lang = g.lang;
    let steps = tutorial::steps();
    let Some(step) = steps.get(g.current) else {
        return html! {};
    };
    let total = steps.len();
    let completed = g.done.iter().filter(|d| **d).count();
    let done = g.done[g.current];
    let lang_button = |which: Lang, label: &'static str| {
        let onlang = props.onlang.clone();
        html! {
            <button type="button" class={classes!("lang", (lang == which).then_some("active"))}
                    aria-pressed={(lang == which).to_string()}
                    onclick={Callback::from(move |_| onlang.emit(which))}>{label}</button>
        }
    };
    let go = |i: usize| {
        let ongo = props.ongo.clone();
        Callback::from(move |_| ongo.emit(i))
    };
    let status = if done {
        html! { <p class="guide-status done" role="status">{i18n::GUIDE_DONE.get(lang)}</p> }
    } else {
        match (&step.check, &g.outcome.hint) {
            (Check::Read, _) => {
                let onread = props.onread.clone();
                html! {
                    <button type="button" class="guide-read" onclick={Callback::from(move |_| onread.emit(()))}>
                        {i18n::GUIDE_READ.get(lang)}
                    </button>
                }
            }
            (_, Some(hint)) => {
                html! { <p class="guide-status hint" role="status">{render_inline(hint.get(lang))}</p> }
            }
            (_, None) => html! {
                <p class="guide-status waiting" role="status">
                    {i18n::GUIDE_WAITING.get(lang)}
                </p>
            },
        }
    };
    let onshowme = props.onshowme.clone();
    let onreset = props.onreset.clone();
    // Resetting rewrites the files a running line is working on a copy of: it waits.
    let busy = use_context::<crate::ui::app::Busy>().is_some_and(|b| b.0);
    let confirm_text = i18n::GUIDE_RESET_CONFIRM.get(lang);
    let reset = Callback::from(move |_| {
        let ok = web_sys::window()
            .and_then(|w| w.confirm_with_message(confirm_text).ok())
            .unwrap_or(false);
        if ok {
            onreset.emit(());
        }
    });
    html! {
        <div class="guide" lang={i18n::code(lang)}>
            <div class="guide-top">
                <div class="langs" role="group" aria-label="Language / 언어">
                    { lang_button(Lang::Ko, "한국어") }
                    { lang_button(Lang::En, "English") }
                </div>
                <span class="muted">{format!("{completed} / {total}")}</span>
            </div>
            <progress class="guide-progress" max={total.to_string()} value={completed.to_string()}
                      aria-label={i18n::GUIDE_PROGRESS.get(lang)} />
            <section class="guide-step" aria-label={i18n::GUIDE_CURRENT_STEP.get(lang)}>
                <h2>{format!("{}. {}", g.current + 1, step.title.get(lang))}</h2>
                { body(step.body.get(lang), &props.ontype, lang) }
                { status }
                <div class="guide-actions">
                    <button type="button" disabled={g.current == 0} onclick={go(g.current.saturating_sub(1))}>
                        {i18n::GUIDE_BACK.get(lang)}
                    </button>
                    if !step.show_me.is_empty() {
                        <button type="button" onclick={Callback::from(move |_| onshowme.emit(()))}>
                            {i18n::GUIDE_SHOW_ME.get(lang)}
                        </button>
                    }
                    if !matches!(step.check, Check::Read) {
                        <button type="button" onclick={reset} disabled={busy}>{i18n::GUIDE_RESET.get(lang)}</button>
                    }
                    <button type="button" class={classes!(done.then_some("primary"))}
                            disabled={g.current + 1 >= total} onclick={go(g.current + 1)}>
                        {i18n::GUIDE_NEXT.get(lang)}
                    </button>
                </div>
            </section>
            <details class="guide-steps">
                <summary>{i18n::GUIDE_ALL_STEPS.get(lang)}</summary>
                <ol>
                    { for steps.iter().enumerate().map(|(i, s)| html! {
                        <li class={classes!((i == g.current).then_some("current"), g.done[i].then_some("done"), (!s.chapter).then_some("extra"))}>
                            <button type="button" onclick={go(i)} aria-current={(i == g.current).then_some("step")}>
                                { if g.done[i] { "✓ " } else { "" } }{ s.title.get(lang) }
                            </button>
                        </li>
                    }) }
                </ol>
            </details>
        </div>
    }
}

/// The step's text: paragraphs, `- ` lists, fenced code, and inline `code`. A fenced line
/// starting with `$ ` is a command, with a button that types it into the terminal.
pub(crate) fn body(text: &str, ontype: &Callback<String>, lang: Lang) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut in_code = false;
    let mut code: Vec<String> = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let flush_para = |para: &mut Vec<String>, out: &mut Vec<Html>| {
        if !para.is_empty() {
            out.push(html! { <p>{ render_inline(&para.join(" ")) }</p> });
            para.clear();
        }
    };
    let flush_list = |list: &mut Vec<String>, out: &mut Vec<Html>| {
        if !list.is_empty() {
            out.push(html! { <ul>{ for list.iter().map(|i| html! { <li>{ render_inline(i) }</li> }) }</ul> });
            list.clear();
        }
    };
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            if in_code {
                let commands = code.iter().all(|l| l.starts_with("$ "));
                if commands {
                    out.push(html! {
                        <div class="guide-commands">
                            { for code.iter().map(|l| {
                                let cmd = l.trim_start_matches("$ ").to_string();
                                let ontype = ontype.clone();
                                let typed = cmd.clone();
                                html! {
                                    <div class="guide-command">
                                        <code>{format!("$ {cmd}")}</code>
                                        <button type="button" class="type-it"
                                                aria-label={format!("{}: {cmd}", i18n::GUIDE_TYPE_LABEL.get(lang))}
                                                onclick={Callback::from(move |_| ontype.emit(typed.clone()))}>
                                            {i18n::GUIDE_TYPE.get(lang)}
                                        </button>
                                    </div>
                                }
                            }) }
                        </div>
                    });
                } else {
                    out.push(
                        html! { <pre class="guide-code"><code>{ code.join("\n") }</code></pre> },
                    );
                }
                code.clear();
            } else {
                flush_para(&mut para, &mut out);
                flush_list(&mut list, &mut out);
            }
            in_code = !in_code;
            continue;
        }
        if in_code {
            code.push(line.to_string());
        } else if let Some(item) = line.strip_prefix("- ") {
            flush_para(&mut para, &mut out);
            list.push(item.to_string());
        } else if line.trim().is_empty() {
            flush_para(&mut para, &mut out);
            flush_list(&mut list, &mut out);
        } else {
            flush_list(&mut list, &mut out);
            para.push(line.to_string());
        }
    }
    flush_para(&mut para, &mut out);
    flush_list(&mut list, &mut out);
    html! { <div class="guide-body">{ for out }</div> }
}

/// Text with `inline code`.
pub(crate) fn render_inline(text: &str) -> Html {
    let parts: Vec<Html> = text
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part.to_string() }</code> }
            } else {
                html! { { part.to_string() } }
            }
        })
        .collect();
    html! { <>{ for parts }</> }
}
