"""The consultant's pages of a scored assessment (results, roadmap, KPI plan): before
scoring they send the consultant back with a message; another consultant gets a 404."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = {"consultant:results": "The results appear once the assessment is scored.",
         "consultant:roadmap": "The roadmap is drafted once the assessment is scored.",
         "consultant:kpis": "The KPI plan is drafted once the assessment is scored."}


@pytest.mark.parametrize(("name", "message"), PAGES.items())
def test_an_unscored_assessment_sends_the_consultant_back_with_a_message(
        client, consultant, workshop, name, message):
    assert workshop.scored_at is None
    client.force_login(consultant)
    response = client.get(reverse(name, args=[workshop.pk]), follow=True)
    assert response.redirect_chain == [(reverse("consultant:assessment",
                                                args=[workshop.pk]), 302)]
    assert message in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_another_consultants_assessment_is_not_found(client, other_consultant, workshop, name):
    client.force_login(other_consultant)
    assert client.get(reverse(name, args=[workshop.pk])).status_code == 404
