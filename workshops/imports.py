"""Writes: answers collected offline, imported all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

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
from assessment.scoring.engine import DONT_KNOW
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


def role_spellings() -> dict[str, str]:
    """Every accepted way of writing a role, lower case: its code and its label in each
    language ("customer_care", "Customer care", "Assistenza clienti")."""
    spellings = {}
    for code, _label in Role.choices:
        spellings[code.lower()] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                spellings[str(Role(code).label).lower()] = code
    return spellings


def template_instructions(questionnaire: Questionnaire) -> list[list[str]]:
    """The template's instructions, in the active language: how to fill it, the roles
    (label and code), the levels, an example row and every question with its text."""
    codes = questionnaire_codes(questionnaire)
    sample = ("3", "4", DONT_KNOW, "2", "")
    example = ["Anna Rossi", str(Role.CEO.label), *(sample[i % len(sample)]
                                                    for i in range(len(codes)))]
    rows = [
        [_("How to fill this file: one row per participant, below the header row.")],
        [_("participant: a name or an e-mail; role: one of the roles below, by name or code.")],
        [_("Each question column: a level from 1 to 5 as in the questionnaire, "
           "%(dk)s for \"don't know\", or empty if not answered.") % {"dk": DONT_KNOW}],
        [_("Lines starting with # are ignored.")],
        [_("Example row:") + " " + ",".join(example)],
        [_("Roles:")],
        *[[str(label), code] for code, label in Role.choices],
        [_("Questions:")],
    ]
    rows += [[code, str(dimension), text] for code, dimension, text in
             Question.objects.filter(questionnaire=questionnaire)
             .order_by("dimension__order", "order")
             .values_list("code", "dimension__name", "text")]
    return rows


def answers_template(*, questionnaire: Questionnaire, fmt: str) -> bytes:
    """The blank CSV or XLSX for a questionnaire version, with its instructions (texts in
    the active language)."""
    return template_bytes(questionnaire_codes(questionnaire), fmt,
                          template_instructions(questionnaire))


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
                                        role_spellings())
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
