//! Terminal lines that run in a worker (src/workspace/job.rs): the worker's entry point, and
//! the page's side that posts a job and hears back (through static/jobs.js).
//!
//! The same wasm runs in both places. In the worker only [`run_job`] is ever called; the page
//! never runs a job itself unless the browser could not start the worker.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::shell::{Live, Stream};

#[wasm_bindgen(module = "/static/jobs.js")]
extern "C" {
    #[wasm_bindgen(js_name = startWorker)]
    fn start_worker() -> bool;
    #[wasm_bindgen(js_name = jobsAvailable)]
    fn jobs_available() -> bool;
    #[wasm_bindgen(js_name = submitJob)]
    fn submit_job(
        id: u32,
        request: Vec<u8>,
        on_live: &JsValue,
        on_done: &JsValue,
        on_fail: &JsValue,
    );
    #[wasm_bindgen(js_name = cancelJob)]
    fn cancel_job(id: u32);
}

/// Typed in the terminal, panics in the worker, so that the end-to-end test can prove a crash
/// there costs the learner nothing (tests/e2e/worker.test.mjs); the engine never panics on input.
pub const CRASH_TEST: &str = "alembic-playground crash-test worker";

/// The worker's entry: runs one job's request and returns its result. `live(stream, text)` is
/// called with each write as it is made (0 stdout, 1 stderr).
#[wasm_bindgen]
pub fn run_job(request: &[u8], live: js_sys::Function) -> Vec<u8> {
    // A panic ends this instance; its message goes where static/worker.js looks for it, so
    // the page can say what broke.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = JsValue::from_str(&info.to_string());
        let _ = js_sys::Reflect::set(&js_sys::global(), &"playgroundPanic".into(), &message);
    }));
    if crate::workspace::job::line_of(request).is_some_and(|l| l.trim() == CRASH_TEST) {
        panic!("crash test requested from the terminal, in the worker");
    }
    let sink = Live(std::rc::Rc::new(move |stream, text: &str| {
        let stream = JsValue::from(u32::from(stream == Stream::Stderr));
        let _ = live.call2(&JsValue::NULL, &stream, &JsValue::from_str(text));
    }));
    crate::workspace::job::run(request, Box::new(super::clock::BrowserClock), Some(sink))
}

/// Starts the worker, so that it has loaded before the first command.
pub fn start() {
    start_worker();
}

/// Whether commands go to the worker (false in the in-browser tests' page, which has none, and
/// in a browser that could not start it).
pub fn available() -> bool {
    jobs_available()
}

/// What the worker said about a job.
pub enum Report {
    Live(Stream, String),
    Done(Vec<u8>),
    /// `ran`: the job was running when the worker failed (else the worker never started).
    Failed {
        ran: bool,
        message: String,
    },
}

type Callbacks = Vec<Closure<dyn FnMut(JsValue, JsValue)>>;

thread_local! {
    // The callbacks of the current job and of the one before it. A job's callbacks live until
    // the job after next, so that nothing static/jobs.js may still call, however late, has
    // been freed.
    static CALLBACKS: RefCell<(Callbacks, Callbacks)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// Posts job `id`; `report` hears what becomes of it.
pub fn submit(id: u32, request: Vec<u8>, report: impl Fn(Report) + Clone + 'static) {
    let live = {
        let report = report.clone();
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |stream: JsValue, text: JsValue| {
            let stream = if stream.as_f64() == Some(1.0) {
                Stream::Stderr
            } else {
                Stream::Stdout
            };
            report(Report::Live(stream, text.as_string().unwrap_or_default()));
        })
    };
    let done = {
        let report = report.clone();
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |bytes: JsValue, _: JsValue| {
            report(Report::Done(js_sys::Uint8Array::new(&bytes).to_vec()));
        })
    };
    let fail =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |ran: JsValue, message: JsValue| {
            report(Report::Failed {
                ran: ran.as_bool().unwrap_or(true),
                message: message.as_string().unwrap_or_default(),
            });
        });
    submit_job(id, request, live.as_ref(), done.as_ref(), fail.as_ref());
    CALLBACKS.with(|c| {
        let mut c = c.borrow_mut();
        c.0 = std::mem::replace(&mut c.1, vec![live, done, fail]);
    });
}

/// Stops job `id` if it is still running.
pub fn cancel(id: u32) {
    cancel_job(id);
}
