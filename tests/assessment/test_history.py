"""Every change of an answer is recorded, and an overwritten answer can be put back."""

import pandas as pd
import pytest
from django.contrib.admin.sites import site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.answers.restore import answer_restore
from assessment.models import Answer, AnswerChange, Option, Question
from assessment.services import AnswerRejected, answers_save
from tests.factories import answer, invite, make_respondent, option, trail
from workshops import services as ws
from workshops.imports import answers_import

pytestmark = pytest.mark.django_db
LABELS = ("old_label", "new_label", "source")


def save(respondent, code, level):
    """Saves one answer through the service: a level, "dont_know"."""
    question = Question.objects.get(code=code,
                                    questionnaire=respondent.assessment.questionnaire)
    value = "dont_know" if level == "dont_know" else str(option(respondent, code, level).id)
    answers_save(respondent=respondent, values={str(question.id): value})


def test_every_change_records_old_and_new_with_dont_know_and_no_answer_distinct(questionnaire):
    respondent = make_respondent()
    save(respondent, "STR01", 2)
    save(respondent, "STR01", "dont_know")
    save(respondent, "STR01", "dont_know")  # unchanged: nothing to record
    save(respondent, "STR01", 4)
    assert trail(respondent, "STR01", *LABELS) == [
        ("no answer", "2", "respondent"), ("2", "don't know", "respondent"),
        ("don't know", "4", "respondent")]
    change = AnswerChange.objects.filter(respondent=respondent).first()
    assert change.changed_by is None and change.changed_at is not None
    assert change.question.code == "STR01"


def test_a_rejected_save_records_nothing(questionnaire):
    respondent = make_respondent()
    question = Question.objects.get(code="STR01")
    with pytest.raises(AnswerRejected):
        answers_save(respondent=respondent, values={str(question.id): "999999"})
    assert not AnswerChange.objects.exists()


def test_a_page_save_writes_answers_and_history_in_one_insert_each(questionnaire):
    respondent = make_respondent()
    answer(respondent, default=2)
    options = Option.objects.filter(question__questionnaire=questionnaire, level=4)
    values = {str(o.question_id): str(o.id) for o in options}
    with CaptureQueriesContext(connection) as ctx:
        answers_save(respondent=respondent, values=values)
    inserts = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("INSERT")]
    # answers (INSERT … ON CONFLICT DO UPDATE) and their history: one statement each,
    # whatever the number of questions
    assert len(inserts) == 2, inserts
    # questions, options, respondent lock (UPDATE), old answers, upsert, history;
    # the test's own transaction adds a savepoint around them
    statements = [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 6, statements
    assert AnswerChange.objects.filter(respondent=respondent, old_option__level=2,
                                       new_option__level=4).count() == 15


def test_an_overwritten_answer_is_restored_and_the_restore_recorded(questionnaire, consultant):
    respondent = make_respondent()
    save(respondent, "DAT02", 3)
    save(respondent, "DAT02", 5)
    overwritten = AnswerChange.objects.get(respondent=respondent, new_option__level=5)
    restored = answer_restore(change=overwritten, user=consultant)
    answer = Answer.objects.get(respondent=respondent, question__code="DAT02")
    assert answer.option.level == 3 and not answer.dont_know
    assert (restored.old_label, restored.new_label) == ("5", "3")
    assert restored.source == "restore" and restored.changed_by == consultant
    assert answer_restore(change=overwritten) is None  # already in that state


def test_restoring_the_first_change_removes_the_answer_again(questionnaire):
    respondent = make_respondent()
    save(respondent, "DAT02", "dont_know")
    first = AnswerChange.objects.get(respondent=respondent)
    answer_restore(change=first)
    assert not Answer.objects.filter(respondent=respondent).exists()
    assert trail(respondent, "DAT02", *LABELS)[-1] == ("don't know", "no answer", "restore")


def test_restoring_a_submitted_self_assessment_answer_rescores_it(client, questionnaire):
    respondent = make_respondent()
    answer(respondent, default=5)
    save(respondent, "STR01", 1)
    client.post(reverse("assessment:review", args=[respondent.token]))
    assessment = respondent.assessment
    assessment.refresh_from_db()
    before = assessment.scores["strategy"]
    answer_restore(change=AnswerChange.objects.get(respondent=respondent, new_option__level=1))
    assessment.refresh_from_db()
    assert assessment.scores["strategy"] > before


def test_consensus_changes_are_recorded_with_the_consultant(workshop, consultant):
    ws.consensus_save(assessment=workshop, levels={"STR01": 2, "STR02": None}, user=consultant)
    ws.consensus_save(assessment=workshop, levels={"STR01": 4, "STR02": None}, user=consultant)
    consensus = ws.consensus_respondent(assessment=workshop)
    assert trail(consensus, "STR01", *LABELS) == [("no answer", "2", "consensus"),
                                         ("2", "4", "consensus")]
    assert trail(consensus, "STR02", *LABELS) == [("no answer", "don't know", "consensus")]
    assert {c.changed_by for c in AnswerChange.objects.all()} == {consultant}


def test_consensus_page_records_the_logged_in_consultant(client, workshop, consultant):
    client.force_login(consultant)
    client.post(reverse("consultant:consensus", args=[workshop.pk]), {"c_STR01": "3"})
    change = AnswerChange.objects.get()
    assert change.changed_by == consultant and change.new_level == 3


def test_import_records_changes_of_an_existing_participant(workshop, consultant):
    anna = invite(workshop, "Anna", "CFO")
    save(anna, "STR01", 2)
    codes = list(Question.objects.filter(questionnaire=workshop.questionnaire)
                 .values_list("code", flat=True))
    row = {"participant": "Anna", "role": "CEO", **{c: "3" for c in codes}}
    row["STR02"] = "dont_know"
    answers_import(assessment=workshop, name="a.csv", user=consultant,
                   data=pd.DataFrame([row]).to_csv(index=False).encode())
    assert trail(anna, "STR01", *LABELS) == [("no answer", "2", "respondent"), ("2", "3", "import")]
    assert trail(anna, "STR02", *LABELS) == [("no answer", "don't know", "import")]
    assert AnswerChange.objects.filter(source="import", changed_by=consultant).count() == 15


def test_history_is_read_only_in_the_admin(client, questionnaire, staff_admin):
    staff_admin.is_superuser = True
    staff_admin.save()
    respondent = make_respondent()
    save(respondent, "STR01", 2)
    change = AnswerChange.objects.get()
    client.force_login(staff_admin)
    listing = client.get(reverse("admin:assessment_answerchange_changelist"))
    assert listing.status_code == 200 and "STR01" in listing.content.decode()
    model_admin = site._registry[AnswerChange]
    request = listing.wsgi_request
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, change)
    assert not model_admin.has_delete_permission(request, change)
