"""The product's charts: one Plotly module (``figures``) for the web pages and the PDF.

It imports no other product package.
"""
