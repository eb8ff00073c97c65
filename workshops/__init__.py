"""Workshops: invitations, the live projector view, divergence between participants,
the consensus, and imports/exports of participants' answers (CSV/XLSX tables and
the ``import_answers`` / ``export_assessment`` commands).

May import ``reports``, ``benchmark``, ``assessment`` and ``charts``.
"""
