//! The project tree: folders and files of the workspace, each file a button that opens it.

use yew::prelude::*;

use crate::ui::state::TreeNode;

#[derive(Properties, PartialEq)]
pub struct FileTreeProps {
    pub root_name: AttrValue,
    pub nodes: Vec<TreeNode>,
    pub selected: Option<String>,
    pub onopen: Callback<String>,
}

#[function_component]
pub fn FileTree(props: &FileTreeProps) -> Html {
    html! {
        <nav class="file-tree" aria-label="Project files">
            <h2 class="panel-title">{"Files"}</h2>
            <ul role="tree" aria-label={props.root_name.clone()}>
                <li role="treeitem" aria-expanded="true" class="folder">
                    <span class="folder-name">{format!("{}/", props.root_name)}</span>
                    <ul role="group">
                        { for props.nodes.iter().map(|node| render_node(node, props)) }
                    </ul>
                </li>
            </ul>
        </nav>
    }
}

fn render_node(node: &TreeNode, props: &FileTreeProps) -> Html {
    match &node.children {
        Some(children) => html! {
            <li role="treeitem" aria-expanded="true" class="folder" key={node.path.clone()}>
                <span class="folder-name">{format!("{}/", node.name)}</span>
                <ul role="group">
                    { for children.iter().map(|child| render_node(child, props)) }
                </ul>
            </li>
        },
        None => {
            let selected = props.selected.as_deref() == Some(node.path.as_str());
            let onclick = {
                let onopen = props.onopen.clone();
                let path = node.path.clone();
                Callback::from(move |_| onopen.emit(path.clone()))
            };
            html! {
                <li role="treeitem" aria-selected={selected.to_string()} key={node.path.clone()}>
                    <button type="button" class={classes!("file", selected.then_some("selected"))}
                            title={node.path.clone()} {onclick}>
                        {&node.name}
                    </button>
                </li>
            }
        }
    }
}
