//! The project tree: folders and files of the workspace, each file a button that opens it, and
//! a toolbar that creates, renames and deletes files and folders. The toolbar acts on the
//! selected item (the open file, or a folder clicked in the tree); F2 renames and Delete deletes
//! from the keyboard; deleting asks first. Files that commands write appear on the next render,
//! since the state rebuilds the tree after every command.

use std::collections::BTreeSet;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::i18n;

use crate::fs;
use crate::ui::state::TreeNode;

#[derive(Properties, PartialEq)]
pub struct FileTreeProps {
    pub root_name: AttrValue,
    /// Absolute path of the project folder.
    pub root: AttrValue,
    pub nodes: Vec<TreeNode>,
    /// The open file.
    pub selected: Option<String>,
    /// Files changed since the last command.
    pub changed: BTreeSet<String>,
    pub onopen: Callback<String>,
    /// (path, is a folder)
    pub oncreate: Callback<(String, bool)>,
    pub onrename: Callback<(String, String)>,
    pub ondelete: Callback<String>,
}

/// What the panel asks for, if anything.
#[derive(Clone, PartialEq)]
enum Prompt {
    NewFile,
    NewFolder,
    Rename,
    ConfirmDelete,
}

#[function_component]
pub fn FileTree(props: &FileTreeProps) -> Html {
    let lang = i18n::use_lang();
    // A folder picked in the tree; otherwise the toolbar acts on the open file.
    let picked = use_state(|| None::<String>);
    let prompt = use_state(|| None::<Prompt>);
    let error = use_state(|| None::<String>);
    let input = use_node_ref();
    let confirm = use_node_ref();
    {
        // Opening another file (from the tree, a tab or a rename) moves the selection to it.
        let picked = picked.clone();
        use_effect_with(props.selected.clone(), move |_| picked.set(None));
    }
    {
        let (input, confirm) = (input.clone(), confirm.clone());
        use_effect_with((*prompt).clone(), move |prompt| match prompt {
            Some(Prompt::ConfirmDelete) => {
                if let Some(b) = confirm.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
            Some(_) => {
                if let Some(i) = input.cast::<HtmlInputElement>() {
                    let _ = i.focus();
                    i.select();
                }
            }
            None => {}
        });
    }

    let root = props.root.to_string();
    let target = (*picked)
        .clone()
        .or_else(|| props.selected.clone())
        .filter(|p| find(&props.nodes, p).is_some())
        .unwrap_or_else(|| root.clone());
    let target_is_dir =
        target == root || find(&props.nodes, &target).is_some_and(|n| n.children.is_some());
    let folder = if target_is_dir {
        target.clone()
    } else {
        fs::parent(&target).to_string()
    };
    let shown = |path: &str| relative(&root, path);

    let ask = |what: Prompt| {
        let (prompt, error) = (prompt.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            prompt.set(Some(what.clone()));
        })
    };
    let cancel = {
        let (prompt, error) = (prompt.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            prompt.set(None);
        })
    };
    // An embed may make the files read-only (src/ui/embed.rs): no toolbar, no F2 or Delete.
    let readonly = crate::ui::embed::options().readonly;
    let onkeydown = {
        let (prompt, error) = (prompt.clone(), error.clone());
        let has_target = target != root && !readonly;
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "F2" if has_target => {
                e.prevent_default();
                error.set(None);
                prompt.set(Some(Prompt::Rename));
            }
            "Delete" if has_target => {
                e.prevent_default();
                error.set(None);
                prompt.set(Some(Prompt::ConfirmDelete));
            }
            _ => {}
        })
    };
    let onsubmit = {
        let (prompt, error, input) = (prompt.clone(), error.clone(), input.clone());
        let (nodes, root) = (props.nodes.clone(), root.clone());
        let (oncreate, onrename) = (props.oncreate.clone(), props.onrename.clone());
        let (target, folder) = (target.clone(), folder.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(kind) = (*prompt).clone() else {
                return;
            };
            let value = input
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let checked = match kind {
                Prompt::Rename => {
                    check_name(&value, false, lang).map(|name| fs::join(fs::parent(&target), &name))
                }
                _ => check_name(&value, true, lang).map(|name| fs::join(&folder, &name)),
            };
            let path = match checked {
                Ok(path) if path == root || find(&nodes, &path).is_some() => {
                    error.set(Some(i18n::already_exists(&relative(&root, &path), lang)));
                    return;
                }
                Ok(path) => path,
                Err(message) => {
                    error.set(Some(message));
                    return;
                }
            };
            match kind {
                Prompt::NewFile => oncreate.emit((path, false)),
                Prompt::NewFolder => oncreate.emit((path, true)),
                Prompt::Rename => onrename.emit((target.clone(), path)),
                Prompt::ConfirmDelete => {}
            }
            error.set(None);
            prompt.set(None);
        })
    };
    let oninputkey = {
        let (prompt, error) = (prompt.clone(), error.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                error.set(None);
                prompt.set(None);
            }
        })
    };
    let ondelete = {
        let (prompt, ondelete, target) = (prompt.clone(), props.ondelete.clone(), target.clone());
        Callback::from(move |_: MouseEvent| {
            ondelete.emit(target.clone());
            prompt.set(None);
        })
    };

    let form = match (*prompt).clone() {
        None => html! {},
        Some(Prompt::ConfirmDelete) => html! {
            <div class="tree-prompt" role="alertdialog" aria-label={i18n::CONFIRM_DELETE.get(lang)}
                 aria-describedby="tree-delete-question" onkeydown={oninputkey.clone()}>
                <p id="tree-delete-question">
                    {i18n::delete_question(&shown(&target), target_is_dir, lang)}
                </p>
                <button type="button" class="danger" ref={confirm} onclick={ondelete}>{i18n::WS_YES_DELETE.get(lang)}</button>
                <button type="button" onclick={cancel.clone()}>{i18n::CANCEL.get(lang)}</button>
            </div>
        },
        Some(kind) => {
            let (label, action, value) = match kind {
                Prompt::NewFile => (
                    i18n::new_file_in(&shown(&folder), lang),
                    i18n::CREATE.get(lang),
                    String::new(),
                ),
                Prompt::NewFolder => (
                    i18n::new_folder_in(&shown(&folder), lang),
                    i18n::CREATE.get(lang),
                    String::new(),
                ),
                _ => (
                    i18n::rename_to(&shown(&target), lang),
                    i18n::WS_RENAME.get(lang),
                    target.rsplit('/').next().unwrap_or_default().to_string(),
                ),
            };
            html! {
                <form class="tree-prompt" {onsubmit}>
                    <label for="tree-name">{label}</label>
                    <input id="tree-name" type="text" ref={input} value={value} spellcheck="false"
                           autocomplete="off" aria-invalid={error.is_some().to_string()}
                           onkeydown={oninputkey} />
                    if let Some(message) = &*error {
                        <p class="tree-error" role="alert">{message.clone()}</p>
                    }
                    <button type="submit">{action}</button>
                    <button type="button" onclick={cancel}>{i18n::CANCEL.get(lang)}</button>
                </form>
            }
        }
    };

    let on_root = {
        let picked = picked.clone();
        let root = root.clone();
        Callback::from(move |_: MouseEvent| picked.set(Some(root.clone())))
    };
    let what = shown(&target);
    let has_target = target != root;
    html! {
        <nav class="file-tree" aria-label={i18n::PROJECT_FILES.get(lang)}>
            <h2 class="panel-title">{i18n::FILES.get(lang)}</h2>
            if !readonly {
            <div class="tree-toolbar" role="toolbar" aria-label={i18n::FILE_ACTIONS.get(lang)}>
                <button type="button" title={i18n::new_file_in(&shown(&folder), lang)}
                        onclick={ask(Prompt::NewFile)}>{i18n::NEW_FILE.get(lang)}</button>
                <button type="button" title={i18n::new_folder_in(&shown(&folder), lang)}
                        onclick={ask(Prompt::NewFolder)}>{i18n::NEW_FOLDER.get(lang)}</button>
                <button type="button" disabled={!has_target} title={i18n::rename_what(&what, lang)}
                        onclick={ask(Prompt::Rename)}>{i18n::WS_RENAME.get(lang)}</button>
                <button type="button" disabled={!has_target} title={i18n::delete_what(&what, lang)}
                        onclick={ask(Prompt::ConfirmDelete)}>{i18n::WS_DELETE.get(lang)}</button>
            </div>
            }
            { form }
            <ul role="tree" aria-label={props.root_name.clone()} {onkeydown}>
                <li role="treeitem" aria-expanded="true" class="folder">
                    <button type="button" class={classes!("folder-name", (target == root).then_some("picked"))}
                            onclick={on_root}>{format!("{}/", props.root_name)}</button>
                    <ul role="group">
                        { for props.nodes.iter().map(|node| render_node(node, props, &target, &picked, lang)) }
                    </ul>
                </li>
            </ul>
        </nav>
    }
}

