//! One component per file; each takes plain data and `on<verb>` callbacks in its props.

pub mod data_panel;
pub mod editor;
pub mod er_diagram;
pub mod exercise_panel;
pub mod file_tree;
pub mod guide_panel;
pub mod history_panel;
pub mod presenter;
pub mod revision_detail;
pub mod schema_panel;
pub mod settings_bar;
pub mod shortcuts;
pub mod side_panels;
pub mod sql_console;
pub mod sql_log;
pub mod table_rows;
pub mod terminal;
pub mod undo_button;
pub mod workbench;
pub mod workspace_bar;
