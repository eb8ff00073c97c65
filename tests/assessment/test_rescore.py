"""`manage.py rescore`: one vectorised pass gives the same results as scoring one by one."""

import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from assessment import rescoring
from assessment.models import Assessment, Option, Question
from assessment.scoring import engine as scoring
from assessment.selectors import answer_levels, questionnaire_spec
from assessment.services import answers_save, assessment_score, result_snapshot
from tests.factories import make_questionnaire, make_respondent

pytestmark = pytest.mark.django_db


def answered(n: int, seed: int = 7):
    """n respondents with random answers (some don't know), scored one by one."""
    rng = np.random.default_rng(seed)
    questionnaire = make_questionnaire(per_dimension=4)
    options = {(q, lv): o for o, q, lv in Option.objects.values_list("id", "question_id",
                                                                      "level")}
    qids = sorted({q for q, _ in options})
    made = []
    for i in range(n):
        respondent = make_respondent(name=f"R{i}")
        base = rng.integers(1, 6)
        values = {}
        for q in qids:
            if rng.random() < 0.08:
                values[str(q)] = scoring.DONT_KNOW
            else:
                values[str(q)] = str(options[(q, int(np.clip(base + rng.integers(-1, 2), 1, 5)))])
        answers_save(respondent=respondent, values=values)
        assessment = respondent.assessment
        assessment.submitted_at = assessment.created_at
        assessment_score(assessment=assessment, levels=answer_levels(respondent=respondent))
        made.append(respondent)
    return questionnaire, made


def test_vectorised_snapshots_equal_the_one_by_one_snapshots():
    questionnaire, respondents = answered(40)
    # As stored: PostgreSQL's jsonb orders the method's keys, and so the rule checks.
    questionnaire.refresh_from_db()
    spec = questionnaire_spec(questionnaire=questionnaire)
    expected = {}
    for r in respondents:
        levels = answer_levels(respondent=r)
        row, _ = scoring.score_one(spec, {c: (scoring.DONT_KNOW if v is None else v)
                                          for c, v in levels.items()})
        snap = result_snapshot(spec, row, levels)
        expected[r.assessment_id] = {k: snap[k] for k in ("overall", "cluster", "scores",
                                                           "result")}
    Assessment.objects.update(overall=None, cluster="", scores={}, result={})
    assert rescoring.assessments_rescore_all() == 40
    got = {a.id: {"overall": a.overall, "cluster": a.cluster, "scores": a.scores,
                  "result": a.result} for a in Assessment.objects.all()}
    assert got == expected
    assert len({e["cluster"] for e in expected.values()}) >= 3  # the sample spans clusters


def test_rescore_command_reports_the_count():
    answered(3)
    out = io.StringIO()
    call_command("rescore", stdout=out)
    assert out.getvalue().startswith("3 assessments re-scored in ")
    call_command("rescore", "--questionnaire", "t1", stdout=out)
    assert Assessment.objects.filter(scored_at__isnull=False).count() == 3


def test_rescore_of_an_unknown_version_exits_2():
    answered(1)
    with pytest.raises(CommandError) as exc:
        call_command("rescore", "--questionnaire", "nope", stdout=io.StringIO())
    assert exc.value.returncode == 2 and "nope" in str(exc.value)


def test_vectorised_strengths_are_never_gaps_too():
    from tests.factories import answer

    make_questionnaire(per_dimension=4)
    respondent = make_respondent()
    answer(respondent, default=3)  # every question both "strong" and below target
    assessment = respondent.assessment
    assessment.submitted_at = assessment.created_at
    assessment_score(assessment=assessment, levels=answer_levels(respondent=respondent))
    one_by_one = Assessment.objects.get().result
    assert rescoring.assessments_rescore_all() == 1
    result = Assessment.objects.get().result
    assert result["strengths"] == one_by_one["strengths"]
    assert result["gaps"] == one_by_one["gaps"]
    assert len(result["gaps"]) == 3 and not set(result["strengths"]) & set(result["gaps"])


def test_answer_frame_reads_levels_with_dont_know_as_nan_and_no_rows_as_empty():
    from assessment.models import Answer

    _, respondents = answered(2)
    rows = Answer.objects.filter(respondent__in=respondents).order_by("id").values_list(
        "respondent__assessment_id", "question_id", "option__level")
    frame = rescoring._frame(rows, ["a", "q", "level"])
    expected = list(rows)
    assert len(frame) == len(expected) > 0
    assert [int(a) for a in frame["a"]] == [a for a, _, _ in expected]
    assert [None if np.isnan(v) else int(v) for v in frame["level"]] == [
        lv for _, _, lv in expected]
    assert any(lv is None for _, _, lv in expected)  # don't know among them
    empty = rescoring._frame(rows.filter(pk__lt=0), ["a", "q", "level"])
    assert list(empty.columns) == ["a", "q", "level"] and empty.empty


def test_packed_levels_round_trip_with_dont_know():
    from assessment.scoring.packed import pack, pack_rows, unpack

    assert pack([3, None, 5, float("nan"), 1]) == "30501"
    matrix = np.array([[1, np.nan, 5], [2, 3, np.nan]])
    texts = pack_rows(matrix)
    assert texts == ["105", "230"]
    assert np.array_equal(unpack(texts, 3), matrix, equal_nan=True)
    with pytest.raises(ValueError):
        unpack(["12", "123"], 3)


def test_dont_know_answers_are_never_gaps_one_by_one_or_vectorised():
    from tests.factories import answer

    make_questionnaire(per_dimension=4)
    respondent = make_respondent()
    codes = list(Question.objects.filter(scored=True).order_by("id").values_list("code", flat=True))
    # the four heaviest gaps would be these "don't know" answers (scored as level 1)
    answer(respondent, levels={c: None for c in codes[:4]}, default=2)
    assessment = respondent.assessment
    assessment.submitted_at = assessment.created_at
    assessment_score(assessment=assessment, levels=answer_levels(respondent=respondent))
    one_by_one = Assessment.objects.get().result["gaps"]
    assert rescoring.assessments_rescore_all() == 1
    vectorised = Assessment.objects.get().result["gaps"]
    assert one_by_one == vectorised and len(vectorised) == 3
    assert not set(vectorised) & set(codes[:4])
