"""The product's charts: one Plotly module (``figures``) for the web pages and the PDF, and
the results page's radar drawn as SVG on the server (``svg``, the same figures).

It imports no other product package.
"""
