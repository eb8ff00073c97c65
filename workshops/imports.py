"""Writes: answers collected offline, imported all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from assessment.answers.history import Key, State, answers_write
from assessment.choices import Mode, Role
from assessment.models import (
    Assessment,
    Option,
    Question,
    Questionnaire,
    Respondent,
)
from assessment.models.history import Source
from workshops.reading import Limits, read_table
from workshops.table import ParsedRow, RowError, TableRejected, parse_table, template_bytes


@dataclass
class ImportResult:
    created: int
    updated: int
    answers: int


def import_limits() -> Limits:
    """The limits an uploaded answers file is read within (settings ``IMPORT_MAX_*``)."""
    return Limits(max_bytes=settings.IMPORT_MAX_BYTES,
                  max_unpacked_bytes=settings.IMPORT_MAX_UNPACKED_BYTES,
                  max_rows=settings.IMPORT_MAX_ROWS, max_columns=settings.IMPORT_MAX_COLUMNS)


def questionnaire_codes(questionnaire: Questionnaire) -> list[str]:
    return list(Question.objects.filter(questionnaire=questionnaire)
                .order_by("dimension__order", "order").values_list("code", flat=True))


def answers_template(*, questionnaire: Questionnaire, fmt: str) -> bytes:
    """The blank CSV or XLSX for a questionnaire version (texts in the active language)."""
    questions = list(Question.objects.filter(questionnaire=questionnaire)
                     .order_by("dimension__order", "order")
                     .values_list("code", "dimension__code", "text"))
    return template_bytes([q[0] for q in questions], fmt, questions)


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
    A self-assessment has no participants: it is refused.
    """
    if assessment.mode != Mode.WORKSHOP:
        raise TableRejected([RowError(0, "", "answers can be imported into a workshop "
                                             "only, not into a self-assessment")])
    codes = questionnaire_codes(assessment.questionnaire)
    rows: list[ParsedRow] = parse_table(read_table(name, data, import_limits()), codes,
                                        Role.values)
    questions = dict(Question.objects.filter(questionnaire=assessment.questionnaire)
                     .values_list("code", "id"))
    scored = set(Question.objects.filter(questionnaire=assessment.questionnaire, scored=True)
                 .values_list("code", flat=True))
    options = {(q, lv): o for o, q, lv in Option.objects.filter(
        question__questionnaire=assessment.questionnaire).values_list("id", "question_id",
                                                                      "level")}
    existing = list(Respondent.objects.select_for_update()
                    .filter(assessment=assessment, is_consensus=False))
    created = updated = 0
    states: dict[Key, State] = {}
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
        for code, level in row.levels.items():
            qid = questions[code]
            states[(respondent.pk, qid)] = (None if level is None else options[(qid, level)],
                                            level is None)
    answers_write(states=states, source=Source.IMPORT, user=user, at=now)
    return ImportResult(created=created, updated=updated, answers=len(states))
