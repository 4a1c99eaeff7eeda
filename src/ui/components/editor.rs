//! The editor area: the open file's name and its text. A plain text area until the code
//! editor arrives with the UI issue; it already writes every change through to the workspace.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// Path shown in the tab, relative to the project.
    pub name: Option<AttrValue>,
    pub path: Option<AttrValue>,
    pub text: Option<AttrValue>,
    pub onchange: Callback<(String, String)>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let (Some(name), Some(path), Some(text)) = (&props.name, &props.path, &props.text) else {
        return html! {
            <section class="editor" aria-label="Editor">
                <p class="placeholder">{"Open a file from the tree to edit it."}</p>
            </section>
        };
    };
    let oninput = {
        let onchange = props.onchange.clone();
        let path = path.to_string();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            onchange.emit((path.clone(), area.value()));
        })
    };
    html! {
        <section class="editor" aria-label="Editor">
            <div class="tabs" role="tablist" aria-label="Open files">
                <span role="tab" aria-selected="true" class="tab">{name.clone()}</span>
            </div>
            <textarea class="code" spellcheck="false" wrap="off" aria-label={format!("Editor: {name}")}
                      value={text.clone()} {oninput} />
        </section>
    }
}
