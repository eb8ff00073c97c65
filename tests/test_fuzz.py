"""Malformed, oversized and foreign input at every public form and endpoint: never a 500, and
never a corrupt database.

Each test posts generated data, then checks the status (< 500) and the invariants: every
answer has an option xor "don't know", its option belongs to its question and its question
to its respondent's questionnaire; a rejected request (4xx) changed no row count.
"""

from __future__ import annotations

import pytest
from django.db.models import F, Q
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.models import Answer, AnswerChange, Assessment, Company, Option, Respondent
from reports.models import KpiRecord, RoadmapEdit
from tests.factories import answer, invite, make_questionnaire, make_report_content, make_respondent
from workshops import services as ws

pytestmark = pytest.mark.django_db


def fuzz(examples: int):
    # The database fixtures are set up once per test and shared by its examples on
    # purpose: the invariants are checked after every example instead.
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(autouse=True)
def _no_throttling(settings):
    """Rate limits are tested elsewhere; here they would only hide the endpoints (429 is
    accepted all the same, should a limit still apply)."""
    settings.RATELIMIT_ENABLE = False


# --- generated values ---------------------------------------------------------------

# Any text the client can encode (no lone surrogates), NUL and control characters included.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
HUGE = st.builds(lambda c, n: c * n, st.sampled_from(["9", "a", "é", "\x00", "💥", " "]),
                 st.integers(1_000, 20_000))
INTS = st.integers(min_value=-(2**70), max_value=2**70).map(str)
SPECIAL = st.sampled_from(["", "0", "-1", "dont_know", "DONT_KNOW", "1e3", "1.0", " 1", "٣",
                           "１", "null", "None", "[]", "{}", "\x00", "1\x00", "true",
                           "9223372036854775808", "<script>", "' OR 1=1 --"])


def junk(*valid: str):
    """A value: valid choices now and then, else anything."""
    base = st.one_of(TEXT, HUGE, INTS, SPECIAL)
    return st.one_of(st.sampled_from(valid), base) if valid else base


def field(*valid: str):
    """A form field as posted: missing (None), one value, or a list of values."""
    return st.one_of(st.none(), junk(*valid), st.lists(junk(*valid), max_size=5))


def form(fields: dict[str, st.SearchStrategy], extra_keys: list[str] | None = None):
    """Posted data: the given fields (each maybe missing) plus some foreign keys."""
    keys = st.one_of(st.sampled_from(extra_keys or ["x"]),
                     st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF,
                                           exclude_characters='"\\'), min_size=1, max_size=12))
    return st.tuples(st.fixed_dictionaries(fields),
                     st.dictionaries(keys, field(), max_size=4)).map(
        lambda t: {k: v for k, v in {**t[1], **t[0]}.items() if v is not None})


# --- invariants ---------------------------------------------------------------------

MODELS = (Company, Assessment, Respondent, Answer, AnswerChange, RoadmapEdit, KpiRecord)


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in MODELS)


def assert_consistent() -> None:
    answers = Answer.objects
    assert not answers.filter(Q(option__isnull=False, dont_know=True)
                              | Q(option__isnull=True, dont_know=False)).exists()
    assert not answers.filter(option__isnull=False).exclude(
        option__question=F("question")).exists()
    assert not answers.exclude(
        question__questionnaire=F("respondent__assessment__questionnaire")).exists()
    for side in ("old", "new"):
        assert not AnswerChange.objects.filter(**{f"{side}_option__isnull": False}).exclude(
            **{f"{side}_option__question": F("question")}).exists()


def post(client: Client, url: str, data: dict, accepted: set[int]) -> int:
    """Posts and checks: no 500, consistent database, nothing written unless accepted."""
    before = counts()
    response = client.post(url, data)
    status = response.status_code
    assert status < 500, (url, data)
    assert_consistent()
    if status not in accepted:
        assert counts() == before, (status, data)
    return status


# --- the executive survey -------------------------------------------------------------

@pytest.fixture
def survey(db):
    """A respondent halfway through, and a foreign questionnaire's ids to throw at it."""
    questionnaire = make_questionnaire(per_dimension=3)
    foreign = make_questionnaire(per_dimension=1, version="foreign")
    respondent = make_respondent()
    answer(respondent, {}, default=2)
    Answer.objects.filter(respondent=respondent, question__code__startswith="EXE").delete()
    own = Option.objects.filter(question__questionnaire=questionnaire)
    alien = Option.objects.filter(question__questionnaire=foreign)
    return {
        "respondent": respondent,
        "question_ids": sorted({str(o.question_id) for o in own}),
        "option_ids": [str(o.id) for o in own],
        "foreign_ids": [str(o.id) for o in alien] + sorted({str(o.question_id) for o in alien}),
    }


