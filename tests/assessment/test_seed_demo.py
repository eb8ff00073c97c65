"""`manage.py seed_demo`: realistic companies whose first-wave clusters, scored by the
product's own method, land near the published reference 22/39/13/20/6 (within 3
points, with sampling noise: not exactly on it); later waves lose some companies."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assessment.models import Answer, Assessment, Company, Respondent
from benchmark.forms import BenchmarkFilters
from benchmark.queries import benchmark_queryset
from tests.factories import make_questionnaire

pytestmark = pytest.mark.django_db
REFERENCE = {"first_steps": 22, "aware": 39, "enterprising": 13, "structured": 20,
             "advanced": 6}
REAL = Path(__file__).resolve().parents[2] / "fixtures/questionnaire/questions.yaml"


def shares(wave: int) -> dict[str, float]:
    qs = benchmark_queryset(filters=BenchmarkFilters(wave=wave))
    clusters = list(qs.values_list("cluster", flat=True))
    return {c: 100 * clusters.count(c) / len(clusters) for c in REFERENCE}


@pytest.mark.skipif(not REAL.exists(), reason="the real questionnaire is not written yet")
def test_first_wave_shares_match_the_reference_on_the_real_questionnaire():
    from assessment.content import questionnaire_load

    questionnaire_load()
    call_command("seed_demo", companies=1000, waves=2, seed=7, stdout=io.StringIO())
    first = shares(1)
    for cluster, expected in REFERENCE.items():
        assert abs(first[cluster] - expected) <= 3, (cluster, first)
    # A sample, not a copy of the published table.
    assert any(round(first[c]) != expected for c, expected in REFERENCE.items()), first
    # A year later most companies progress: fewer in first steps, more beyond aware.
    second = shares(2)
    assert second["first_steps"] < first["first_steps"]
    assert Assessment.objects.filter(scored_at__isnull=False, cluster="").count() == 0


def test_seed_makes_companies_respondents_answers_and_waves():
    make_questionnaire(per_dimension=4)
    out = io.StringIO()
    call_command("seed_demo", companies=60, waves=3, seed=1, stdout=out)
    made = Assessment.objects.filter(scored_at__isnull=False).count()
    assert Company.objects.count() == 60 and 60 * 2 < made < 180
    # and a fifth of the companies left a newer questionnaire unfinished
    assert Assessment.objects.filter(scored_at__isnull=True).count() == 12
    assert Respondent.objects.filter(submitted_at__isnull=False).count() == made
    assert Answer.objects.count() == made * 20
    assert len(set(Company.objects.values_list("sector", flat=True))) >= 5
    assert len(set(Company.objects.values_list("country", flat=True))) >= 2
    assert out.getvalue().strip() == (f"60 companies, {made} assessments scored, "
                                      "12 questionnaires left unfinished")
    # Every company takes the first wave; some drop out later and never come back.
    per_wave = [benchmark_queryset(filters=BenchmarkFilters(wave=w)).count() for w in (1, 2, 3)]
    assert per_wave[0] == 60 and per_wave[0] > per_wave[1] >= per_wave[2] > 0
    # the completion funnel's records: submitted respondents reached every page and the
    # review; the unfinished ones stopped somewhere on the way
    done = Respondent.objects.filter(submitted_at__isnull=False)
    assert set(done.values_list("furthest_step", flat=True)) == {5}
    assert not done.filter(reviewed_at__isnull=True).exists()
    stopped = Respondent.objects.filter(submitted_at__isnull=True)
    assert stopped.count() == 12
    assert set(stopped.values_list("furthest_step", flat=True)) <= {1, 2, 3, 4, 5}
    # Each wave is dated a year after the previous one.
    years = sorted({a.created_at.year for a in Assessment.objects.filter(
        scored_at__isnull=False)})
    assert len(years) == 3 and years[-1] - years[0] == 2


def test_seed_shares_on_the_factory_questionnaire():
    make_questionnaire(per_dimension=6)
    call_command("seed_demo", companies=200, seed=3, stdout=io.StringIO())
    assert shares(1) == pytest.approx({c: float(v) for c, v in REFERENCE.items()}, abs=3)


@pytest.mark.parametrize("args", [{"companies": 0}, {"companies": 5, "waves": 11}])
def test_bad_arguments_exit_2(args):
    with pytest.raises(CommandError) as exc:
        call_command("seed_demo", stdout=io.StringIO(), **args)
    assert exc.value.returncode == 2


def test_without_a_questionnaire_it_says_what_to_run():
    with pytest.raises(CommandError) as exc:
        call_command("seed_demo", companies=5, stdout=io.StringIO())
    assert exc.value.returncode == 2 and "load_content" in str(exc.value)


def test_seeded_results_and_waves_are_what_rescore_makes_of_the_answers():
    from assessment.rescoring import assessments_rescore_all

    make_questionnaire(per_dimension=3)
    call_command("seed_demo", companies=25, waves=3, seed=9, stdout=io.StringIO())
    fields = ("id", "cluster", "overall", "scores", "result", "wave")
    seeded = list(Assessment.objects.filter(scored_at__isnull=False).order_by("id")
                  .values_list(*fields))
    assert len(seeded) > 25 and {row[-1] for row in seeded} == {1, 2, 3}
    assert assessments_rescore_all() == len(seeded)
    assert list(Assessment.objects.filter(scored_at__isnull=False).order_by("id")
                .values_list(*fields)) == seeded
