"""The completion funnel: hand-counted records, the query's filters, the dashboard."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from assessment.choices import Mode
from assessment.models import Assessment, Respondent
from assessment.services import page_reached, respondent_submit, review_reached
from benchmark.forms import BenchmarkFilters
from benchmark.funnel import funnel_data
from tests.factories import answer, make_questionnaire, make_respondent

STEPS = ["Strategy", "Organisation", "Data", "Technology", "Execution"]


def _record(day: int, furthest: int, reviewed: bool = False, minutes: float | None = None,
            month: int = 1) -> None:
    """A self-assessment respondent who started on that day of 2026 (local time)."""
    start = timezone.make_aware(datetime(2026, month, day, 9, 0))
    respondent = make_respondent(name=f"Company {month}-{day}")
    Respondent.objects.filter(pk=respondent.pk).update(
        created_at=start, furthest_step=furthest,
        reviewed_at=start + timedelta(minutes=1) if reviewed else None,
        submitted_at=start + timedelta(minutes=minutes) if minutes is not None else None)
    Assessment.objects.filter(pk=respondent.assessment_id).update(created_at=start)


@pytest.mark.django_db
def test_funnel_counts_each_stage_per_quarter_and_in_total():
    make_questionnaire(per_dimension=1)
    with translation.override("en"):
        _check_hand_counted()


@pytest.mark.django_db
def test_periods_are_quarters_in_italian_too():
    make_questionnaire(per_dimension=1)
    _record(3, 1)
    with translation.override("it"):
        funnel = funnel_data(filters=BenchmarkFilters(), steps=STEPS)
    assert funnel.rows[0].period == "2026 T1"


def _check_hand_counted():
    # first quarter: five starts; stops on pages 1, 1, 3; one submits in 20 minutes,
    # one in 30 (median 25)
    for day, furthest in ((3, 1), (4, 1), (5, 3)):
        _record(day, furthest)
    _record(6, 5, reviewed=True, minutes=20)
    _record(7, 5, reviewed=True, minutes=30)
    # second quarter: three starts; one reached the review without submitting
    _record(1, 2, month=4)
    _record(2, 5, reviewed=True, month=5)
    _record(3, 5, reviewed=True, minutes=41, month=6)
    # four who started before pages were recorded
    for day in range(10, 14):
        _record(day, 1)
    Respondent.objects.filter(created_at__day__gte=10).update(furthest_step=None)
    funnel = funnel_data(filters=BenchmarkFilters(), steps=STEPS)
    q1, q2 = funnel.rows
    assert (q1.period, q1.started, q1.pages, q1.review, q1.submitted) == (
        "2026 Q1", 5, [5, 3, 3, 2, 2], 2, 2)
    assert q1.median_minutes == 25 and q1.completion == 40
    assert (q2.period, q2.started, q2.pages, q2.review, q2.submitted) == (
        "2026 Q2", 3, [3, 3, 2, 2, 2], 2, 1)
    assert q2.median_minutes == 41 and q2.completion == 33
    total = funnel.total
    assert (total.started, total.pages, total.review, total.submitted) == (
        8, [8, 6, 5, 4, 4], 4, 3)
    assert total.median_minutes == 30  # of 20, 30 and 41
    assert funnel.unrecorded == 4


@pytest.mark.django_db
def test_a_submission_dated_before_its_start_has_no_time():
    make_questionnaire(per_dimension=1)
    _record(3, 5, reviewed=True, minutes=-60)
    _record(4, 5, reviewed=True, minutes=12)
    row = funnel_data(filters=BenchmarkFilters(), steps=STEPS).total
    assert row.submitted == 2 and row.median_minutes == 12


@pytest.mark.django_db
def test_an_empty_selection_has_no_rows():
    make_questionnaire(per_dimension=1)
    funnel = funnel_data(filters=BenchmarkFilters(), steps=STEPS)
    assert funnel.rows == [] and funnel.total is None


@pytest.mark.django_db
def test_the_funnel_takes_a_fixed_number_of_queries(django_assert_max_num_queries):
    make_questionnaire(per_dimension=1)
    for day in range(1, 4):
        _record(day, 5, reviewed=True, minutes=10 * day, month=3 * day - 2)
    with django_assert_max_num_queries(2):
        funnel = funnel_data(filters=BenchmarkFilters(), steps=STEPS)
    assert [r.started for r in funnel.rows] == [1, 1, 1]


@pytest.mark.django_db
def test_funnel_data_reads_the_pages_each_self_assessment_reached():
    make_questionnaire(per_dimension=1)
    stopped = make_respondent(name="Stopped")
    page_reached(respondent_id=stopped.id, step=1)
    page_reached(respondent_id=stopped.id, step=3)
    page_reached(respondent_id=stopped.id, step=2)  # going back never lowers the record
    done = make_respondent(name="Done")
    for step in range(1, 6):
        page_reached(respondent_id=done.id, step=step)
    answer(done, default=3)
    review_reached(respondent=done)
    assert respondent_submit(respondent=done).ok
    # started before pages were recorded: counted apart
    legacy = make_respondent(name="Legacy")
    Respondent.objects.filter(pk=legacy.pk).update(furthest_step=None)
    # a workshop participant does not count
    workshop = make_respondent(name="Workshop")
    Assessment.objects.filter(pk=workshop.assessment_id).update(mode=Mode.WORKSHOP)
    # another sector: filtered out
    other = make_respondent(name="Bank")
    other.assessment.company.__class__.objects.filter(pk=other.assessment.company_id).update(
        sector="banking")

    funnel = funnel_data(filters=BenchmarkFilters(sector="retail"), steps=STEPS)
    total = funnel.total
    assert (total.started, total.pages, total.review, total.submitted) == (
        2, [2, 2, 2, 1, 1], 1, 1)
    assert funnel.unrecorded == 1
    year = timezone.localdate().year
    assert funnel_data(filters=BenchmarkFilters(year=year - 1), steps=STEPS).total is None


@pytest.mark.django_db
def test_dashboard_shows_the_funnel(admin_client):
    make_questionnaire(per_dimension=1)
    respondent = make_respondent()
    page_reached(respondent_id=respondent.id, step=1)
    with translation.override("en"):
        html = admin_client.get(reverse("benchmark:dashboard"),
                                headers={"accept-language": "en"}).content.decode()
    assert 'id="funnel-table"' in html
    assert "Completamento del questionario" in html or "Survey completion funnel" in html
