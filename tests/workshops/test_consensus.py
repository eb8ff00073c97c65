"""The workshop view and the consensus: the agreed answers become the official result."""

import pytest
from django.urls import reverse

from assessment.models import Assessment, Question, Respondent
from assessment.rescoring import assessments_rescore_all
from reports.document.inputs import inputs_for_assessment
from tests.factories import answer, invite, queries_of
from workshops import services as ws

pytestmark = pytest.mark.django_db
QUERIES = 10  # see test_workshop_view_queries_do_not_grow_with_participants


@pytest.fixture
def answered(workshop):
    ceo, cmo = invite(workshop, "Anna", "CEO"), invite(workshop, "Bruno", "CMO")
    answer(ceo, {"STR01": 1, "DAT02": 2}, default=3)
    answer(cmo, {"STR01": 5, "DAT02": 4, "EXE03": None}, default=3)
    return workshop


def test_workshop_view_shows_completion_and_hotspots_widest_first(client, consultant, answered):
    client.force_login(consultant)
    response = client.get(reverse("consultant:workshop", args=[answered.pk]))
    html = response.content.decode()
    assert [q["code"] for q in response.context["hotspots"]] == ["STR01", "DAT02"]
    assert [row["answered"] for row in response.context["participants"]] == [15, 15]
    # Reloaded by static/js/workshop.js (not a meta refresh, which pulls keyboard focus away);
    # a meta refresh only for a browser without scripts.
    assert 'data-refresh="5"' in html and 'js/workshop.js' in html
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in html
    strategy = response.context["dimensions"][0]
    assert strategy["spread"] > 0 and {r["role"] for r in strategy["roles"]} == {
        "CEO or general manager", "Marketing (CMO)"}


def test_workshop_view_can_pause_refreshing(client, consultant, answered):
    client.force_login(consultant)
    html = client.get(reverse("consultant:workshop", args=[answered.pk]) + "?refresh=0"
                      ).content.decode()
    assert 'data-refresh' not in html and 'http-equiv="refresh"' not in html


def test_workshop_view_queries_do_not_grow_with_participants(client, consultant, answered):
    client.force_login(consultant)
    url = reverse("consultant:workshop", args=[answered.pk])
    before = queries_of(client, url)
    for i in range(4):
        answer(invite(answered, f"Extra{i}", "sales"), {}, default=2)
    # session, user, assessment, participants, answers, questions, dimensions,
    # spec (2: dimensions, questions), consensus = 10, whatever the number of people.
    assert queries_of(client, url) == before
    assert before == QUERIES, before


def test_consensus_form_offers_the_median_and_saving_it_scores_the_assessment(
        client, consultant, answered):
    client.force_login(consultant)
    url = reverse("consultant:consensus", args=[answered.pk])
    rows = {q["code"]: q for q in client.get(url).context["questions"]}
    assert rows["STR01"]["chosen"] == 1  # lower median of 1 and 5
    assert rows["EXE03"]["chosen"] == 3  # the only level given
    form = {f"c_{code}": q["chosen"] for code, q in rows.items()}
    form["c_STR01"] = "4"  # the group agreed on 4
    response = client.post(url, form)
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.scored_at is not None
    consensus = Respondent.objects.get(assessment=answered, is_consensus=True)
    assert consensus.answers.get(question__code="STR01").option.level == 4
    # the report and re-scoring use the consensus, not a participant's answers
    assert inputs_for_assessment(answered, "en").levels["STR01"] == 4
    overall = answered.overall
    assessments_rescore_all(assessments=Assessment.objects.filter(pk=answered.pk))
    answered.refresh_from_db()
    assert answered.overall == overall


def test_partial_consensus_is_saved_but_not_scored(answered):
    assert not ws.consensus_save(assessment=answered, levels={"STR01": 3})
    answered.refresh_from_db()
    assert answered.scored_at is None


@pytest.mark.parametrize("value", ["7", "abc", "0"])
def test_bad_consensus_level_is_refused_with_a_message(client, consultant, answered, value):
    client.force_login(consultant)
    response = client.post(reverse("consultant:consensus", args=[answered.pk]),
                           {"c_STR01": value})
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert not Respondent.objects.filter(is_consensus=True).exists()


def test_consensus_service_refuses_unknown_codes(answered):
    with pytest.raises(ws.ConsensusRejected):
        ws.consensus_save(assessment=answered, levels={"NOPE": 3})
    assert Question.objects.filter(code="STR01").exists()


def test_workshop_view_speaks_italian(client, consultant, answered):
    client.force_login(consultant)
    client.cookies["django_language"] = "it"
    html = client.get(reverse("consultant:workshop", args=[answered.pk])).content.decode()
    assert "Punti caldi della discussione" in html and "Divario per dimensione" in html
