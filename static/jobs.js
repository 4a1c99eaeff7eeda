// The page's side of the worker (static/worker.js): starts it, posts a job's request bytes,
// passes its live output on at most every 100 ms (each pass re-renders the page), and delivers
// the result. Ctrl-C terminates the worker mid-job and starts a fresh one. It moves bytes and
// nothing else; src/ui/worker.rs binds these through wasm-bindgen.

const LIVE_EVERY_MS = 100;

let url = null;
let worker = null;
// "none" before start, then "starting" until the worker has loaded the wasm, "ready", or
// "failed" when this browser cannot run it (jobs then run on the page, as before workers).
let state = "none";
let current = null;

function spawn() {
  try {
    worker = new Worker(url, { type: "module" });
  } catch (error) {
    console.warn("playground: no worker, commands run on the page:", error);
    state = "failed";
    worker = null;
    return;
  }
  state = "starting";
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.ready) {
      state = "ready";
      return;
    }
    if (m.startFailed) {
      neverStarted(m.startFailed);
      return;
    }
    if (!current || m.id !== current.id) return;
    if (m.live) {
      const job = current;
      job.pending.push(m.live);
      if (!job.timer) job.timer = setTimeout(() => flush(job), LIVE_EVERY_MS);
    } else if (m.result) {
      const job = finish();
      flush(job);
      job.onDone(m.result);
    } else if (m.failed) {
      const job = finish();
      flush(job);
      job.onFail(true, m.failed);
      restart();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (state !== "ready") {
      neverStarted(event.message || "the worker did not start");
      return;
    }
    const job = finish();
    if (job) job.onFail(true, event.message || "the worker stopped");
    restart();
  };
}

// It never loaded (no module workers, the script or the wasm missing, no memory for it): this
// job and every later one run on the page.
function neverStarted(why) {
  console.warn("playground: the worker did not start, commands run on the page:", why);
  const job = finish();
  state = "failed";
  if (worker) worker.terminate();
  worker = null;
  if (job) job.onFail(false, why);
}

function finish() {
  const job = current;
  current = null;
  if (job && job.timer) clearTimeout(job.timer);
  return job;
}

function flush(job) {
  if (!job) return;
  job.timer = null;
  // Consecutive writes to one stream go over as one piece.
  let stream = null;
  let text = "";
  for (const [s, t] of job.pending) {
    if (s !== stream && text) {
      job.onLive(stream, text);
      text = "";
    }
    stream = s;
    text += t;
  }
  if (text) job.onLive(stream, text);
  job.pending = [];
}

function restart() {
  if (worker) worker.terminate();
  spawn();
}

/** Starts the worker named by the page's `playground-worker` meta tag; false when there is none. */
export function startWorker() {
  if (state !== "none") return state !== "failed";
  const meta = document.querySelector('meta[name="playground-worker"]');
  if (!meta || typeof Worker !== "function") {
    state = "failed";
    return false;
  }
  url = new URL(meta.content, document.baseURI).href;
  spawn();
  return state !== "failed";
}

/** Whether jobs can go to the worker (it may still be loading; they wait for it there). */
export function jobsAvailable() {
  return state === "starting" || state === "ready";
}

/** Posts a job. `onLive(stream, text)`: 0 stdout, 1 stderr; `onDone(Uint8Array)`;
 * `onFail(ran, message)`: `ran` false when the worker could not start at all. */
export function submitJob(id, bytes, onLive, onDone, onFail) {
  if (current) cancelJob(current.id);
  if (!worker) {
    onFail(false, "no worker");
    return;
  }
  current = { id, onLive, onDone, onFail, pending: [], timer: null };
  worker.postMessage({ id, request: bytes }, [bytes.buffer]);
}

/** Stops job `id` if it is still running: the worker is terminated and a fresh one started. */
export function cancelJob(id) {
  if (!current || current.id !== id) return;
  finish();
  restart();
}
