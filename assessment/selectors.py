"""Reads: what views, commands and reports ask of the database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import BooleanField, Count, ExpressionWrapper, Max, Q
from django.db.models.functions import Now
from django.http import Http404

from assessment.models import Answer, Assessment, Question, Questionnaire, Respondent
from assessment.scoring.engine import QuestionnaireSpec, QuestionSpec

TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def questionnaire_current() -> Questionnaire:
    questionnaire = Questionnaire.objects.current()
    if questionnaire is None:
        raise Questionnaire.DoesNotExist(
            "No questionnaire is published: run `python manage.py load_content`."
        )
    return questionnaire


def questionnaire_spec(*, questionnaire: Questionnaire) -> QuestionnaireSpec:
    """The scoring view of a questionnaire version (two queries)."""
    dims = tuple(questionnaire.dimensions.order_by("order").values_list("code", flat=True))
    questions = tuple(
        QuestionSpec(code=code, dimension=dim, weight=weight, key=key, scored=scored)
        for code, dim, weight, key, scored in Question.objects.filter(
            questionnaire=questionnaire
        )
        .order_by("dimension__order", "order")
        .values_list("code", "dimension__code", "weight", "key", "scored")
    )
    return QuestionnaireSpec(
        version=questionnaire.version,
        dimensions=dims,
        questions=questions,
        method=questionnaire.method,
    )


def respondent_by_token(*, token: str) -> Respondent:
    """The respondent behind a private link, with its assessment; 404 otherwise.

    A revoked or expired workshop invitation is not found either.
    """
    # Tokens are URL-safe base64 (new_token); anything else, such as a NUL byte that
    # PostgreSQL refuses in a query (a 500), cannot be one.
    if not TOKEN_RE.fullmatch(token or ""):
        raise Http404
    try:
        respondent = Respondent.objects.select_related(
            "assessment__company", "assessment__questionnaire"
        ).get(token=token)
    except Respondent.DoesNotExist:
        raise Http404 from None
    if not respondent.link_active:
        raise Http404
    return respondent


def answer_levels(*, respondent: Respondent) -> dict[str, int | None]:
    """``{question code: level}`` of a respondent; None for don't know."""
    return {
        code: level
        for code, level in Answer.objects.filter(respondent=respondent).values_list(
            "question__code", "option__level"
        )
    }


def questionnaire_export(*, questionnaire: Questionnaire) -> dict:
    """The questionnaire as plain data, texts in the active language."""
    from django.db.models import Prefetch

    from assessment.models import Dimension, Option

    dims = Dimension.objects.filter(questionnaire=questionnaire).order_by("order").prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("order").prefetch_related(
            Prefetch("options", queryset=Option.objects.order_by("level"))
        ))
    )
    return {
        "version": questionnaire.version,
        "dimensions": [
            {
                "code": d.code,
                "name": d.name,
                "questions": [
                    {
                        "code": q.code,
                        "key": q.key,
                        "scored": q.scored,
                        "weight": q.weight,
                        "text": q.text,
                        "options": [{"level": o.level, "label": o.label} for o in q.options.all()],
                    }
                    for q in d.questions.all()
                ],
            }
            for d in dims
        ],
    }


@dataclass(frozen=True)
class SurveyState:
    """What the survey page needs of a private link, read in one query."""

    respondent_id: int
    token: str
    submitted: bool
    questionnaire_id: int
    content_rev: int
    saved: dict[int, int | None]  # question id -> option id (None: don't know)
    furthest_step: int | None = None  # the completion funnel's record (None: not recorded)


@lru_cache(maxsize=8)
def _survey_state_sql(alias: str) -> str:
    """The survey-state query, compiled by the ORM once per database.

    The page is the product's hottest path; compiling this join on every
    request cost more than running it. The token is the query's only parameter.
    """
    active = Q(revoked_at__isnull=True) & (Q(expires_at__isnull=True) | Q(expires_at__gt=Now()))
    query = Respondent.objects.using(alias).filter(token="?").annotate(
        active=ExpressionWrapper(active, output_field=BooleanField()),
        submitted=ExpressionWrapper(Q(submitted_at__isnull=False), output_field=BooleanField()),
    ).values_list(
        "id", "submitted", "active", "assessment__questionnaire_id",
        "assessment__questionnaire__content_rev", "furthest_step", "answers__question_id",
        "answers__option_id",
    ).order_by()
    sql, params = query.query.sql_with_params()
    assert params == ("?",), params
    return sql


def survey_state(*, token: str, alias: str = DEFAULT_DB_ALIAS) -> SurveyState | None:
    """The respondent behind an active private link and its saved answers; None otherwise."""
    if not TOKEN_RE.fullmatch(token or ""):
        return None
    with connections[alias].cursor() as cursor:
        cursor.execute(_survey_state_sql(alias), [token])
        rows = cursor.fetchall()
    if not rows or not rows[0][2]:
        return None
    rid, submitted, _active, questionnaire_id, rev, furthest = rows[0][:6]
    saved = {q: o for *_, q, o in rows if q is not None}
    return SurveyState(rid, token, bool(submitted), questionnaire_id, rev, saved, furthest)


def official_levels(*, assessment: Assessment) -> dict[str, int | None]:
    """The assessment's official answers: the consensus, or else the first respondent's."""
    rows = Answer.objects.filter(respondent__assessment=assessment)
    consensus = dict(rows.filter(respondent__is_consensus=True)
                     .values_list("question__code", "option__level"))
    if consensus:
        return consensus
    first = (Respondent.objects.filter(assessment=assessment).order_by("id")
             .values_list("id", flat=True).first())
    return dict(rows.filter(respondent_id=first).values_list("question__code", "option__level"))


def participant_answers(*, assessment: Assessment) -> pd.DataFrame:
    """Every participant's answers as a long table (one query).

    Columns: participant (id), name, role, question (code), level (NaN = don't know).
    """
    rows = Answer.objects.filter(respondent__assessment=assessment,
                                 respondent__is_consensus=False).values_list(
        "respondent_id", "respondent__name", "respondent__email", "respondent__role",
        "question__code", "option__level")
    frame = pd.DataFrame(
        [(rid, name or email or f"#{rid}", role, code, level)
         for rid, name, email, role, code, level in rows],
        columns=["participant", "name", "role", "question", "level"])
    return frame.astype({"level": float})


def workshop_stamp(*, assessment: Assessment) -> str:
    """Changes whenever a participant's answer changes (for report fingerprints)."""
    stamp = Answer.objects.filter(respondent__assessment=assessment,
                                  respondent__is_consensus=False).aggregate(
        n=Count("id"), last=Max("updated_at"))
    return f"{stamp['n']}:{stamp['last'].isoformat() if stamp['last'] else ''}"
