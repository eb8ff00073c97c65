"""Consultants' pages: login, their companies, a company's waves, an assessment's
page, and the URL map of everything a consultant opens (``urls``).

May import ``workshops``, ``reports``, ``benchmark``, ``assessment`` and ``charts``.
"""
