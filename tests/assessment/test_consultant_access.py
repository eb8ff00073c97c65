"""Every consultant page refuses outsiders: anonymous visitors log in, other consultants get 404."""

import pytest
from django.urls import reverse

from assessment.access import assessment_for_user, companies_for_user
from tests.assessment.personas import invite

pytestmark = pytest.mark.django_db

# (url name, which object's pk, method)
PRIVATE = [
    ("company", "company", "get"),
    ("assessment_create", "company", "post"),
    ("assessment", "assessment", "get"),
    ("invite", "assessment", "post"),
    ("workshop", "assessment", "get"),
    ("consensus", "assessment", "get"),
    ("consensus", "assessment", "post"),
    ("import", "assessment", "get"),
    ("import", "assessment", "post"),
    ("roadmap", "assessment", "get"),
    ("report", "assessment", "post"),
    ("revoke", "participant", "post"),
    ("resend", "participant", "post"),
]


@pytest.fixture
def objects(workshop):
    participant = invite(workshop, "Paola", "CMO")
    return {"company": workshop.company, "assessment": workshop, "participant": participant}


def request(client, objects, name, kind, method):
    url = reverse(f"consultant:{name}", args=[objects[kind].pk])
    return getattr(client, method)(url)


@pytest.mark.parametrize("name,kind,method", PRIVATE)
def test_anonymous_visitor_is_sent_to_login(client, objects, name, kind, method):
    response = request(client, objects, name, kind, method)
    assert response.status_code == 302
    assert response.url.startswith(reverse("consultant:login"))


@pytest.mark.parametrize("name,kind,method", PRIVATE)
def test_other_consultant_is_refused(client, objects, other_consultant, name, kind, method):
    client.force_login(other_consultant)
    assert request(client, objects, name, kind, method).status_code == 404


@pytest.mark.parametrize("name,kind,method", [p for p in PRIVATE if p[2] == "get"])
def test_owner_and_admin_are_let_in(client, objects, consultant, staff_admin, name, kind,
                                    method):
    for user in (consultant, staff_admin):
        client.force_login(user)
        assert request(client, objects, name, kind, method).status_code in {200, 302}


@pytest.mark.parametrize("name", ["home", "company_create"])
def test_anonymous_visitor_must_log_in_for_the_companies(client, db, name):
    response = client.get(reverse(f"consultant:{name}"))
    assert response.status_code == 302 and response.url.startswith(reverse("consultant:login"))


def test_answers_template_needs_a_login(client, questionnaire):
    response = client.get(reverse("consultant:template", args=[questionnaire.pk, "csv"]))
    assert response.status_code == 302


def test_report_download_refuses_outsiders(client, objects, other_consultant):
    url = reverse("consultant:report_download", args=[objects["assessment"].pk, "en"])
    assert client.get(url).status_code == 302
    client.force_login(other_consultant)
    assert client.get(url).status_code == 404


def test_colleague_given_access_sees_the_company(client, objects, other_consultant):
    objects["company"].shared_with.add(other_consultant)
    client.force_login(other_consultant)
    assert client.get(reverse("consultant:workshop", args=[objects["assessment"].pk])
                      ).status_code == 200


def test_home_lists_only_own_companies(client, objects, consultant, other_consultant):
    client.force_login(other_consultant)
    assert "Gamma Retail" not in client.get(reverse("consultant:home")).content.decode()
    client.force_login(consultant)
    assert "Gamma Retail" in client.get(reverse("consultant:home")).content.decode()


def test_access_helper_hides_self_assessments_from_consultants(objects, consultant, staff_admin):
    from tests.factories import make_respondent

    other = make_respondent(name="Walk-in Spa").assessment
    assert other.company not in companies_for_user(consultant)
    assert assessment_for_user(staff_admin, other.pk) == other
    with pytest.raises(Exception) as exc:
        assessment_for_user(consultant, other.pk)
    assert exc.type.__name__ == "Http404"


def test_login_is_locked_after_repeated_failures(client, consultant):
    url = reverse("consultant:login")
    for _ in range(5):
        client.post(url, {"username": "carla", "password": "wrong"})
    response = client.post(url, {"username": "carla", "password": "pw-carla"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_with_the_right_password_opens_the_companies(client, consultant):
    response = client.post(reverse("consultant:login"),
                           {"username": "carla", "password": "pw-carla"})
    assert response.status_code == 302 and response.url == reverse("consultant:home")