fn render_node(
    node: &TreeNode,
    props: &FileTreeProps,
    target: &str,
    picked: &UseStateHandle<Option<String>>,
    lang: i18n::Lang,
) -> Html {
    match &node.children {
        Some(children) => {
            let onclick = {
                let (picked, path) = (picked.clone(), node.path.clone());
                Callback::from(move |_| picked.set(Some(path.clone())))
            };
            html! {
                <li role="treeitem" aria-expanded="true" class="folder" key={node.path.clone()}>
                    <button type="button" title={node.path.clone()} {onclick}
                            class={classes!("folder-name", (target == node.path).then_some("picked"))}>
                        {format!("{}/", node.name)}
                    </button>
                    <ul role="group">
                        { for children.iter().map(|child| render_node(child, props, target, picked, lang)) }
                    </ul>
                </li>
            }
        }
        None => {
            let selected = props.selected.as_deref() == Some(node.path.as_str());
            let changed = props.changed.contains(&node.path);
            let onclick = {
                let onopen = props.onopen.clone();
                let path = node.path.clone();
                Callback::from(move |_| onopen.emit(path.clone()))
            };
            html! {
                <li role="treeitem" aria-selected={selected.to_string()} key={node.path.clone()}>
                    <button type="button" class={classes!("file", selected.then_some("selected"), (target == node.path).then_some("picked"))}
                            title={node.path.clone()} {onclick}
                            aria-description={changed.then_some(i18n::CHANGED_SINCE.get(lang))}>
                        {&node.name}
                        if changed {
                            <span class="changed-mark" aria-hidden="true">{" ●"}</span>
                        }
                    </button>
                </li>
            }
        }
    }
}

