"""Writes: starting an assessment, saving answers, submitting and scoring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pandas as pd
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from assessment.answers.history import answers_write
from assessment.ids import parse_id
from assessment.models import Answer, Assessment, Company, Option, Question, Respondent
from assessment.models.history import Source
from assessment.scoring import engine as scoring
from assessment.scoring.borderline import borderline
from assessment.scoring.packed import pack
from assessment.selectors import answer_levels, questionnaire_current, questionnaire_spec
from assessment.waves import waves_number

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
    # The private link is the respondent's only key: it stops working after a while.
    respondent = Respondent(assessment=assessment, role=role, name=name, email=email,
                            expires_at=timezone.now() + timedelta(days=settings.RESUME_LINK_DAYS))
    respondent.full_clean()
    respondent.save()
    return respondent


def page_reached(*, respondent_id: int, step: int) -> None:
    """Records that a respondent opened dimension page ``step`` (the completion funnel).

    One conditional update: only a step further than any before moves the record, and
    respondents who started before pages were recorded stay unrecorded.
    """
    Respondent.objects.filter(pk=respondent_id, furthest_step__lt=step,
                              submitted_at__isnull=True).update(furthest_step=step)


def review_reached(*, respondent: Respondent) -> None:
    """Records the first time a respondent reached the review step."""
    if respondent.reviewed_at is None and respondent.submitted_at is None:
        respondent.reviewed_at = timezone.now()
        Respondent.objects.filter(pk=respondent.pk, reviewed_at__isnull=True).update(
            reviewed_at=respondent.reviewed_at)


def resume_link_send(*, respondent: Respondent, email: str, url: str) -> None:
    """E-mails a respondent's private link to the address they typed (not stored).

    Before submission the link resumes the questionnaire; after it, it opens the results.
    """
    context = {"url": url, "company": respondent.assessment.company.name,
               "submitted": respondent.submitted_at is not None,
               "expires": respondent.expires_at}
    subject = (_("Your omnichannel maturity results: %(company)s") if context["submitted"]
               else _("Your omnichannel maturity questionnaire: %(company)s")) % {
        "company": context["company"]}
    send_mail(subject, render_to_string("assessment/resume_link_email.txt", context), None,
              [email])


def _parse_option(question: Question, value: str, options: dict[int, Option]) -> Option | None:
    if value == DONT_KNOW:
        return None
    option = options.get(parse_id(value))  # type: ignore[arg-type]
    if option is None:
        raise AnswerRejected(f"invalid option for question {question.code}")
    if option.question_id != question.id:
        raise AnswerRejected(f"invalid option for question {question.code}")
    return option


def answers_save(*, respondent: Respondent, values: dict[str, str]) -> list[Answer]:
    """Saves ``{question id: option id or "dont_know"}`` for a respondent, all or nothing.

    Every id is checked against the respondent's questionnaire first, so a
    foreign or tampered id saves nothing and raises AnswerRejected. Each answer
    that changes is recorded in the audit trail (AnswerChange), in one insert.
    """
    if respondent.submitted_at is not None:
        raise AnswerRejected("answers were already submitted")
    if not values:
        return []
    ids = {parse_id(k): v for k, v in values.items()}
    if None in ids:
        raise AnswerRejected("invalid question")
    questions = Question.objects.in_bulk(list(ids))
    questionnaire_id = respondent.assessment.questionnaire_id
    if len(questions) != len(ids) or any(
        q.questionnaire_id != questionnaire_id for q in questions.values()
    ):
        raise AnswerRejected("invalid question")
    options = Option.objects.in_bulk([i for i in map(parse_id, ids.values()) if i is not None])
    parsed = {qid: _parse_option(questions[qid], v, options) for qid, v in ids.items()}
    answers = [Answer(respondent=respondent, question=questions[qid], option=option,
                      dont_know=option is None) for qid, option in parsed.items()]
    now = timezone.now()
    with transaction.atomic():
        # This first write locks the respondent's row until commit, so two tabs or
        # devices saving at once run one after the other: each reads what the other
        # wrote, the last write per question wins and the history keeps the other.
        # Its condition also refuses a save that raced with the submission.
        if not Respondent.objects.filter(pk=respondent.pk, submitted_at__isnull=True).update(
                updated_at=now):
            raise AnswerRejected("answers were already submitted")
        # Stamped now, after the lock: the history's order is the order saves took effect.
        answers_write(states={(respondent.pk, a.question_id): (a.option_id, a.dont_know)
                              for a in answers}, source=Source.RESPONDENT)
    return answers


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
        if not respondent.answers_are_official:
            # A participant's answers feed the workshop; the agreed consensus is scored.
            return SubmitResult(True, [])
        assessment.submitted_at = assessment.submitted_at or respondent.submitted_at
        assessment_score(assessment=assessment, levels=answer_levels(respondent=respondent))
    return SubmitResult(True, [])


def result_snapshot(
    spec: scoring.QuestionnaireSpec, row: Any, levels: dict[str, int | None]
) -> dict[str, Any]:
    """The result fields stored on an assessment, from one scored row."""
    explanation = scoring.explanation(spec, row)
    target = spec.profiles.get(explanation["next_cluster"] or explanation["cluster"], {})
    strengths, gaps = scoring.strengths_and_gaps(spec, levels, target)
    codes = [q.code for q in spec.scored]
    matrix = pd.DataFrame([[levels.get(c) for c in codes]], columns=codes, dtype=float)
    near = borderline(spec, row.to_frame().T.infer_objects().reset_index(drop=True), matrix)[0]
    return {
        "overall": round(float(row["overall"]), 1),
        "cluster": explanation["cluster"],
        "scores": scoring.dimension_scores(row, spec.dimensions),
        "result": {
            "version": spec.version,
            "explanation": explanation,
            "dont_know": int(row["dont_know"]),
            "questions": int(row["questions"]),
            "strengths": strengths,
            "gaps": gaps,
            "borderline": near,
            "levels": pack([levels.get(c) for c in codes]),
        },
        "scored_at": timezone.now(),
    }


def assessment_score(*, assessment: Assessment, levels: dict[str, int | None]) -> Assessment:
    """Scores an assessment's official answers and stores the result snapshot."""
    spec = questionnaire_spec(questionnaire=assessment.questionnaire)
    answers = {code: (DONT_KNOW if lv is None else lv) for code, lv in levels.items()}
    row, _ = scoring.score_one(spec, answers)
    for name, value in result_snapshot(spec, row, levels).items():
        setattr(assessment, name, value)
    with transaction.atomic():
        assessment.save()
        waves_number(company_ids=[assessment.company_id])
    assessment.refresh_from_db(fields=["wave"])
    return assessment
