"""The stored wave: order among a company's scored assessments, kept by every write."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from assessment.models import Assessment
from assessment.rescoring import assessments_rescore_all
from assessment.services import assessment_score
from assessment.waves import waves_number
from tests.factories import answer, make_company, make_questionnaire, make_respondent

pytestmark = pytest.mark.django_db


def waves(company) -> list[tuple[int, int | None]]:
    return list(Assessment.objects.filter(company=company).order_by("created_at", "id")
                .values_list("created_at__year", "wave"))


def unscored(company, questionnaire, year: int) -> Assessment:
    return Assessment.objects.create(company=company, questionnaire=questionnaire,
                                     created_at=datetime(year, 6, 1, tzinfo=UTC))


def test_scoring_numbers_the_company_s_scored_assessments_by_start_date():
    q = make_questionnaire()
    company = make_company()
    late, early, never = (unscored(company, q, y) for y in (2025, 2023, 2024))
    levels = {c: 3 for c in q.questions.values_list("code", flat=True)}
    assessment_score(assessment=late, levels=levels)
    assert late.wave == 1 and waves(company) == [(2023, None), (2024, None), (2025, 1)]
    # An earlier assessment scored later takes its place: the later one moves to wave 2.
    assessment_score(assessment=early, levels=levels)
    assert waves(company) == [(2023, 1), (2024, None), (2025, 2)]
    early.delete()
    assert waves(company) == [(2024, None), (2025, 1)]
    assert never.wave is None


def test_submitting_the_survey_fills_the_wave():
    make_questionnaire()
    respondent = make_respondent()
    answer(respondent)
    from assessment.services import respondent_submit

    assert respondent_submit(respondent=respondent).ok
    assert Assessment.objects.get(id=respondent.assessment_id).wave == 1


def test_rescoring_and_seeding_fill_waves():
    call_command("load_content", stdout=io.StringIO())
    call_command("seed_demo", companies=6, waves=3, stdout=io.StringIO())
    scored = Assessment.objects.filter(scored_at__isnull=False)
    assert sorted({w for w in scored.values_list("wave", flat=True)}) == [1, 2, 3]
    # questionnaires left unfinished have no wave: only scored assessments are waves
    assert not Assessment.objects.filter(scored_at__isnull=True, wave__isnull=False).exists()
    Assessment.objects.update(wave=None)
    assessments_rescore_all()
    assert not scored.filter(wave__isnull=True).exists()
    assert waves_number() == 0  # nothing left to change
