//! A workshop exercise at the top of the Guide tab: its title and text, each goal with a live
//! mark, hints one at a time, and the problems in `EXERCISE.md` with their line numbers (for
//! the instructor writing it).

use std::rc::Rc;

use yew::prelude::*;

use super::guide_panel::{body, render_inline};
use crate::ui::exercise::ExerciseState;
use crate::ui::i18n::{self, use_lang};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: Rc<ExerciseState>,
    pub onhint: Callback<()>,
    pub ontype: Callback<String>,
}

#[function_component]
pub fn ExercisePanel(props: &Props) -> Html {
    let lang = use_lang();
    let Some(ex) = &props.state.exercise else {
        return html! {};
    };
    let met = &props.state.met;
    let done = met.iter().filter(|m| **m).count();
    let all = !ex.goals.is_empty() && done == ex.goals.len();
    let shown = props.state.hints_shown.min(ex.hints.len());
    let onhint = {
        let onhint = props.onhint.clone();
        Callback::from(move |_| onhint.emit(()))
    };
    html! {
        <section class="exercise" aria-label={i18n::EX_EXERCISE.get(lang)}>
            <h2>{ if ex.title.is_empty() { i18n::EX_EXERCISE.get(lang).to_string() } else { ex.title.clone() } }</h2>
            { body(&ex.body, &props.ontype, lang) }
            if !ex.goals.is_empty() {
                <h3>{format!("{} ({done} / {})", i18n::EX_GOALS.get(lang), ex.goals.len())}</h3>
                <ul class="exercise-goals" aria-label={i18n::EX_GOALS.get(lang)}>
                    { for ex.goals.iter().zip(met.iter().chain(std::iter::repeat(&false))).map(|(g, m)| html! {
                        <li class={classes!(m.then_some("met"))} data-met={m.to_string()}>
                            <span class="mark" aria-hidden="true">{ if *m { "✓" } else { "○" } }</span>
                            <span class="visually-hidden">{ if *m { i18n::EX_MET.get(lang) } else { i18n::EX_NOT_YET.get(lang) } }</span>
                            { render_inline(&g.text) }
                        </li>
                    }) }
                </ul>
            }
            if all {
                <p class="exercise-done" role="status">{i18n::EX_ALL_MET.get(lang)}</p>
            }
            if !ex.hints.is_empty() {
                <ol class="exercise-hints" aria-label={i18n::EX_HINTS.get(lang)}>
                    { for ex.hints.iter().take(shown).map(|h| html! { <li>{ render_inline(h) }</li> }) }
                </ol>
                if shown < ex.hints.len() {
                    <button type="button" onclick={onhint}>
                        {format!("{} ({} / {})", i18n::EX_SHOW_HINT.get(lang), shown + 1, ex.hints.len())}
                    </button>
                }
            }
            if !ex.diagnostics.is_empty() {
                <div class="exercise-problems" role="alert">
                    <p>{format!("{}{}", crate::tutorial::exercise::FILE_NAME, i18n::EX_PROBLEMS.get(lang))}</p>
                    <ul>
                        { for ex.diagnostics.iter().map(|d| html! {
                            <li>{i18n::ex_line(d.line, lang)}{ render_inline(&d.message) }</li>
                        }) }
                    </ul>
                </div>
            }
        </section>
    }
}
