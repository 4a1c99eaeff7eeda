//! The presenter view: the workspace's share link as a large QR code with the link beside it,
//! for an instructor's projector, so thirty laptops open the same state. A modal dialog:
//! focus moves into it, Escape or Close shut it.

use yew::prelude::*;

use crate::ui::i18n;
use crate::workspace::qr;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The share link, or why there is none.
    pub url: Result<AttrValue, AttrValue>,
    pub name: AttrValue,
    pub onclose: Callback<()>,
}

#[function_component]
pub fn Presenter(props: &Props) -> Html {
    let lang = i18n::use_lang();
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with((), move |_| {
            if let Some(b) = close_button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let onkeydown = {
        let close = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let onclose = {
        let close = props.onclose.clone();
        Callback::from(move |_: MouseEvent| close.emit(()))
    };
    let body = match &props.url {
        Err(why) => html! { <p role="alert">{why.to_string()}</p> },
        Ok(url) => match qr::encode(url) {
            None => html! {
                <p role="alert">{i18n::qr_too_long(url.len(), lang)}</p>
            },
            Some(code) => {
                let view = format!("0 0 {0} {0}", code.size);
                html! {
                    <>
                        <svg class="qr" viewBox={view} role="img"
                             aria-label={i18n::qr_label(url.len(), lang)}
                             shape-rendering="crispEdges">
                            <rect class="qr-light" width={code.size.to_string()} height={code.size.to_string()} />
                            <path class="qr-dark" d={code.path} />
                        </svg>
                        <p class="presenter-hint">{i18n::PRESENTER_HINT.get(lang)}</p>
                        <p class="presenter-link"><code>{url.to_string()}</code></p>
                    </>
                }
            }
        },
    };
    html! {
        <div class="modal-backdrop presenter">
            <div class="presenter-dialog" role="dialog" aria-modal="true" aria-label={i18n::PRESENTER_VIEW.get(lang)}
                 {onkeydown}>
                <div class="dialog-head">
                    <h2>{i18n::presenter_title(&props.name, lang)}</h2>
                    <button type="button" class="dialog-close" ref={close_button}
                            aria-label={i18n::CLOSE.get(lang)} onclick={onclose}>
                        <span aria-hidden="true">{"×"}</span>
                    </button>
                </div>
                {body}
            </div>
        </div>
    }
}
