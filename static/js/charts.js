// Draws every Plotly figure embedded as JSON in the page (no inline script).
(function () {
  "use strict";
  document.querySelectorAll("[data-figure]").forEach(function (el) {
    const data = document.getElementById(el.dataset.figure);
    if (!data || !window.Plotly) return;
    const fig = JSON.parse(data.textContent);
    window.Plotly.newPlot(el, fig.data, fig.layout, { responsive: true, displaylogo: false });
  });
})();
