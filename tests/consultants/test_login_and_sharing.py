"""Consultants' login, and who sees which company (each URL × persona is in
tests/test_authorization_matrix.py)."""

import pytest
from django.urls import reverse

from assessment.access import assessment_for_user, companies_for_user
from tests.factories import invite

pytestmark = pytest.mark.django_db

@pytest.fixture
def objects(workshop):
    participant = invite(workshop, "Paola", "CMO")
    return {"company": workshop.company, "assessment": workshop, "participant": participant}


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
