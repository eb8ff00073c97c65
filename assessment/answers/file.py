"""The answers JSON read by the ``score`` and ``report`` commands.

``{"answers": {"<question code>": 1-5 or "dont_know"}, "company": {...}}``; the
company part is optional. Missing scored questions count as "don't know". Any other
key, a sector, size or country code the product does not know, a file over
``MAX_BYTES`` or nested too deeply is refused with a one-line message.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django_countries import countries

from assessment.choices import Sector, SizeBand
from assessment.scoring.engine import AnswerError, QuestionnaireSpec, answers_frame

COMPANY_FIELDS = ("name", "sector", "size", "country")
TOP_LEVEL = ("answers", "company")
MAX_BYTES = 1024 * 1024  # a full answers file is a few KB


class AnswerFileError(ValueError):
    """The file cannot be used; the message names the problem in one line."""


@dataclass
class AnswerFile:
    answers: dict[str, Any]
    company: dict[str, str] = field(default_factory=dict)


def read_text(path: str) -> str:
    """The file's text ("-" for stdin), never more than ``MAX_BYTES`` read."""
    try:
        if path == "-":
            stdin = getattr(sys.stdin, "buffer", None)  # a text stream in tests
            data = stdin.read(MAX_BYTES + 1) if stdin else \
                sys.stdin.read(MAX_BYTES + 1).encode("utf-8")
        else:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise AnswerFileError(f"{path} is larger than {MAX_BYTES // 1024} KB")
        return data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswerFileError(f"cannot read {path}: {exc.__class__.__name__}") from None


def _company(doc: dict) -> dict[str, str]:
    company = doc.get("company") or {}
    if not isinstance(company, dict):
        raise AnswerFileError('"company" must be an object')
    unknown = sorted(set(company) - set(COMPANY_FIELDS))
    if unknown:
        raise AnswerFileError(f"unknown company field {unknown[0][:40]!r}")
    if any(not isinstance(v, str) or len(v) > 200 for v in company.values()):
        raise AnswerFileError("company fields must be strings of at most 200 characters")
    known = {"sector": Sector.values, "size": SizeBand.values,
             "country": [code for code, _name in countries]}
    for key, codes in known.items():
        value = company.get(key, "")
        if value and value not in codes:
            raise AnswerFileError(f"unknown {key} {value[:40]!r}; use one of "
                                  + ", ".join(codes[:12]) + ("…" if len(codes) > 12 else ""))
    return company


def parse(text: str, spec: QuestionnaireSpec) -> AnswerFile:
    """Parses and checks an answers document against a questionnaire."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnswerFileError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise AnswerFileError("not valid JSON: nested too deeply") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("answers"), dict):
        raise AnswerFileError('expected an object with an "answers" object')
    unknown = sorted(set(doc) - set(TOP_LEVEL))
    if unknown:
        raise AnswerFileError(f"unknown key {unknown[0][:40]!r}; use "
                              + " and ".join(f'"{k}"' for k in TOP_LEVEL))
    answers = doc["answers"]
    try:
        answers_frame(spec, {0: answers})
    except AnswerError as exc:
        raise AnswerFileError(str(exc)) from None
    return AnswerFile(answers=answers, company=_company(doc))
