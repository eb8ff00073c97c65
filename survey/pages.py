"""The plain data behind the survey and results pages (read-only)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from assessment import clusters
from assessment.models import Assessment, Dimension, Option, Question, Respondent
from assessment.scoring.engine import DONT_KNOW
from assessment.selectors import SurveyState, questionnaire_spec
from benchmark import peers as benchmark
from benchmark.queries import peers_frame
from charts.svg import radar_svg
from reports.document import texts as benchmark_texts


@dataclass(frozen=True)
class QuestionBlock:
    """One question pre-rendered in every state it can be shown in."""

    id: int
    scored: bool
    states: dict[int | str | None, str]  # option id, DONT_KNOW or None (unanswered) -> HTML

    def html(self, saved: dict[int, int | None]) -> str:
        if self.id not in saved:
            return self.states[None]
        chosen = saved[self.id]
        return self.states[DONT_KNOW if chosen is None else chosen]


@dataclass(frozen=True)
class QuestionnairePages:
    dimensions: list[Dimension]
    blocks: list[list[QuestionBlock]]  # per step
    scored_ids: frozenset[int]


@lru_cache(maxsize=32)
def questionnaire_pages(questionnaire_id: int, content_rev: int, language: str
                        ) -> QuestionnairePages:
    """Every question of a version rendered once per process, language and content revision.

    The survey page then only joins strings: rendering options per request was
    the page's main cost. Four queries, once.
    """
    dims = list(Dimension.objects.filter(questionnaire_id=questionnaire_id).order_by("order"))
    questions = Question.objects.filter(questionnaire_id=questionnaire_id).order_by(
        "dimension__order", "order"
    ).prefetch_related(Prefetch("options", queryset=Option.objects.order_by("level")))
    by_dim: dict[int, list[QuestionBlock]] = {d.id: [] for d in dims}
    scored = set()
    for q in questions:
        options = list(q.options.all())
        states: dict[int | str | None, str] = {}
        for chosen in [None, DONT_KNOW, *[o.id for o in options]]:
            states[chosen] = render_to_string("survey/_question.html", {"q": q, "options": [
                {"id": o.id, "level": o.level, "label": o.label, "checked": o.id == chosen}
                for o in options
            ], "dont_know": chosen == DONT_KNOW})
        by_dim[q.dimension_id].append(QuestionBlock(q.id, q.scored, states))
        if q.scored:
            scored.add(q.id)
    return QuestionnairePages(dims, [by_dim[d.id] for d in dims], frozenset(scored))


@dataclass
class SurveyPage:
    """What dimension.html shows; values are text so a frame can hold slots instead."""

    step: int
    steps: int
    dimension: Dimension
    questions_html: str
    answered: str
    percent: str
    total: int
    dimensions: list[dict[str, Any]] = field(default_factory=list)


# The survey page is rendered once per version, language and step with these
# slots in place of the per-request values, then served by joining strings.
SLOTS = ("TOKEN", "ANSWERED", "PERCENT", "QUESTIONS", "CSRF", "PATH", "ORIGIN", "ERROR",
         "REVIEW")
_SLOT_RE = re.compile("@@(" + "|".join(SLOTS) + ")@@")


def _slot(name: str) -> str:
    return f"@@{name}@@"


class _PathSlot:
    """Stands for the request in base.html, which only asks for its path."""

    @staticmethod
    def get_full_path() -> str:
        return _slot("PATH")


@lru_cache(maxsize=256)
def page_frame(questionnaire_id: int, content_rev: int, language: str, step: int
               ) -> tuple[str, ...]:
    """dimension.html rendered with slots: text, slot name, text, slot name, ..., text."""
    pages = questionnaire_pages(questionnaire_id, content_rev, language)
    page = SurveyPage(
        step=step, steps=len(pages.dimensions), dimension=pages.dimensions[step - 1],
        questions_html=mark_safe(_slot("QUESTIONS")),
        answered=mark_safe(f'<span class="answered-n">{_slot("ANSWERED")}</span>'),
        percent=_slot("PERCENT"), total=len(pages.scored_ids),
        dimensions=[{"step": i, "name": d.name, "current": i == step}
                    for i, d in enumerate(pages.dimensions, start=1)],
    )
    html = render_to_string("survey/dimension.html", {
        "respondent": {"token": _slot("TOKEN")}, "page": page,
        "error_html": mark_safe(_slot("ERROR")), "review_html": mark_safe(_slot("REVIEW")),
        "resume_url": _slot("ORIGIN") + reverse("assessment:resume", args=[_slot("TOKEN")]), "csrf_token": _slot("CSRF"), "request": _PathSlot(),
        "user": AnonymousUser(),
    })
    return tuple(_SLOT_RE.split(html))


@dataclass(frozen=True)
class Progress:
    """Scored questions answered of the total, and the bar's percentage (rounded once)."""

    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0

    def as_json(self) -> dict[str, int]:
        return {"answered": self.answered, "total": self.total, "percent": self.percent}


def step_count(*, respondent: Respondent) -> int:
    """How many dimension pages the respondent's questionnaire has."""
    questionnaire = respondent.assessment.questionnaire
    return len(questionnaire_pages(questionnaire.id, questionnaire.content_rev,
                                   get_language() or "it").dimensions)


