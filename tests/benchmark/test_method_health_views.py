"""The method-health page: staff only, beside the dashboard, k=5, fixed query count."""

import io

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from assessment.choices import SizeBand
from assessment.models import Assessment, Company, Questionnaire
from assessment.rescoring import levels_matrix, stored_levels
from assessment.selectors import questionnaire_spec
from tests.factories import make_questionnaire, make_report_content

pytestmark = pytest.mark.django_db
URL = "/admin/benchmark/method-health/"


@pytest.fixture
def staff_client(client):
    make_report_content()
    client.force_login(User.objects.create_user("staff", "s@example.com", "x", is_staff=True))
    return client


def seeded(companies: int, seed: int = 3) -> None:
    make_questionnaire(per_dimension=4)
    call_command("seed_demo", companies=companies, waves=2, seed=seed, stdout=io.StringIO())


def test_url_sits_beside_the_dashboard_and_both_link_to_it(staff_client):
    seeded(10)
    assert reverse("benchmark:method_health") == URL
    assert URL in staff_client.get("/admin/benchmark/").content.decode()
    assert URL in staff_client.get("/admin/").content.decode()


def test_page_shows_alpha_item_statistics_clusters_and_borderline(staff_client):
    seeded(60)
    html = staff_client.get(URL).content.decode()
    assert "Cronbach&#x27;s alpha" in html or "Cronbach's alpha" in html
    assert "Question strategy 1" in html and "Item–rest correlation" in html
    assert 'id="health-clusters"' in html and "Published reference" in html
    assert 'id="health-borderline"' in html and 'id="fig-levels"' in html
    assert "STR01" not in html  # readers never see question codes


def test_filters_narrow_the_selection_and_small_groups_are_hidden(staff_client):
    seeded(30)
    html = staff_client.get(URL, {"wave": "1", "sector": "retail"}).content.decode()
    assert 'id="health-summary"' in html
    # a size band no seeded company has: fewer than 5, hidden
    sizes = set(Company.objects.values_list("size", flat=True))
    empty = next(s for s in SizeBand.values if s not in sizes)
    few = staff_client.get(URL, {"size": empty})
    assert few.status_code == 200 and 'id="health-too-few"' in few.content.decode()


def test_bad_filters_are_a_400_with_the_message(staff_client):
    seeded(10)
    response = staff_client.get(URL, {"wave": "first", "year": "1"})
    assert response.status_code == 400 and "errorlist" in response.content.decode()


def test_unknown_version_is_a_400_not_a_500(staff_client):
    seeded(10)
    assert staff_client.get(URL, {"questionnaire": "nope"}).status_code == 400


def test_query_count_does_not_grow_with_the_number_of_companies(staff_client,
                                                                django_assert_num_queries):
    seeded(20)
    staff_client.get(URL)
    # session and user (2); filter choices: versions, countries (2); the admin's menu:
    # the staff user's and group permissions (2); the version (1); its
    # spec: dimensions, questions (2); the levels packed in the results (1); companies
    # (1); clusters and borderline (1); reference (1); question texts, dimension names (2)
    with django_assert_num_queries(15):
        staff_client.get(URL)
    call_command("seed_demo", companies=60, seed=4, stdout=io.StringIO())
    with django_assert_num_queries(15):
        assert staff_client.get(URL).status_code == 200


def test_results_stored_without_their_levels_are_read_from_the_answers():
    seeded(12)
    spec = questionnaire_spec(questionnaire=Questionnaire.objects.get())
    scored = Assessment.objects.filter(scored_at__isnull=False)
    questionnaire = Questionnaire.objects.get()
    _ids, from_answers = levels_matrix(questionnaire, scored, spec)
    packed = stored_levels(questionnaire, scored, spec)
    assert np.array_equal(packed, from_answers.to_numpy(dtype=float), equal_nan=True)
    # results of an older release: no packed levels in five of them
    older = list(scored.order_by("id").values_list("id", flat=True)[:5])
    for assessment in Assessment.objects.filter(id__in=older):
        del assessment.result["levels"]
        assessment.save(update_fields=["result"])
    mixed = stored_levels(questionnaire, scored, spec)
    # the same rows, the older five last
    expected = from_answers.loc[[*[i for i in _ids if i not in older], *older]]
    assert np.array_equal(mixed, expected.to_numpy(dtype=float), equal_nan=True)
