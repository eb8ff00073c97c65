"""The answers JSON read by the ``score`` and ``report`` commands.

``{"answers": {"<question code>": 1-5 or "dont_know"}, "company": {...}}``; the
company part is optional. Missing scored questions count as "don't know".
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessment.scoring.engine import AnswerError, QuestionnaireSpec, answers_frame

COMPANY_FIELDS = ("name", "sector", "size", "country")


class AnswerFileError(ValueError):
    """The file cannot be used; the message names the problem in one line."""


@dataclass
class AnswerFile:
    answers: dict[str, Any]
    company: dict[str, str] = field(default_factory=dict)


def read_text(path: str) -> str:
    try:
        return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswerFileError(f"cannot read {path}: {exc.__class__.__name__}") from None


def parse(text: str, spec: QuestionnaireSpec) -> AnswerFile:
    """Parses and checks an answers document against a questionnaire."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswerFileError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("answers"), dict):
        raise AnswerFileError('expected an object with an "answers" object')
    answers = doc["answers"]
    try:
        answers_frame(spec, {0: answers})
    except AnswerError as exc:
        raise AnswerFileError(str(exc)) from None
    company = doc.get("company") or {}
    if not isinstance(company, dict):
        raise AnswerFileError('"company" must be an object')
    unknown = sorted(set(company) - set(COMPANY_FIELDS))
    if unknown:
        raise AnswerFileError(f"unknown company field {unknown[0]!r}")
    if any(not isinstance(v, str) or len(v) > 200 for v in company.values()):
        raise AnswerFileError("company fields must be strings of at most 200 characters")
    return AnswerFile(answers=answers, company=company)