def ids_of(survey: dict):
    return survey["question_ids"] + survey["option_ids"] + survey["foreign_ids"]


START_FIELDS = {"company": field("Acme", "  Acme  Retail "),
                "sector": field("retail", "banking"), "size": field("large", "small"),
                "country": field("IT", "DE"), "role": field("CEO", "CMO", "other")}


@given(data=form(START_FIELDS, ["csrfmiddlewaretoken", "name", "email", "language"]))
@fuzz(120)
def test_start_form(client, survey, data):
    post(client, reverse("assessment:start"), data, accepted={302})


@given(data=st.data())
@fuzz(300)
def test_dimension_page_post(client, survey, data):
    respondent = survey["respondent"]
    step = data.draw(st.sampled_from([1, 2, 5, 6, 0, 10**6]))
    values = st.one_of(st.sampled_from(ids_of(survey)), junk())
    names = st.one_of(st.sampled_from([f"q{i}" for i in ids_of(survey)]),
                      INTS.map(lambda i: f"q{i}"), st.sampled_from(["q", "q-1", "qq", "go"]))
    body = data.draw(st.dictionaries(names, st.one_of(values, st.lists(values, max_size=3)),
                                     max_size=6))
    if data.draw(st.booleans()):
        body["go"] = data.draw(junk("back", "next"))
    url = reverse("assessment:dimension", args=[respondent.token, step])
    status = post(client, url, body, accepted={302})
    if status == 302:  # saved: only known questions of this questionnaire, as asserted
        assert respondent.answers.count() <= len(survey["question_ids"])


@given(question=st.one_of(st.sampled_from(["", "x"]), INTS, TEXT, HUGE,
                          st.lists(INTS, max_size=3)),
       value=st.one_of(SPECIAL, INTS, TEXT, HUGE, st.lists(TEXT, max_size=3)),
       token_kind=st.sampled_from(["own", "own", "own", "junk"]),
       pick=st.data())
@fuzz(700)
def test_autosave(client, survey, question, value, token_kind, pick):
    respondent = survey["respondent"]
    if pick.draw(st.booleans()):  # now and then, real ids (own or foreign), mixed up
        question = pick.draw(st.sampled_from(ids_of(survey)))
        value = pick.draw(st.one_of(st.sampled_from(ids_of(survey)), st.just("dont_know")))
    token = respondent.token if token_kind == "own" else pick.draw(
        st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/"),
                min_size=1, max_size=80))
    data = {} if question is None else {"question": question, "value": value}
    try:
        url = reverse("assessment:autosave", args=[token])
    except Exception:  # noqa: BLE001 - a token the URL pattern cannot hold is no request
        return
    status = post(client, url, data, accepted={200})
    assert status in {200, 400, 404, 409, 429}


@given(data=form({"go": field("back")}, ["csrfmiddlewaretoken", "submit", "question"]),
       token_kind=st.sampled_from(["own", "junk"]))
@fuzz(200)
def test_review_post(client, survey, data, token_kind):
    token = survey["respondent"].token if token_kind == "own" else "z" * 43
    post(client, reverse("assessment:review", args=[token]), data, accepted={302})


@pytest.fixture
def scored_self(db):
    make_questionnaire(per_dimension=3)
    respondent = make_respondent()
    answer(respondent, default=3)
    Client().post(reverse("assessment:review", args=[respondent.token]))
    respondent.assessment.refresh_from_db()
    assert respondent.assessment.scored_at is not None
    return respondent


@given(data=form({"language": field("it", "en")}, ["report", "format"]))
@fuzz(100)
def test_report_start_with_bad_language(client, scored_self, data):
    status = post(client, reverse("reports:start", args=[scored_self.token]), data,
                  accepted={302})
    assert status in {302, 400, 429}  # 400: a body over DATA_UPLOAD_MAX_MEMORY_SIZE


# --- the consultants' forms ------------------------------------------------------------

@pytest.fixture
def logged_in(client, consultant):
    client.force_login(consultant)  # django-axes refuses client.login
    return client


