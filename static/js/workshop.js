// Reloads the workshop view every few seconds while it is on the projector. A script
// rather than <meta http-equiv="refresh">: it waits while someone is using the page
// (keyboard focus on a link or control, text selected, tab hidden), so focus and
// reading place are never pulled back to the top. ?refresh=0 turns it off.
(function () {
  "use strict";
  const view = document.querySelector("[data-refresh]");
  const seconds = view ? parseInt(view.dataset.refresh, 10) : 0;
  if (!seconds || seconds < 1) return;

  function busy() {
    const active = document.activeElement;
    const selection = window.getSelection ? String(window.getSelection()) : "";
    return document.hidden || (active && active !== document.body) || selection.length > 0;
  }
  setInterval(function () {
    if (!busy()) window.location.reload();
  }, seconds * 1000);
})();
