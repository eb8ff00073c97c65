// Follows a PDF report being prepared in the background, then shows the download.
(function () {
  "use strict";
  const card = document.getElementById("report");
  if (!card || !window.fetch) return;
  const show = (id, on) => document.getElementById(id).classList.toggle("d-none", !on);
  let delay = 1000;

  function poll() {
    fetch(card.dataset.statusUrl, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then(function (data) {
        if (data.status === "done") {
          const link = document.getElementById("report-download");
          link.href = data.url;
          show("report-progress", false);
          show("report-download", true);
        } else if (data.status === "failed") {
          // The server's reason (failed, or interrupted by a stopped worker), then "try again".
          if (data.error) document.getElementById("report-error").textContent = data.error;
          show("report-progress", false);
          show("report-error", true);
          show("report-form", true);
        } else {
          setTimeout(poll, delay);
        }
      })
      .catch(function () { delay = Math.min(delay * 2, 15000); setTimeout(poll, delay); });
  }
  if (card.dataset.status === "pending" || card.dataset.status === "running") poll();
})();
