"""Shared test data and helpers: a questionnaire of any size, companies, respondents,
consultants, answers, the answer trail and query counts."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from assessment.models import (
    AnswerChange,
    Company,
    Dimension,
    Option,
    Question,
    Questionnaire,
    Respondent,
)
from assessment.services import answers_save, assessment_start

METHOD = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "fixtures/questionnaire/method.yaml").read_text()
)["method"]
DIMS = ("strategy", "organization", "data", "technology", "execution")
KEYS = {("strategy", 1): "dedicated_budget", ("organization", 1): "dedicated_owner"}


def make_questionnaire(per_dimension: int = 3, version: str = "t1") -> Questionnaire:
    """A published questionnaire with ``per_dimension`` scored questions per dimension."""
    q = Questionnaire.objects.create(
        version=version, title_it="Questionario", title_en="Questionnaire", method=METHOD,
        published_at=timezone.now(),
    )
    for d_order, code in enumerate(DIMS, start=1):
        dim = Dimension.objects.create(questionnaire=q, code=code, order=d_order,
                                       name_it=code.title() + " IT", name_en=code.title())
        for i in range(1, per_dimension + 1):
            question = Question.objects.create(
                questionnaire=q, dimension=dim, code=f"{code[:3].upper()}{i:02d}", order=i,
                key=KEYS.get((code, i)), weight=1.5 if i == 1 else 1.0,
                text_it=f"Domanda {code} {i}", text_en=f"Question {code} {i}",
            )
            Option.objects.bulk_create([
                Option(question=question, level=lv, label_it=f"Livello {lv}",
                       label_en=f"Level {lv}") for lv in range(1, 6)
            ])
    return q


def make_respondent(name: str = "Acme <b>Spa</b>", language: str = "en") -> Respondent:
    return assessment_start(
        company={"name": name, "sector": "retail", "size": "large", "country": "IT"},
        role="CEO", language=language,
    )


BASE = "http://testserver/"


def make_user(username: str, staff: bool = False):
    return get_user_model().objects.create_user(username=username, password="pw-" + username,
                                                is_staff=staff)


def invite(assessment, name: str, role: str) -> Respondent:
    from workshops import services as ws

    return ws.participant_invite(assessment=assessment, name=name, role=role,
                                 email=f"{name.lower()}@example.com", base_url=BASE)


def answer(respondent: Respondent, levels: dict[str, int | None] | None = None,
           default: int | None = 3) -> None:
    """Answers every question: ``levels`` by code, else ``default`` (None = don't know)."""
    levels = levels or {}
    questionnaire = respondent.assessment.questionnaire
    values = {}
    for option in Option.objects.filter(question__questionnaire=questionnaire).select_related(
            "question"):
        level = levels.get(option.question.code, default)
        if level is None:
            values[str(option.question_id)] = "dont_know"
        elif option.level == level:
            values[str(option.question_id)] = str(option.id)
    answers_save(respondent=respondent, values=values)


def option(respondent: Respondent, code: str, level: int) -> Option:
    return Option.objects.get(question__code=code, level=level,
                              question__questionnaire=respondent.assessment.questionnaire)


def trail(respondent: Respondent, code: str, *fields: str) -> list[tuple]:
    """The answer's changes, oldest first, as tuples of the named AnswerChange attributes
    (labels in English)."""
    with translation.override("en"):
        return [tuple(getattr(c, f) for f in fields) for c in AnswerChange.objects.filter(
            respondent=respondent, question__code=code).order_by("changed_at", "id")]


def queries_of(client, url: str) -> int:
    """How many queries a GET of ``url`` runs (it must answer 200)."""
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def make_company(**kwargs) -> Company:
    data = {"name": "Beta", "sector": "retail", "size": "large", "country": "IT", **kwargs}
    return Company.objects.create(**data)


def make_report_content() -> None:
    """A small action library and KPI catalogue over the factory questionnaire's codes."""
    from reports.models import Action, Benefit, Kpi, ReferenceDistribution

    loyalty = Benefit.objects.create(code="loyalty", group="intangible",
                                     name_it="Fedeltà", name_en="Loyalty")
    kpis = {}
    for code, core in [("nps", True), ("csat", True), ("scv_coverage", False),
                       ("conversion_rate", False)]:
        kpis[code] = Kpi.objects.create(
            code=code, name_it=f"{code} it", name_en=code.upper(), definition_en=f"{code} def",
            definition_it=f"{code} def it", formula_en="a / b", formula_it="a / b", unit="%",
            direction="higher", cadence="quarterly", benefit=loyalty, core=core,
            default_owner="CXO", target_rule={
                "kind": "points" if code == "nps" else "pp", "decimals": 0,
                "scale": [-100, 100] if code == "nps" else [0, 100],
                "ranges": {c: [5, 8] for c in ("first_steps", "aware", "enterprising",
                                               "structured", "advanced")}})
    rows = [("A-STR-1", "strategy", "STR01", 2, 3, 1, "quick_wins", ["conversion_rate"]),
            ("A-DAT-1", "data", "DAT01", 3, 3, 2, "foundations", ["scv_coverage"]),
            ("A-EXE-1", "execution", "EXE02", 4, 1, 3, "scale", [])]
    for code, dim, q, lv, imp, eff, phase, k in rows:
        action = Action.objects.create(
            code=code, dimension=dim, question_code=q, max_level=lv, impact=imp, effort=eff,
            phase=phase, owner_role="CMO", title_en=f"Title {code}", title_it=f"Titolo {code}",
            description_en="Do it", description_it="Fallo", medallia_practice="")
        action.kpis.set([kpis[c] for c in k])
    ReferenceDistribution.objects.create(
        code="ref", edition=2022, name_en="Reference 2022", name_it="Riferimento 2022",
        source_en="Observatory 2022", source_it="Osservatorio 2022",
        shares={"first_steps": 22, "aware": 39, "enterprising": 13, "structured": 20,
                "advanced": 6}, facts=[])
