// Startup guard, loaded before the wasm: shows a readable message instead of an endless
// spinner when the browser cannot run the playground. An external file, because the
// Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var started = false;

  function fail(reason) {
    if (started) return;
    var show = function () {
      var loading = document.getElementById("loading");
      var box = document.getElementById("boot-error");
      if (loading) loading.hidden = true;
      if (box) {
        box.hidden = false;
        if (reason) document.getElementById("boot-error-reason").textContent = reason;
      }
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", show);
    } else {
      show();
    }
  }

  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("This browser does not support WebAssembly, which the playground is built on.");
    return;
  }
  window.addEventListener("TrunkApplicationStarted", function () {
    started = true;
  });
  window.addEventListener("error", function (event) {
    fail("Loading failed: " + (event.message || "a script could not be loaded") + ".");
  });
  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    fail("Loading failed: " + (reason && reason.message ? reason.message : String(reason)) + ".");
  });
})();