COMPANY_FIELDS = {"name": field("Delta Srl"), "sector": field("retail", "banking"),
                  "size": field("large", "small"), "country": field("IT", "FR")}


@given(data=form(COMPANY_FIELDS, ["owner", "shared_with", "id"]))
@fuzz(120)
def test_company_create(logged_in, questionnaire, data):
    post(logged_in, reverse("consultant:company_create"), data, accepted={302})


INVITE_FIELDS = {"name": field("Marco"), "email": field("marco@example.com", "a@b.co"),
                 "role": field("CIO", "CEO")}


@given(data=form(INVITE_FIELDS, ["assessment", "token", "is_consensus"]))
@fuzz(200)
def test_participant_invite(logged_in, workshop, data):
    post(logged_in, reverse("consultant:invite", args=[workshop.pk]), data, accepted={302})


@pytest.fixture
def answered_workshop(workshop):
    for name, level in [("Anna", 1), ("Bruno", 4)]:
        answer(invite(workshop, name, "CEO"), {}, default=level)
    return workshop


@given(data=st.data())
@fuzz(120)
def test_consensus(logged_in, answered_workshop, data):
    codes = list(answered_workshop.questionnaire.questions.values_list("code", flat=True))
    fields = {f"c_{code}": field("1", "3", "5", "dont_know", "") for code in
              data.draw(st.lists(st.sampled_from(codes), max_size=len(codes), unique=True))}
    body = data.draw(form(fields, ["c_NOPE", "c_", "c_STR01 ", "consensus"]))
    post(logged_in, reverse("consultant:consensus", args=[answered_workshop.pk]), body,
         accepted={302})


@pytest.fixture
def roadmap_workshop(answered_workshop):
    make_report_content()
    ws.consensus_save(assessment=answered_workshop,
                      levels=dict.fromkeys(ws.scored_codes(assessment=answered_workshop), 2))
    answered_workshop.refresh_from_db()
    assert answered_workshop.scored_at is not None
    return answered_workshop


# One row of the editor's formset (the first), its management form, and the add form.
ROADMAP_FIELDS = {"row-TOTAL_FORMS": field("1", "3"), "row-INITIAL_FORMS": field("3"),
                  "row-0-code": field("A-STR-1", "A-DAT-1", "A-EXE-1"),
                  "row-0-edit_id": field("", "1"), "row-0-drop": field("on", "true"),
                  "row-0-title": field("Do more"),
                  "row-0-phase": field("quick_wins", "foundations", "scale"),
                  "row-0-owner": field("CMO"),
                  "row-0-due": field("2027-01-31", "2027-02-30", "31/12/2027"),
                  "title": field("Pilot"), "dimension": field("strategy", "data"),
                  "question_code": field("STR01"), "impact": field("1", "3", "4"),
                  "effort": field("2", "0"), "phase": field("scale")}


@given(data=form(ROADMAP_FIELDS, ["add", "restore", "save", "reset", "assessment"]),
       verb=st.sampled_from([None, "save", "save", "add", "restore"]), restore=junk("1", "2"))
@fuzz(140)
def test_roadmap_edit(logged_in, roadmap_workshop, data, verb, restore):
    if verb in {"add", "save"}:
        data[verb] = "1"
    elif verb == "restore":
        data["restore"] = restore
    post(logged_in, reverse("consultant:roadmap", args=[roadmap_workshop.pk]), data,
         accepted={302})


# Two rows of the KPI page's formset and its management form.
KPI_FIELDS = {"kpi-TOTAL_FORMS": field("1", "2", "4"), "kpi-INITIAL_FORMS": field("4"),
              "kpi-0-code": field("nps", "csat", "scv_coverage"), "kpi-1-code": field("csat"),
              "kpi-0-baseline": field("12", "-40", "150", "4,8", "1e3", "NaN", "Infinity"),
              "kpi-0-target": field("20", "", "-101"), "kpi-1-baseline": field("70", "101"),
              "kpi-1-target": field("80")}


@given(data=form(KPI_FIELDS, ["save", "kpi-2-code", "kpi-MAX_NUM_FORMS"]))
@fuzz(100)
def test_kpi_records(logged_in, roadmap_workshop, data):
    post(logged_in, reverse("consultant:kpis", args=[roadmap_workshop.pk]), data,
         accepted={302})
    assert not KpiRecord.objects.filter(baseline__gt=100, kpi__code__in=["csat"]).exists()
