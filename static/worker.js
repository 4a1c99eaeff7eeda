// The playground's worker: runs the terminal lines that take a while (Alembic, python) on a
// copy of the workspace, so the page stays responsive and Ctrl-C can stop them
// (src/workspace/job.rs is the engine's side, src/ui/worker.rs and static/jobs.js the page's).
// A template: tools/trunk-post-build.mjs fills in this build's wasm-bindgen glue and wasm and
// writes it as `worker-<hash>.js`. It loads the same wasm as the page, whose start function
// sees no `window` here and mounts nothing.
import init, { run_job } from "./__GLUE__";

// A wasm that cannot load here (no memory for a second instance, say) is reported, so the
// page runs lines itself instead of waiting for this worker forever.
const ready = init({ module_or_path: "./__WASM__" }).then(
  () => postMessage({ ready: true }),
  (error) => postMessage({ startFailed: String((error && error.message) || error) }),
);

onmessage = async (event) => {
  const { id, request } = event.data;
  await ready;
  try {
    const result = run_job(request, (stream, text) => postMessage({ id, live: [stream, text] }));
    postMessage({ id, result }, [result.buffer]);
  } catch (error) {
    // A trap in the engine (a bug, never the learner's code) leaves this instance unusable:
    // say so and stop; the page starts a fresh worker.
    postMessage({ id, failed: self.playgroundPanic || String((error && error.message) || error) });
    close();
  }
};
