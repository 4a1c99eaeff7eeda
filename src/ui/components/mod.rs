//! One component per file; each takes plain data and `on<verb>` callbacks in its props.

pub mod editor;
pub mod file_tree;
pub mod side_panels;
pub mod terminal;
