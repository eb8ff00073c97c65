"""Loading the questionnaire from ``fixtures/`` into the database, idempotently.

A version that already has assessments keeps its weights, keys, levels and
method (so no old result can change); only its texts are refreshed. A new
scoring method or new questions need a new version in ``method.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from assessment.models import Dimension, Option, Question, Questionnaire

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
LANGS = ("it", "en")


class ContentError(ValueError):
    """The content files are malformed."""


def read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"{path.name}: {exc}") from None


def translated(values: dict[str, str] | None, field: str) -> dict[str, str]:
    """``{"it": a, "en": b}`` -> ``{"field_it": a, "field_en": b}``."""
    values = values or {}
    return {f"{field}_{lang}": (values.get(lang) or "").strip() for lang in LANGS}


@dataclass
class LoadReport:
    version: str
    created: bool
    locked: bool
    questions: int


@transaction.atomic
def questionnaire_load(*, folder: Path = FIXTURES / "questionnaire") -> LoadReport:
    """Creates or refreshes the questionnaire version described in ``folder``."""
    head = read_yaml(folder / "method.yaml")
    body = read_yaml(folder / "questions.yaml")
    if not isinstance(head, dict) or "version" not in head or not isinstance(body, dict):
        raise ContentError("method.yaml needs a version; questions.yaml needs dimensions")
    questionnaire, created = Questionnaire.objects.get_or_create(
        version=str(head["version"]), defaults={"method": head.get("method", {})}
    )
    locked = not created and questionnaire.assessments.exists()
    for name, value in translated(head.get("title"), "title").items():
        setattr(questionnaire, name, value)
    if not locked:
        questionnaire.method = head.get("method", {})
    if questionnaire.published_at is None:
        questionnaire.published_at = timezone.now()
    questionnaire.save()

    count = 0
    for d_order, dim in enumerate(body.get("dimensions", []), start=1):
        dimension, _ = Dimension.objects.update_or_create(
            questionnaire=questionnaire,
            code=dim["code"],
            defaults={
                "order": d_order,
                **translated(dim.get("name"), "name"),
                **translated(dim.get("description"), "description"),
            },
        )
        for q_order, q in enumerate(dim.get("questions", []), start=1):
            count += 1
            options = q.get("options", [])
            if len(options) != 5:
                raise ContentError(f"question {q.get('code')}: needs exactly 5 options")
            texts = {**translated(q.get("text"), "text"), **translated(q.get("help"), "help")}
            shape = {
                "dimension": dimension,
                "key": q.get("key") or None,
                "scored": bool(q.get("scored", True)),
                "weight": float(q.get("weight", 1.0)),
                "order": q_order,
            }
            question = Question.objects.filter(questionnaire=questionnaire, code=q["code"]).first()
            if question is None:
                if locked:
                    raise ContentError(
                        f"version {questionnaire.version} is in use: add question "
                        f"{q['code']} in a new version"
                    )
                question = Question(questionnaire=questionnaire, code=q["code"])
            for name, value in {**texts, **({} if locked else shape)}.items():
                setattr(question, name, value)
            question.save()
            for level, label in enumerate(options, start=1):
                Option.objects.update_or_create(
                    question=question, level=level, defaults=translated(label, "label")
                )
    return LoadReport(questionnaire.version, created, locked, count)
