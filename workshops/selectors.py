"""Reads of the consultants' side: waves, participants and their answers as plain data.

Each function runs a fixed number of queries, whatever the number of
participants, questions or waves.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from assessment.models import Answer, Assessment, Company, Dimension, Question, Respondent
from assessment.numbers import whole


def participants_of(*, assessment: Assessment) -> QuerySet[Respondent]:
    """The people who answer (never the consensus set), with their answer counts."""
    return (
        Respondent.objects.filter(assessment=assessment, is_consensus=False)
        .annotate(answered=Count("answers", filter=Q(answers__question__scored=True)))
        .order_by("id")
    )


def scored_codes(*, assessment: Assessment) -> list[str]:
    return list(Question.objects.filter(questionnaire_id=assessment.questionnaire_id,
                                        scored=True).values_list("code", flat=True))


def consensus_levels(*, assessment: Assessment) -> dict[str, int | None]:
    """``{question code: level}`` agreed so far (None for don't know)."""
    return dict(Answer.objects.filter(respondent__assessment=assessment,
                                      respondent__is_consensus=True)
                .values_list("question__code", "option__level"))



def question_texts(*, assessment: Assessment) -> list[dict[str, Any]]:
    """The questions in order with their dimension: code, text, dimension, scored."""
    return [
        {"code": code, "text": text, "dimension": dim, "scored": scored}
        for code, text, dim, scored in Question.objects.filter(
            questionnaire_id=assessment.questionnaire_id).order_by("dimension__order", "order")
        .values_list("code", "text", "dimension__code", "scored")
    ]


def dimension_names(*, assessment: Assessment) -> dict[str, str]:
    return {d.code: d.name for d in Dimension.objects.filter(
        questionnaire_id=assessment.questionnaire_id).order_by("order")}


def company_waves(*, company: Company) -> list[Assessment]:
    """The company's assessments, oldest first: each one is a wave."""
    return list(company.assessments.select_related("questionnaire")
                .annotate(participants=Count("respondents",
                                             filter=Q(respondents__is_consensus=False)))
                .order_by("created_at", "id"))


def waves_comparison(*, waves: list[Assessment], names: dict[str, str]) -> dict[str, Any]:
    """Scored waves side by side with the change per dimension since the wave before:
    scores as shown (whole numbers) and each change computed from the two shown beside it."""
    scored = [w for w in waves if w.scored_at]

    def change(values: list[int | None]) -> int | None:
        return values[-1] - values[-2] if len(values) >= 2 and None not in values[-2:] else None

    rows = []
    for code, name in names.items():
        values = [whole(w.scores.get(code)) for w in scored]
        rows.append({"code": code, "name": name, "values": values, "change": change(values)})
    overall = [whole(w.overall) for w in scored]
    return {"waves": scored, "rows": rows, "overall": overall, "overall_change": change(overall)}


