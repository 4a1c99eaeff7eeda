//! The guide tab: the tutorial's current step (text, live check, hint), its controls (show
//! me, reset step, previous and next), the list of steps with their progress, and the
//! language switch.

use std::rc::Rc;

use yew::prelude::*;

use crate::tutorial::{self, Check, Lang};
use crate::ui::guide::Guide;

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

/// The UI's own words, in both languages.
fn ui(lang: Lang, ko: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ko => ko,
        Lang::En => en,
    }
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
        html! { <p class="guide-status done" role="status">{ui(lang, "✓ 완료했습니다.", "✓ Done.")}</p> }
    } else {
        match (&step.check, &g.outcome.hint) {
            (Check::Read, _) => {
                let onread = props.onread.clone();
                html! {
                    <button type="button" class="guide-read" onclick={Callback::from(move |_| onread.emit(()))}>
                        {ui(lang, "읽었습니다", "I've read this")}
                    </button>
                }
            }
            (_, Some(hint)) => {
                html! { <p class="guide-status hint" role="status">{render_inline(hint.get(lang))}</p> }
            }
            (_, None) => html! {
                <p class="guide-status waiting" role="status">
                    {ui(lang, "단계를 따라 해 보세요. 완료되면 자동으로 확인됩니다.", "Follow the step; it is checked automatically as you go.")}
                </p>
            },
        }
    };
    let onshowme = props.onshowme.clone();
    let onreset = props.onreset.clone();
    let confirm_text = ui(
        lang,
        "이 단계를 시작할 때의 파일과 데이터베이스로 되돌릴까요?",
        "Put the files and the database back as they were when this step began?",
    );
    let reset = Callback::from(move |_| {
        let ok = web_sys::window()
            .and_then(|w| w.confirm_with_message(confirm_text).ok())
            .unwrap_or(false);
        if ok {
            onreset.emit(());
        }
    });
    html! {
        <div class="guide" lang={ui(lang, "ko", "en")}>
            <div class="guide-top">
                <div class="langs" role="group" aria-label="Language / 언어">
                    { lang_button(Lang::Ko, "한국어") }
                    { lang_button(Lang::En, "English") }
                </div>
                <span class="muted">{format!("{completed} / {total}")}</span>
            </div>
            <progress class="guide-progress" max={total.to_string()} value={completed.to_string()}
                      aria-label={ui(lang, "진행률", "Progress")} />
            <section class="guide-step" aria-label={ui(lang, "현재 단계", "Current step")}>
                <h2>{format!("{}. {}", g.current + 1, step.title.get(lang))}</h2>
                { body(step.body.get(lang), &props.ontype, lang) }
                { status }
                <div class="guide-actions">
                    <button type="button" disabled={g.current == 0} onclick={go(g.current.saturating_sub(1))}>
                        {ui(lang, "← 이전", "← Back")}
                    </button>
                    if !step.show_me.is_empty() {
                        <button type="button" onclick={Callback::from(move |_| onshowme.emit(()))}>
                            {ui(lang, "보여 주기", "Show me")}
                        </button>
                    }
                    if !matches!(step.check, Check::Read) {
                        <button type="button" onclick={reset}>{ui(lang, "단계 초기화", "Reset step")}</button>
                    }
                    <button type="button" class={classes!(done.then_some("primary"))}
                            disabled={g.current + 1 >= total} onclick={go(g.current + 1)}>
                        {ui(lang, "다음 →", "Next →")}
                    </button>
                </div>
            </section>
            <details class="guide-steps">
                <summary>{ui(lang, "모든 단계", "All steps")}</summary>
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
fn body(text: &str, ontype: &Callback<String>, lang: Lang) -> Html {
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
                                                aria-label={format!("{}: {cmd}", ui(lang, "터미널에 입력", "Type in the terminal"))}
                                                onclick={Callback::from(move |_| ontype.emit(typed.clone()))}>
                                            {ui(lang, "입력", "Type")}
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
fn render_inline(text: &str) -> Html {
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
