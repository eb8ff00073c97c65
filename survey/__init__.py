"""The executive's survey: landing, company profile, one page per dimension with
autosave, review, results page and the method page.

May import ``reports``, ``benchmark``, ``assessment`` and ``charts``.
"""
