"""The pages people see, built on the real content, for the accessibility and validity checks.

One builder serves both checks so they look at the same pages with the same data.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import Client

from assessment.content import questionnaire_load
from assessment.models import Option
from assessment.services import answers_save, respondent_submit
from reports.content import content_load
from tests.factories import answer, invite, make_respondent, make_user
from workshops import services as ws

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
NPM_INSTALL = "npm ci --no-audit --no-fund --ignore-scripts"
LANGUAGES = ("it", "en")


@dataclass(frozen=True)
class SitePage:
    name: str
    path: str
    session: str | None = None  # session cookie value of the logged-in user, if any
    # The Django admin's own markup is not ours: the dashboard is checked in its content region.
    region: str | None = None


def session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def site_pages_build() -> list[SitePage]:
    """Real questionnaire and report content, a few dozen sample companies, and one page each."""
    questionnaire_load()
    content_load()
    # Two waves so that the dashboard draws its trend charts too.
    call_command("seed_demo", companies=30, waves=2, seed=7, stdout=io.StringIO())

    # Half-way through: some answers given, so the review page lists the missing ones.
    halfway = make_respondent(name="Acme Omnichannel")
    options = Option.objects.filter(
        question__questionnaire=halfway.assessment.questionnaire, level=2
    ).order_by("question__dimension__order", "question__order")[:12]
    answers_save(respondent=halfway, values={str(o.question_id): str(o.id) for o in options})

    finished = make_respondent(name="Bianchi Retail")
    answer(finished, default=4)
    assert respondent_submit(respondent=finished).ok

    consultant = make_user("carla")
    company = ws.company_create(owner=consultant, name="Omega Stores", sector="retail",
                                size="large", country="IT")
    workshop = ws.assessment_create(company=company, mode="workshop", language="en")
    answer(invite(workshop, "Anna", "CEO"), {"STR01": 1})
    answer(invite(workshop, "Bruno", "CIO"), {"STR01": 5, "DAT01": None})

    admin = make_user("ada", staff=True)
    last_step = halfway.assessment.questionnaire.dimensions.count()
    return [
        SitePage("landing", "/"),
        SitePage("survey", f"/r/{halfway.token}/step/{last_step}/"),
        # The first page: the private link panel open; from the review: "Back to review".
        SitePage("survey-first", f"/r/{halfway.token}/step/1/?from=review"),
        SitePage("review", f"/r/{halfway.token}/review/"),
        SitePage("results", f"/r/{finished.token}/results/"),
        SitePage("workshop", f"/consultant/assessments/{workshop.pk}/workshop/",
                 session=session_of(consultant)),
        SitePage("brand", "/consultant/brand/", session=session_of(consultant)),
        SitePage("dashboard", "/admin/benchmark/", session=session_of(admin),
                 region="#content"),
    ]


def browser_cookies(*, url: str, language: str, session: str | None) -> list[dict]:
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": url}]
    if session:
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url})
    return cookies
