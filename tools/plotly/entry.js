// plotly.js with only the trace types charts/figures.py draws (TRACE_TYPES).
var Plotly = require('plotly.js/lib/core');
Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/box'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/scatterpolar'),
]);
module.exports = Plotly;
