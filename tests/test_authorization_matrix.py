"""Every URL of the product × every persona, with the expected outcome.

Personas: an anonymous visitor; the respondent holding company A's private link; a
respondent of another company (holding their own link, trying A's with a changed
token); a participant of A's workshop holding their personal link, who never
answered, the report not shared; a participant of A's other workshop, whose report
the consultant shared; the consultant who owns company A; another consultant; an
admin. Both workshops have a finished PDF. A new URL without a row here fails
``test_every_url_has_a_row``.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from assessment.models import AnswerChange
from assessment.services import respondent_submit
from tests.factories import (
    answer,
    invite,
    make_questionnaire,
    make_report_content,
    make_respondent,
    make_user,
)

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "respondent", "other_respondent", "participant", "shared_participant",
            "consultant", "other_consultant", "admin")
LOGIN = "login"  # a redirect to a login page
OK = {200}
REDIRECT = {302}
NOT_FOUND = {404}

# name: (method, which object the URL names, {persona: expected}, default for the others)
PUBLIC = {p: OK for p in PERSONAS}
TOKEN = "token"  # the URL carries the private link; "other" personas change it


def consultant_only(ok, other=NOT_FOUND):
    return {**{p: LOGIN for p in PERSONAS},
            "consultant": ok, "other_consultant": other, "admin": ok}


def staff_only():
    return {**{p: LOGIN for p in PERSONAS}, "admin": OK}


def link_only(ok, participant, shared):
    """Without its link nobody reaches an assessment: a changed token is not found.
    ``participant`` and ``shared`` are what the two participants' own links get."""
    return {**{p: NOT_FOUND for p in PERSONAS}, "respondent": ok, "participant": participant,
            "shared_participant": shared}


def report_link(ok):
    # The consolidated report: never through a participant's link unless shared.
    return link_only(ok, participant=NOT_FOUND, shared=ok)


MATRIX = {
    "healthz": ("get", None, PUBLIC),
    "set_language": ("post", None, {p: REDIRECT for p in PERSONAS}),
    "assessment:landing": ("get", None, PUBLIC),
    "assessment:method": ("get", None, PUBLIC),
    "assessment:start": ("get", None, PUBLIC),
    "consultant:login": ("get", None, {**PUBLIC, "consultant": REDIRECT,
                                       "other_consultant": REDIRECT, "admin": REDIRECT}),
    "consultant:logout": ("post", None, {p: REDIRECT for p in PERSONAS}),
    "consultant:home": ("get", None, consultant_only(OK, other=OK)),
    "consultant:company_create": ("get", None, consultant_only(OK, other=OK)),
    "consultant:brand": ("get", None, consultant_only(OK, other=OK)),  # each edits their own
    "consultant:company": ("get", "company", consultant_only(OK)),
    # an empty form goes back to the company page with a message
    "consultant:assessment_create": ("post", "company", consultant_only(REDIRECT)),
    "consultant:assessment": ("get", "assessment", consultant_only(OK)),
    "consultant:invite": ("post", "assessment", consultant_only({400})),
    "consultant:participant_link": ("get", "participant", consultant_only(OK)),
    "consultant:revoke": ("post", "participant", consultant_only(REDIRECT)),
    "consultant:resend": ("post", "participant", consultant_only(REDIRECT)),
    "consultant:privacy_export": ("post", "participant", consultant_only(OK)),
    "consultant:privacy_erase": ("post", "participant", consultant_only(REDIRECT)),
    "consultant:workshop": ("get", "assessment", consultant_only(OK)),
    "consultant:consensus": ("get", "assessment", consultant_only(OK)),
    "consultant:import": ("get", "assessment", consultant_only(OK)),
    "consultant:roadmap": ("get", "assessment", consultant_only(OK)),
    "consultant:kpis": ("get", "assessment", consultant_only(OK)),
    "consultant:history": ("get", "assessment", consultant_only(OK)),
    "consultant:restore": ("post", "change", consultant_only(REDIRECT)),
    "consultant:results": ("get", "assessment", consultant_only(OK)),
    "consultant:report_status": ("get", "assessment", consultant_only(OK)),
    "consultant:report": ("post", "assessment", consultant_only(REDIRECT)),
    "consultant:report_download": ("get", "report_download", consultant_only(OK)),
    "consultant:report_share": ("post", "assessment", consultant_only(REDIRECT)),
    "consultant:template": ("get", "template", consultant_only(OK, other=OK)),
    "benchmark:dashboard": ("get", None, staff_only()),
    "benchmark:method_health": ("get", None, staff_only()),
    "benchmark:export": ("get", "export", staff_only()),
    # The participant never answered (pages open, nothing to submit yet); the shared
    # participant submitted (pages lead to the thank-you page).
    "assessment:resume": ("get", TOKEN, link_only(REDIRECT, REDIRECT, REDIRECT)),
    "assessment:dimension": ("get", TOKEN, link_only(REDIRECT, OK, REDIRECT)),
    # submitted: refused, kept; an empty answer is not valid
    "assessment:autosave": ("post", TOKEN, link_only({409}, {400}, {409})),
    "assessment:email_link": ("post", TOKEN, link_only({400}, {400}, {400})),  # no address
    "assessment:review": ("get", TOKEN, link_only(REDIRECT, OK, REDIRECT)),
    "assessment:results": ("get", TOKEN, link_only(OK, REDIRECT, OK)),
    "reports:start": ("post", TOKEN, report_link(REDIRECT)),
    "reports:status": ("get", TOKEN, report_link(OK)),
    # the self-assessment has no PDF yet; both workshops have one
    "reports:download": ("get", TOKEN, link_only(NOT_FOUND, NOT_FOUND, OK)),
}


