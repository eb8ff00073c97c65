"""Benchmarking: peer groups (``peers``), the admin's dashboard (``maths``,
``queries``, ``forms``, ``views``) and its CSV/XLSX exports (``export`` and the
``export_benchmark`` command).

May import ``assessment`` and ``charts``; reads the published reference
distributions from ``reports.models`` (models are the bottom layer).
"""