/// `path` relative to the project folder, as the learner sees it.
fn relative(root: &str, path: &str) -> String {
    let rest = path
        .strip_prefix(root)
        .unwrap_or(path)
        .trim_start_matches('/');
    if rest.is_empty() {
        root.rsplit('/').next().unwrap_or(root).to_string()
    } else {
        rest.to_string()
    }
}

fn find<'a>(nodes: &'a [TreeNode], path: &str) -> Option<&'a TreeNode> {
    nodes.iter().find_map(|n| {
        if n.path == path {
            Some(n)
        } else {
            n.children.as_deref().and_then(|c| find(c, path))
        }
    })
}

/// A new name as typed: trimmed, and refused when it could not be a file name. New files may
/// name folders on the way (`pkg/__init__.py`); a rename keeps the item in its folder.
fn check_name(typed: &str, nested: bool, lang: i18n::Lang) -> Result<String, String> {
    let name = typed.trim().trim_matches('/');
    if name.is_empty() {
        return Err(i18n::NAME_EMPTY.get(lang).to_string());
    }
    if !nested && name.contains('/') {
        return Err(i18n::NAME_SLASH.get(lang).to_string());
    }
    if name
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == ".." || part.contains('\0'))
    {
        return Err(i18n::invalid_name(name, lang));
    }
    Ok(name.to_string())
}
