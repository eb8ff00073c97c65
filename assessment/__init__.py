"""The model and the method: questionnaire versions, companies, assessments,
respondents and answers (``models/``); the scoring engine (``scoring/``, plain
Python); cluster texts, results, rescoring, the answers' audit trail and privacy
(``answers/``), who may see what (``access``), the throttling of public pages.

The bottom layer: it imports no other product package.
"""
