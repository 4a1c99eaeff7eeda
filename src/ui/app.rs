//! The app shell: header, file tree, editor, terminal and side panels, wired to the state.

use yew::prelude::*;

use crate::ui::components::editor::{Editor, EditorTab};
use crate::ui::components::file_tree::FileTree;
use crate::ui::components::settings_bar::SettingsBar;
use crate::ui::components::shortcuts::Shortcuts;
use crate::ui::components::side_panels::SidePanels;
use crate::ui::components::terminal::Terminal;
use crate::ui::components::workbench::Workbench;
use crate::ui::layout::{Prefs, PrefsHandle};
use crate::ui::state::{Action, Playground, PROJECT_ROOT};
use crate::{db, ALEMBIC_VERSION};

/// How long typing must pause before the pending changes are recomputed.
const PENDING_DEBOUNCE_MS: u32 = 300;

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(crate::ui::storage::initial);
    crate::ui::storage::use_autosave(&state);
    // Theme, the phone's region and the shortcuts overlay (src/ui/layout.rs).
    let prefs = use_reducer(Prefs::load);

    // A line for the worker: posted when it starts running; stopped if it is still running when
    // it stops being the running line (Ctrl-C, a workspace switch).
    {
        let job = state
            .running
            .as_ref()
            .map(|r| (r.id, std::rc::Rc::clone(&r.request)));
        let dispatcher = state.dispatcher();
        use_effect_with(job.as_ref().map(|(id, _)| *id), move |id| {
            // Taken, not copied: the request is a whole copy of the workspace.
            if let Some((id, request)) = job {
                if let Some(request) = request.borrow_mut().take() {
                    crate::ui::worker::submit(id, request, move |report| {
                        dispatcher.dispatch(Action::JobReport { id, report })
                    });
                }
            }
            let id = *id;
            move || {
                if let Some(id) = id {
                    crate::ui::worker::cancel(id);
                }
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.pending_due, move |due| {
            // After this render has been painted.
            let timer = (*due > 0).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    dispatcher.dispatch(Action::RefreshPending)
                })
            });
            move || drop(timer)
        });
    }
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
    let relative = |path: &str| {
        path.strip_prefix(PROJECT_ROOT)
            .unwrap_or(path)
            .trim_start_matches('/')
            .to_string()
    };
    // A file opened some other way (a restored workspace) still gets a tab.
    let shown = open.iter().filter(|path| !state.tabs.contains(path));
    let tabs: Vec<EditorTab> = state
        .tabs
        .iter()
        .chain(shown)
        .map(|path| EditorTab {
            path: path.clone(),
            name: relative(path),
            changed: state.changed.contains(path),
        })
        .collect();
    // The file tree's and the tabs' actions go straight to the reducer.
    let act = |f: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |path: String| state.dispatch(f(path)))
    };
    let oncreate = {
        let state = state.clone();
        Callback::from(move |(path, folder)| state.dispatch(Action::Create { path, folder }))
    };
    let onrename = {
        let state = state.clone();
        Callback::from(move |(from, to)| state.dispatch(Action::Rename { from, to }))
    };

    let open_attr = open.clone().map(AttrValue::from);
    // Embed mode's compact page (static/style.css keys on the attribute).
    let embed = crate::ui::embed::options();
    use_effect_with(embed.on, |on| {
        if *on {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("data-embed", "");
            }
        }
    });
    // The UI language is the guide's: one setting for the whole page (src/ui/i18n/).
    html! {
        <ContextProvider<crate::tutorial::Lang> context={state.guide.lang}>
        <ContextProvider<PrefsHandle> context={prefs}>
        <ContextProvider<Busy> context={Busy(state.busy())}>
        <div class="app">
            <header class="app-header">
                <h1>{"Alembic Playground"}</h1>
                <p class="versions">
                    {format!("Alembic {ALEMBIC_VERSION} · SQLite {}", db::sqlite_version())}
                </p>
                <crate::ui::components::workspace_bar::WorkspaceBar />
                <crate::ui::components::undo_button::UndoButton data={state.data.clone()}
                                                               onundo={guide_cb(&state, |()| Action::Undo)} />
                <SettingsBar onlang={guide_cb(&state, Action::GuideLang)} />
            </header>
            <Workbench typed={state.typed.0} open_file={open_attr} files={html! {
                <FileTree root_name="fastapi_template" root={PROJECT_ROOT} nodes={state.tree.clone()}
                          selected={open.clone()} changed={state.changed.clone()} {onopen}
                          {oncreate} {onrename} ondelete={act(Action::Delete)} />
            }} editor={html! {
                <Editor {tabs} path={open.map(AttrValue::from)} text={text.map(AttrValue::from)}
                        {onchange} onselect={act(Action::OpenFile)} onclose={act(Action::CloseTab)} />
            }} panels={html! {
                <SidePanels schema={state.schema.clone()} history={state.history_graph.clone()}
                            pending={state.pending.clone()} guide={state.guide.clone()}
                            exercise={state.exercise.clone()} onhint={guide_cb(&state, |()| Action::ExerciseHint)}
                            onlang={guide_cb(&state, Action::GuideLang)}
                            ongo={guide_cb(&state, Action::GuideGo)}
                            onread={guide_cb(&state, |()| Action::GuideRead)}
                            onshowme={guide_cb(&state, |()| Action::GuideShowMe)}
                            onreset={guide_cb(&state, |()| Action::GuideReset)}
                            ontype={guide_cb(&state, Action::TypeLine)}
                            onrun={guide_cb(&state, Action::RunLine)}
                            data={state.data.clone()} onsql={guide_cb(&state, Action::RunSql)}
                            onbrowse={guide_cb(&state, |(table, page)| Action::Browse { table, page })} />
            }} terminal={html! {
                <Terminal lines={state.terminal.clone()} prompt={state.prompt()}
                          running={state.running.clone()} queued={state.queued.clone()}
                          history={state.history.clone()} {onrun} {onclear}
                          fill={(state.typed.0, AttrValue::from(state.typed.1.clone()))}
                          complete={{
                              let state = state.clone();
                              Callback::from(move |line: String| state.complete(&line))
                          }}
                          onlist={guide_cb(&state, |(line, candidates)| Action::ShowCompletions { line, candidates })}
                          oninterrupt={guide_cb(&state, Action::Interrupt)} />
            }} />
            <Shortcuts onshowme={guide_cb(&state, |()| Action::GuideShowMe)}
                       onlang={guide_cb(&state, Action::GuideLang)} />
        </div>
        </ContextProvider<Busy>>
        </ContextProvider<PrefsHandle>>
        </ContextProvider<crate::tutorial::Lang>>
    }
}

/// Whether a line is running in the worker, for the controls that wait for it (undo, the SQL
/// console).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Busy(pub bool);

/// A callback that dispatches the action `f` makes of its argument.
fn guide_cb<T: 'static>(
    state: &UseReducerHandle<Playground>,
    f: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v: T| state.dispatch(f(v)))
}
