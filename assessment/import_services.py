"""Writes: answers collected offline, imported all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from django.db import transaction
from django.utils import timezone

from .answer_history import State, changes_build
from .answers_table import ParsedRow, parse_table, read_table, template_bytes
from .choices import Role
from .models import Answer, AnswerChange, Assessment, Option, Question, Questionnaire, Respondent
from .models.history import Source


@dataclass
class ImportResult:
    created: int
    updated: int
    answers: int


def questionnaire_codes(questionnaire: Questionnaire) -> list[str]:
    return list(Question.objects.filter(questionnaire=questionnaire)
                .order_by("dimension__order", "order").values_list("code", flat=True))


def answers_template(*, questionnaire: Questionnaire, fmt: str) -> bytes:
    """The blank CSV or XLSX for a questionnaire version (texts in the active language)."""
    questions = pd.DataFrame(
        list(Question.objects.filter(questionnaire=questionnaire)
             .order_by("dimension__order", "order")
             .values_list("code", "dimension__code", "text")),
        columns=["code", "dimension", "question"])
    return template_bytes(questionnaire_codes(questionnaire), fmt, questions)


def _match(existing: list[Respondent], who: str) -> Respondent | None:
    key = who.lower()
    for r in existing:
        if (("@" in who and r.email.lower() == key) or r.name.lower() == key):
            return r
    return None


@transaction.atomic
def answers_import(*, assessment: Assessment, name: str, data: bytes, user=None
                   ) -> ImportResult:
    """Imports a CSV/XLSX of participants' answers into an assessment, all or nothing.

    A participant already in the assessment (same name, or same e-mail) gets the
    file's answers in place of theirs; others are added. Raises
    ``answers_table.TableRejected`` listing every problem, with nothing saved.
    Every changed answer goes to the audit trail, with ``user`` (the consultant) as author.
    """
    codes = questionnaire_codes(assessment.questionnaire)
    rows: list[ParsedRow] = parse_table(read_table(name, data), codes, Role.values)
    questions = dict(Question.objects.filter(questionnaire=assessment.questionnaire)
                     .values_list("code", "id"))
    scored = set(Question.objects.filter(questionnaire=assessment.questionnaire, scored=True)
                 .values_list("code", flat=True))
    options = {(q, lv): o for o, q, lv in Option.objects.filter(
        question__questionnaire=assessment.questionnaire).values_list("id", "question_id",
                                                                      "level")}
    existing = list(Respondent.objects.select_for_update()
                    .filter(assessment=assessment, is_consensus=False))
    before: dict[int, dict[int, State]] = {}
    for rid, qid, option_id, dont_know in Answer.objects.filter(
            respondent__in=existing).values_list("respondent_id", "question_id", "option_id",
                                                  "dont_know"):
        before.setdefault(rid, {})[qid] = (option_id, dont_know)
    created = updated = 0
    answers = []
    now = timezone.now()
    for row in rows:
        respondent = _match(existing, row.participant)
        if respondent is None:
            email = row.participant if "@" in row.participant else ""
            respondent = Respondent(assessment=assessment, role=row.role,
                                    name="" if email else row.participant, email=email)
            respondent.full_clean()
            respondent.save()
            existing.append(respondent)
            created += 1
        else:
            respondent.role = row.role
            updated += 1
        complete = scored <= set(row.levels)
        respondent.submitted_at = now if complete else respondent.submitted_at
        respondent.save(update_fields=["role", "submitted_at", "updated_at"])
        Answer.objects.filter(respondent=respondent,
                              question__code__in=list(row.levels)).delete()
        for code, level in row.levels.items():
            qid = questions[code]
            answers.append(Answer(respondent=respondent, question_id=qid,
                                  option_id=None if level is None else options[(qid, level)],
                                  dont_know=level is None))
    Answer.objects.bulk_create(answers)
    after: dict[int, dict[int, State]] = {}
    for a in answers:
        after.setdefault(a.respondent_id, {})[a.question_id] = (a.option_id, a.dont_know)
    AnswerChange.objects.bulk_create([
        change for rid, states in after.items()
        for change in changes_build(respondent_id=rid, before=before.get(rid, {}),
                                    after=states, source=Source.IMPORT, user=user, at=now)])
    return ImportResult(created=created, updated=updated, answers=len(answers))
