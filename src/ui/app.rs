//! The app shell: header, file tree, editor, terminal and side panels, wired to the state.

use yew::prelude::*;

use crate::ui::components::editor::Editor;
use crate::ui::components::file_tree::FileTree;
use crate::ui::components::side_panels::SidePanels;
use crate::ui::components::terminal::Terminal;
use crate::ui::state::{Action, Playground, PROJECT_ROOT};
use crate::{db, ALEMBIC_VERSION};

/// How long typing must pause before the pending changes are recomputed.
const PENDING_DEBOUNCE_MS: u32 = 300;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(Playground::default);

    let onrun = {
        let state = state.clone();
        Callback::from(move |line: String| state.dispatch(Action::RunLine(line)))
    };
    let onclear = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::ClearTerminal))
    };
    let onopen = {
        let state = state.clone();
        Callback::from(move |path: String| state.dispatch(Action::OpenFile(path)))
    };
    // The pending check runs once typing pauses, not on every keystroke.
    let debounce = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let onchange = {
        let state = state.clone();
        Callback::from(move |(path, text): (String, String)| {
            state.dispatch(Action::EditFile { path, text });
            let state = state.clone();
            // Replacing the timeout drops (cancels) the one before it.
            *debounce.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                PENDING_DEBOUNCE_MS,
                move || state.dispatch(Action::RefreshPending),
            ));
        })
    };

    let open = state.open_file.clone();
    let text = open.as_deref().and_then(|path| state.read_file(path));
    let name = open.as_deref().map(|path| {
        path.strip_prefix(PROJECT_ROOT)
            .unwrap_or(path)
            .trim_start_matches('/')
            .to_string()
    });

    html! {
        <div class="app">
            <header class="app-header">
                <h1>{"Alembic Playground"}</h1>
                <p class="versions">
                    {format!("Alembic {ALEMBIC_VERSION} · SQLite {}", db::sqlite_version())}
                </p>
            </header>
            <main class="workbench">
                <FileTree root_name="fastapi_template" nodes={state.tree.clone()}
                          selected={open.clone()} {onopen} />
                <Editor name={name.map(AttrValue::from)} path={open.map(AttrValue::from)}
                        text={text.map(AttrValue::from)} {onchange} />
                <SidePanels schema={state.schema.clone()} history={state.history_graph.clone()}
                            pending={state.pending.clone()} />
                <Terminal lines={state.terminal.clone()} prompt={state.prompt()}
                          history={state.history.clone()} {onrun} {onclear} />
            </main>
        </div>
    }
}
