"""Writes: starting an assessment, saving answers, submitting and scoring."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from . import scoring
from .models import Answer, Assessment, Company, Option, Question, Respondent
from .selectors import answer_levels, questionnaire_current, questionnaire_spec

DONT_KNOW = scoring.DONT_KNOW


class AnswerRejected(ValueError):
    """An answer that does not fit the questionnaire; nothing was saved."""


@transaction.atomic
def assessment_start(
    *, company: dict[str, Any], role: str, language: str, name: str = "", email: str = ""
) -> Respondent:
    """Creates the company, a self-assessment on the current questionnaire and its respondent."""
    company_obj = Company(**company)
    company_obj.full_clean()
    company_obj.save()
    assessment = Assessment.objects.create(
        company=company_obj, questionnaire=questionnaire_current(), language=language
    )
    respondent = Respondent(assessment=assessment, role=role, name=name, email=email)
    respondent.full_clean()
    respondent.save()
    return respondent


def _parse_option(question: Question, value: str, options: dict[int, Option]) -> Option | None:
    if value == DONT_KNOW:
        return None
    try:
        option = options[int(value)]
    except (TypeError, ValueError, KeyError):
        raise AnswerRejected(f"invalid option for question {question.code}") from None
    if option.question_id != question.id:
        raise AnswerRejected(f"invalid option for question {question.code}")
    return option


def answers_save(*, respondent: Respondent, values: dict[str, str]) -> list[Answer]:
    """Saves ``{question id: option id or "dont_know"}`` for a respondent, all or nothing.

    Every id is checked against the respondent's questionnaire first, so a
    foreign or tampered id saves nothing and raises AnswerRejected.
    """
    if respondent.submitted_at is not None:
        raise AnswerRejected("answers were already submitted")
    try:
        ids = {int(k): v for k, v in values.items()}
    except (TypeError, ValueError):
        raise AnswerRejected("invalid question") from None
    questions = Question.objects.in_bulk(
        [i for i in ids], field_name="id"
    )
    questionnaire_id = respondent.assessment.questionnaire_id
    if len(questions) != len(ids) or any(
        q.questionnaire_id != questionnaire_id for q in questions.values()
    ):
        raise AnswerRejected("invalid question")
    option_ids = [int(v) for v in ids.values() if v != DONT_KNOW and str(v).isdigit()]
    options = Option.objects.in_bulk(option_ids)
    parsed = {qid: _parse_option(questions[qid], v, options) for qid, v in ids.items()}
    saved = []
    with transaction.atomic():
        for qid, option in parsed.items():
            saved.append(_answer_upsert(respondent, questions[qid], option))
        Respondent.objects.filter(pk=respondent.pk).update(updated_at=timezone.now())
    return saved


def _answer_upsert(respondent: Respondent, question: Question, option: Option | None) -> Answer:
    defaults = {"option": option, "dont_know": option is None}
    try:
        with transaction.atomic():
            answer, _ = Answer.objects.update_or_create(
                respondent=respondent, question=question, defaults=defaults
            )
    except IntegrityError:
        # Another request created the row between our read and write: update it.
        Answer.objects.filter(respondent=respondent, question=question).update(**defaults)
        answer = Answer.objects.get(respondent=respondent, question=question)
    return answer


def missing_questions(*, respondent: Respondent) -> list[Question]:
    """Scored questions the respondent has not answered (don't know counts as answered)."""
    return list(
        Question.objects.filter(
            questionnaire_id=respondent.assessment.questionnaire_id, scored=True
        )
        .exclude(answers__respondent=respondent)
        .select_related("dimension")
        .order_by("dimension__order", "order")
    )


@dataclass
class SubmitResult:
    ok: bool
    missing: list[Question]


def respondent_submit(*, respondent: Respondent) -> SubmitResult:
    """Submits a respondent's answers and scores the assessment, unless some are missing."""
    missing = missing_questions(respondent=respondent)
    if missing:
        return SubmitResult(False, missing)
    with transaction.atomic():
        respondent.submitted_at = respondent.submitted_at or timezone.now()
        respondent.save(update_fields=["submitted_at"])
        assessment = respondent.assessment
        assessment.submitted_at = assessment.submitted_at or respondent.submitted_at
        assessment_score(assessment=assessment, levels=answer_levels(respondent=respondent))
    return SubmitResult(True, [])


def assessment_score(*, assessment: Assessment, levels: dict[str, int | None]) -> Assessment:
    """Scores an assessment's official answers and stores the result snapshot."""
    spec = questionnaire_spec(questionnaire=assessment.questionnaire)
    answers = {code: (DONT_KNOW if lv is None else lv) for code, lv in levels.items()}
    row, explanation = scoring.score_one(spec, answers)
    target = spec.profiles.get(explanation["next_cluster"] or explanation["cluster"], {})
    strengths, gaps = scoring.strengths_and_gaps(spec, levels, target)
    assessment.overall = round(float(row["overall"]), 1)
    assessment.cluster = explanation["cluster"]
    assessment.scores = scoring.dimension_scores(row, spec.dimensions)
    assessment.result = {
        "version": spec.version,
        "explanation": explanation,
        "dont_know": int(row["dont_know"]),
        "questions": int(row["questions"]),
        "strengths": strengths,
        "gaps": gaps,
    }
    assessment.scored_at = timezone.now()
    assessment.save()
    return assessment