def state_progress(state: SurveyState) -> Progress:
    """How far a respondent is: scored questions answered (no query: the state has it)."""
    pages = questionnaire_pages(state.questionnaire_id, state.content_rev, get_language() or "it")
    return Progress(len(pages.scored_ids.intersection(state.saved)), len(pages.scored_ids))


def survey_page_html(*, request: HttpRequest, state: SurveyState, step: int,
                     error: str | None = None, from_review: bool = False) -> str | None:
    """Dimension number ``step`` (1-based) with the saved answers; None if no such step.

    No query once the version's frames are rendered (the state holds the saved
    answers): the rest is joining pre-rendered, already escaped strings.
    """
    language = get_language() or "it"
    pages = questionnaire_pages(state.questionnaire_id, state.content_rev, language)
    if not 1 <= step <= len(pages.dimensions):
        return None
    frame = page_frame(state.questionnaire_id, state.content_rev, language, step)
    saved = state.saved
    progress = state_progress(state)
    values = {
        "TOKEN": escape(state.token),
        "ANSWERED": str(progress.answered),
        "PERCENT": str(progress.percent),
        "QUESTIONS": "".join(block.html(saved) for block in pages.blocks[step - 1]),
        "CSRF": escape(get_token(request)),
        "PATH": escape(request.get_full_path()),
        "ORIGIN": escape(f"{request.scheme}://{request.get_host()}"),
        "ERROR": render_to_string("survey/_error.html", {"error": error}) if error else "",
        "REVIEW": render_to_string("survey/_back_to_review.html") if from_review else "",
    }
    return "".join(values[part] if i % 2 else part for i, part in enumerate(frame))


@lru_cache(maxsize=512)
def radar_html(labels: tuple[str, ...], series: tuple[tuple[str, tuple[float, ...], str], ...],
               title: str) -> str:
    """The results radar drawn as SVG, once per process for the same figures."""
    return radar_svg(labels, series, title=title)


def _radar_series(*, assessment: Assessment, spec, dims: dict[str, str],
                  target: dict[str, float], nxt: str | None) -> tuple[list[str], list, Any]:
    """The radar's axes and series (company, peer median when the group is large enough,
    the next cluster's profile) and the peer group."""
    labels = [dims[d] for d in spec.dimensions]
    target_name = (
        _("Profile of the next cluster (%(name)s)") % {"name": clusters.cluster_name(nxt)}
        if nxt else _("Advanced profile")
    )
    series = [
        (assessment.company.name, [assessment.scores[d] for d in spec.dimensions], "company"),
        (target_name, [target.get(d, 0) for d in spec.dimensions], "target"),
    ]
    # The peer median only from a group of at least five companies (one query).
    group = benchmark.peer_group(
        peers_frame(questionnaire=assessment.questionnaire, exclude_company=assessment.company_id),
        sector=assessment.company.sector, size=assessment.company.size)
    if group.size:
        median = benchmark.medians(group, spec.dimensions)
        series.insert(1, (_("Peer median (%(n)s companies)") % {"n": group.size},
                          [median[d] for d in spec.dimensions], "peer"))
    return labels, series, group


def results_context(*, assessment: Assessment, levels: dict[str, int | None]) -> dict[str, Any]:
    """Everything the results page shows, from the stored result snapshot and the
    assessment's official answers ``levels`` (the executive's own, or a workshop's
    consensus)."""
    questionnaire = assessment.questionnaire
    spec = questionnaire_spec(questionnaire=questionnaire)
    dims = {d.code: d.name for d in Dimension.objects.filter(questionnaire=questionnaire)}
    result = assessment.result
    explanation = result["explanation"]
    nxt = explanation.get("next_cluster")
    target_code = nxt or assessment.cluster
    target = spec.profiles.get(target_code, {})
    labels, series, group = _radar_series(assessment=assessment, spec=spec, dims=dims,
                                          target=target, nxt=nxt)
    codes = [*result.get("strengths", []), *result.get("gaps", []),
             *clusters.borderline_questions(result.get("borderline"))]
    texts = {
        q.code: q.text
        for q in Question.objects.filter(questionnaire=questionnaire, code__in=codes)
    }

    def item(code: str) -> dict[str, Any]:
        return {"code": code, "text": texts.get(code, code), "level": levels.get(code)}

    return {
        "assessment": assessment,
        "cluster_name": clusters.cluster_name(assessment.cluster),
        "cluster_description": clusters.DESCRIPTIONS[assessment.cluster],
        "explanation": clusters.explanation_sentences(explanation, dims),
        "borderline": clusters.borderline_sentences(result.get("borderline"), texts),
        "dimensions": [
            {"code": d, "name": dims[d], "score": assessment.scores[d],
             "target": target.get(d)} for d in spec.dimensions
        ],
        "next_cluster_name": clusters.cluster_name(nxt) if nxt else None,
        "radar_svg": mark_safe(radar_html(
            tuple(labels), tuple((name, tuple(float(v) for v in values), kind)
                                 for name, values, kind in series),
            _("Radar chart of the five dimension scores; the same figures are in the table."))),
        "strengths": [item(c) for c in result.get("strengths", [])],
        "gaps": [item(c) for c in result.get("gaps", [])],
        "dont_know": result.get("dont_know", 0),
        "questions": result.get("questions", 0),
        "clusters": clusters.clusters_table(),
        "peer_size": group.size,
        "peer_label": benchmark_texts.PEER_LEVELS[group.level],
    }