def _names() -> set[str]:
    found = set()

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                if pattern.namespace == "admin":
                    continue  # Django's own admin: staff only, tested by Django
                ns = pattern.namespace or namespace
                walk(pattern, ns)
            elif pattern.name:
                found.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver())
    return found


def test_every_url_has_a_row():
    assert _names() == set(MATRIX)


@pytest.fixture
def world(db):
    questionnaire = make_questionnaire(per_dimension=2)
    make_report_content()
    owner, other, admin = make_user("carla"), make_user("oscar"), make_user("ada", staff=True)
    admin.is_superuser = True
    admin.save()
    from workshops import services as ws

    company = ws.company_create(owner=owner, name="Alfa", sector="retail", size="large",
                                country="IT")
    workshop = ws.assessment_create(company=company, mode="workshop", language="en")
    participant = invite(workshop, "Paola", "CMO")
    # The group's consensus is recorded, so the workshop has a result, a roadmap, a report.
    levels = {q.code: 3 for q in questionnaire.questions.all()}
    assert ws.consensus_save(assessment=workshop, levels=levels)
    shared = ws.assessment_create(company=company, mode="workshop", language="en")
    shared_participant = invite(shared, "Sara", "CIO")
    answer(shared_participant, default=4)
    assert respondent_submit(respondent=shared_participant).ok
    assert ws.consensus_save(assessment=shared, levels=levels)
    ws.report_share(assessment=shared, user=owner, shared=True)
    for done in (workshop, shared):
        _finished_pdf(done)
    respondent = make_respondent(name="Alfa self")
    answer(respondent, default=3)
    assert respondent_submit(respondent=respondent).ok
    stranger = make_respondent(name="Beta")
    clients = {name: Client() for name in PERSONAS}
    for name, user in (("consultant", owner), ("other_consultant", other), ("admin", admin)):
        clients[name].force_login(user)
    tampered = respondent.token[:-1] + ("A" if respondent.token[-1] != "A" else "B")
    return {
        "clients": clients, "tampered": tampered,
        "tokens": {"respondent": respondent.token, "participant": participant.token,
                   "shared_participant": shared_participant.token},
        "stranger": stranger,
        "company": company.pk, "assessment": workshop.pk, "participant": participant.pk,
        "change": (workshop.pk, AnswerChange.objects.filter(
            respondent__assessment=workshop).first().pk),
        "report_download": (workshop.pk, "en"), "template": (questionnaire.pk, "csv"),
        "export": ("csv",),
    }


def _finished_pdf(assessment) -> None:
    from reports.models import ReportFile
    from reports.selectors import report_fingerprint

    ReportFile.objects.create(
        assessment=assessment, language="en", status=ReportFile.Status.DONE, pdf=b"%PDF-1.7",
        fingerprint=report_fingerprint(assessment=assessment, language="en"))


def _url(name: str, kind: str | None, world: dict, persona: str) -> str:
    if kind is None:
        return reverse(name)
    if kind == TOKEN:
        token = world["tokens"].get(persona, world["tampered"])
        extra = {"assessment:dimension": [1], "reports:download": ["en"]}.get(name, [])
        return reverse(name, args=[token, *extra])
    args = world[kind]
    return reverse(name, args=list(args) if isinstance(args, tuple) else [args])


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_answers_each_persona_as_expected(world, name, persona):
    method, kind, expected = MATRIX[name]
    client = world["clients"][persona]
    response = getattr(client, method)(_url(name, kind, world, persona))
    want = expected[persona]
    if want == LOGIN:
        assert response.status_code == 302, response.status_code
        assert "login" in response["Location"], response["Location"]
    else:
        assert response.status_code in want, (response.status_code, want)


def test_a_link_never_reaches_another_companys_results(world):
    """Another company's respondent sees their own assessment through their link, never A's."""
    client = world["clients"]["other_respondent"]
    stranger = world["stranger"]
    review = client.get(reverse("assessment:review", args=[stranger.token]))
    assert review.status_code == 200
    assert review.context["respondent"].assessment.company.name == "Beta"
    assert client.get(reverse("assessment:results", args=[world["tampered"]])).status_code \
        == 404
