// The Certificates screen: while a batch runs, poll the counts by state and update the
// figures and the progress bar in place; when the batch has finished, reload the page so
// the list shows every certificate's final state. Without this script a <noscript> meta
// refresh reloads the page every few seconds while the batch runs.
(function () {
  "use strict";
  const panel = document.querySelector("[data-certificate-progress]");
  if (!panel || panel.dataset.running !== "true") return;
  const url = panel.dataset.progressUrl;
  const bar = panel.querySelector("progress");
  const percent = panel.querySelector("[data-percent]");
  const running = panel.querySelector("[data-when-running]");
  const done = panel.querySelector("[data-when-done]");
  const EVERY_MS = 1500;

  function show(data) {
    for (const key of ["total", "pending", "rendered", "sent", "failed", "revoked"]) {
      const figure = panel.querySelector(`[data-count="${key}"]`);
      if (figure) figure.textContent = String(data[key]);
    }
    if (bar) {
      bar.max = Math.max(data.total, 1);
      bar.value = data.sent + data.failed;
      bar.textContent = `${data.percent}%`;
    }
    if (percent) percent.textContent = `${data.percent}%`;
  }

  async function poll() {
    try {
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.ok) {
        const data = await response.json();
        show(data);
        if (data.done) {
          running.hidden = true;
          done.hidden = false;
          window.location.reload();
          return;
        }
      }
    } catch (error) {
      // A network hiccup: try again at the next tick.
    }
    window.setTimeout(poll, EVERY_MS);
  }

  window.setTimeout(poll, EVERY_MS);
})();
