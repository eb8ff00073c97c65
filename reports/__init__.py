"""The report: the document (``document/``: inputs, one builder function per
section, texts, checklist, divergence appendix, PDF), the roadmap (``roadmap/``:
plan, edits, projection, editor page), the KPI page (``kpiplan/``: baselines and
targets), stored report files, their background task and
download views, and the content library (actions, KPIs, practices, references).

May import ``benchmark``, ``assessment`` and ``charts``.
"""
