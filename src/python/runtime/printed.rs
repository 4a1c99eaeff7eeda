//! What a running script prints, in order, each piece marked stdout or stderr, and handed to
//! a watcher the moment it is printed (the browser's worker streams a long `alembic upgrade`'s
//! log lines to the page while later steps still run).

use crate::shell::{Live, Stream};

#[derive(Default)]
pub struct Printed {
    items: Vec<(bool, String)>,
    /// Sees each piece as it is pushed.
    pub live: Option<Live>,
}

impl Printed {
    /// Adds a piece: `(is_stderr, text)`.
    pub fn push(&mut self, (stderr, text): (bool, String)) {
        if let Some(live) = &self.live {
            let stream = if stderr {
                Stream::Stderr
            } else {
                Stream::Stdout
            };
            (live.0)(stream, &text);
        }
        self.items.push((stderr, text));
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether a watcher has seen every piece already.
    pub fn streamed(&self) -> bool {
        self.live.is_some()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, (bool, String)> {
        self.items.iter()
    }

    pub fn into_vec(self) -> Vec<(bool, String)> {
        self.items
    }
}

impl IntoIterator for Printed {
    type Item = (bool, String);
    type IntoIter = std::vec::IntoIter<(bool, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}
