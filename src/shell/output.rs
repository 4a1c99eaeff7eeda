//! What a terminal line produced: ordered writes to stdout and stderr, and an exit code.

/// The two output streams a terminal shows, which the playground keeps apart (stderr is
/// where Alembic's `INFO  [...]` lines and Python tracebacks go).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One thing the terminal should do, in the order it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Write {
        stream: Stream,
        text: String,
    },
    /// `clear`: the browser empties its terminal; the native CLI prints the escape codes.
    Clear,
    /// `alembic edit`: open this file in the playground's editor (the native CLI has none).
    Open(String),
}

/// The result of one terminal line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    pub events: Vec<Event>,
    pub exit_code: i32,
    /// `alembic -q` is running: Alembic's own messages to stdout (`stdout`) are dropped,
    /// while what Python printed and offline SQL (`stdout_always`) still show.
    pub quiet: bool,
    /// Every statement the line ran against the project's database files, in order (the UI's
    /// SQL log; the native CLI prints nothing of it). Scratch copies are not in it.
    pub sql_log: Vec<crate::db::LoggedStatement>,
    /// Where each write also goes the moment it is made: the browser's worker passes a long
    /// command's output on to the page while the command still runs.
    pub live: Option<Live>,
}

/// What receives a write: the stream and the text.
pub type LiveFn = dyn Fn(Stream, &str);

/// A receiver of writes as they happen (see [`Output::live`]).
#[derive(Clone)]
pub struct Live(pub std::rc::Rc<LiveFn>);

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Live(..)")
    }
}

// Two outputs are equal whatever watches them: the receiver is not part of what was written.
impl PartialEq for Live {
    fn eq(&self, _: &Live) -> bool {
        true
    }
}
impl Eq for Live {}

impl Output {
    pub fn stdout(&mut self, text: impl Into<String>) {
        if self.quiet {
            return;
        }
        self.write(Stream::Stdout, text.into());
    }

    /// Stdout that `alembic -q` does not silence.
    pub fn stdout_always(&mut self, text: impl Into<String>) {
        self.write(Stream::Stdout, text.into());
    }

    pub fn stderr(&mut self, text: impl Into<String>) {
        self.write(Stream::Stderr, text.into());
    }

    /// What a script printed to stdout (never silenced by `-q`); `streamed` when [`live`]
    /// saw it as it was printed, so it is not passed on twice.
    ///
    /// [`live`]: Output::live
    pub fn stdout_printed(&mut self, text: String, streamed: bool) {
        self.write_printed(Stream::Stdout, text, streamed);
    }

    /// What a script printed to stderr (see [`stdout_printed`](Output::stdout_printed)).
    pub fn stderr_printed(&mut self, text: String, streamed: bool) {
        self.write_printed(Stream::Stderr, text, streamed);
    }

    fn write_printed(&mut self, stream: Stream, text: String, streamed: bool) {
        let live = if streamed { self.live.take() } else { None };
        self.write(stream, text);
        if live.is_some() {
            self.live = live;
        }
    }

    fn write(&mut self, stream: Stream, text: String) {
        if text.is_empty() {
            return;
        }
        if let Some(live) = &self.live {
            (live.0)(stream, &text);
        }
        // Consecutive writes to one stream merge, so the event list stays one entry per run of
        // output and tests compare whole texts.
        if let Some(Event::Write {
            stream: last,
            text: acc,
        }) = self.events.last_mut()
        {
            if *last == stream {
                acc.push_str(&text);
                return;
            }
        }
        self.events.push(Event::Write { stream, text });
    }

    /// Everything written to one stream, in order.
    pub fn text(&self, stream: Stream) -> String {
        self.events
            .iter()
            .filter_map(|event| match event {
                Event::Write { stream: s, text } if *s == stream => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}
