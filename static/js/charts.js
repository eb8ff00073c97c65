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
    if (layout.polar) layout.margin = Object.assign({}, layout.margin, { l: 90, r: 90 });
    // Category names written out (cluster names): slanted, so that they never overlap.
    if (layout.xaxis && layout.xaxis.ticktext) {
      layout.xaxis = Object.assign({}, layout.xaxis, {
        tickangle: -35,
        ticktext: layout.xaxis.ticktext.map(function (t) { return String(t).replace("<br>", " "); }),
      });
      // The legend at the foot of the chart, below the slanted names.
      layout.margin = Object.assign({}, layout.margin, { b: 130 });
      layout.legend = Object.assign({}, layout.legend, { yref: "container", y: 0, yanchor: "bottom" });
    }
    fig.data.forEach(function (trace) {
      if (typeof trace.name === "string" && trace.name.length > LINE) trace.name = wrap(trace.name);
    });
  }

  // No toolbar (camera, zoom, lasso): the figures are read, not edited; hover stays.
  const CONFIG = { responsive: true, displayModeBar: false, displaylogo: false };

  document.querySelectorAll("[data-figure]").forEach(function (el) {
    const data = document.getElementById(el.dataset.figure);
    if (!data || !window.Plotly) return;
    const fig = JSON.parse(data.textContent);
    if (el.clientWidth && el.clientWidth < NARROW) fitNarrow(fig);
    window.Plotly.newPlot(el, fig.data, fig.layout, CONFIG);
  });
})();
