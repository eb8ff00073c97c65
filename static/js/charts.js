// Draws every Plotly figure embedded as JSON in the page (no inline script).
(function () {
  "use strict";
  const NARROW = 520; // px: a phone held upright
  const LINE = 26; // characters per legend line on a phone

  // "Peer median (8 companies of the same sector)" -> lines of at most LINE characters.
  function wrap(text) {
    const lines = [];
    let line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > LINE) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    if (line) lines.push(line);
    return lines.join("<br>");
  }

  // On a phone: smaller text, room beside a radar for its axis labels, legends that wrap.
  function fitNarrow(fig) {
    const layout = fig.layout;
    layout.font = Object.assign({}, layout.font, { size: 11 });
    if (layout.polar) layout.margin = Object.assign({}, layout.margin, { l: 4, r: 4 });
    fig.data.forEach(function (trace) {
      if (typeof trace.name === "string" && trace.name.length > LINE) trace.name = wrap(trace.name);
    });
  }

  // A radar on a phone: drawn once, then given exactly the room its axis labels need
  // beside the circle on each side, so the circle takes the rest of the width.
  function fitPolarLabels(el) {
    const circle = el.querySelector(".plotbg path");
    if (!circle) return el;
    const c = circle.getBoundingClientRect();
    let left = 0;
    let right = 0;
    el.querySelectorAll(".angularaxistick text").forEach(function (t) {
      const r = t.getBoundingClientRect();
      left = Math.max(left, c.left - r.left);
      right = Math.max(right, r.right - c.right);
    });
    const legend = el.querySelector(".legend");
    const below = legend ? legend.getBoundingClientRect().height + 24 : 0;
    const size = el.clientWidth - left - right - 16; // the circle's width, and its height
    const margin = el.layout.margin || {};
    return window.Plotly.relayout(el, {
      "margin.l": left + 8, "margin.r": right + 8,
      height: Math.round(size + (margin.t || 0) + (margin.b || 0) + below),
    });
  }

  // No toolbar (camera, zoom, lasso): the figures are read, not edited; hover stays.
  const CONFIG = { responsive: true, displayModeBar: false, displaylogo: false };

  document.querySelectorAll("[data-figure]").forEach(function (el) {
    const data = document.getElementById(el.dataset.figure);
    if (!data || !window.Plotly) return;
    const fig = JSON.parse(data.textContent);
    const narrow = el.clientWidth && el.clientWidth < NARROW;
    if (narrow) fitNarrow(fig);
    const drawn = window.Plotly.newPlot(el, fig.data, fig.layout, CONFIG);
    if (narrow && fig.layout.polar) {
      drawn.then(fitPolarLabels).then(function () { el.dataset.fitted = "true"; });
    }
  });
})();
