"""Scoring and clustering, on plain data: no HTTP, no database."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.scoring import engine as scoring
from assessment.scoring.engine import CLUSTERS, DONT_KNOW, QuestionnaireSpec, QuestionSpec

METHOD = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "fixtures/questionnaire/method.yaml").read_text()
)["method"]
DIMS = ("strategy", "organization", "data", "technology", "execution")


def make_spec() -> QuestionnaireSpec:
    """Three scored questions per dimension; budget and owner carry keys."""
    questions = []
    for d in DIMS:
        for i in range(1, 4):
            key = {("strategy", 1): "dedicated_budget", ("organization", 1): "dedicated_owner"}
            questions.append(QuestionSpec(f"{d[:3].upper()}{i}", d, 1.5 if i == 1 else 1.0,
                                          key.get((d, i))))
    questions.append(QuestionSpec("CTX", "execution", 0.0, None, scored=False))
    return QuestionnaireSpec("test", DIMS, tuple(questions), METHOD)


SPEC = make_spec()


def answers_at(levels: dict[str, int], budget: int = 1, owner: int = 1) -> dict[str, object]:
    """Every question of dimension d at levels[d]; keyed questions at budget/owner."""
    out: dict[str, object] = {}
    for q in SPEC.scored:
        out[q.code] = levels[q.dimension]
    out["STR1"], out["ORG1"] = budget, owner
    return out


def cluster_of(answers) -> str:
    return scoring.score_one(SPEC, answers)[1]["cluster"]


def test_a_question_at_level_l_scores_l_minus_one_quarters():
    row, _ = scoring.score_one(SPEC, {q.code: 3 for q in SPEC.scored})
    assert row["strategy"] == pytest.approx(50.0)
    assert row["overall"] == pytest.approx(50.0)


def test_dimension_is_the_weighted_mean_of_its_questions():
    row, _ = scoring.score_one(SPEC, {"STR1": 5, "STR2": 1, "STR3": 1})
    # weights 1.5, 1, 1: (1.5*100 + 0 + 0) / 3.5
    assert row["strategy"] == pytest.approx(150 / 3.5)


def test_overall_is_the_plain_mean_of_dimensions():
    answers = {q.code: (5 if q.dimension == "data" else 1) for q in SPEC.scored}
    row, _ = scoring.score_one(SPEC, answers)
    assert row["overall"] == pytest.approx(20.0)


def test_dont_know_scores_as_level_one_and_is_counted():
    row, _ = scoring.score_one(SPEC, {"STR1": DONT_KNOW, "STR2": 5, "STR3": 5})
    assert row["strategy"] == pytest.approx(200 / 3.5)
    # STR1 plus the 12 questions of the other dimensions that are missing
    assert row["dont_know"] == 13


def test_unscored_questions_do_not_change_scores():
    base = answers_at(dict.fromkeys(DIMS, 3))
    a, _ = scoring.score_one(SPEC, {**base, "CTX": 1})
    b, _ = scoring.score_one(SPEC, {**base, "CTX": 5})
    assert a["overall"] == b["overall"]


@pytest.mark.parametrize("value", [0, 6, "3", 2.5, None, True])
def test_levels_outside_one_to_five_are_refused(value):
    with pytest.raises(scoring.AnswerError, match="STR1"):
        scoring.answers_frame(SPEC, {0: {"STR1": value}})


def test_unknown_question_code_is_refused():
    with pytest.raises(scoring.AnswerError, match="NOPE"):
        scoring.answers_frame(SPEC, {0: {"NOPE": 3}})


def test_everything_low_is_first_steps():
    assert cluster_of(answers_at(dict.fromkeys(DIMS, 1))) == "first_steps"


def test_fair_strategy_and_organization_with_weak_data_technology_execution_is_aware():
    levels = {"strategy": 3, "organization": 3, "data": 1, "technology": 2, "execution": 1}
    assert cluster_of(answers_at(levels, budget=3, owner=3)) == "aware"


def test_organised_around_omnichannel_without_budget_is_enterprising():
    levels = dict.fromkeys(DIMS, 5)
    result = scoring.score_one(SPEC, answers_at(levels, budget=1, owner=4))[1]
    assert result["cluster"] == "enterprising"
    assert [c["subject"] for c in result["missing"]] == ["dedicated_budget"]


def test_organised_around_omnichannel_without_owner_is_enterprising():
    assert cluster_of(answers_at(dict.fromkeys(DIMS, 4), budget=4, owner=2)) == "enterprising"


def test_good_everywhere_with_budget_and_owner_is_structured():
    levels = {"strategy": 4, "organization": 4, "data": 3, "technology": 4, "execution": 3}
    assert cluster_of(answers_at(levels, budget=3, owner=3)) == "structured"


def test_mature_everywhere_with_budget_and_owner_is_advanced():
    assert cluster_of(answers_at(dict.fromkeys(DIMS, 5), budget=4, owner=4)) == "advanced"


def test_mature_everywhere_without_owner_is_held_back_to_enterprising():
    result = scoring.score_one(SPEC, answers_at(dict.fromkeys(DIMS, 5), budget=5, owner=1))[1]
    assert result["cluster"] == "enterprising"
    assert {c["subject"] for c in result["missing"]} == {"dedicated_owner"}


def test_explanation_names_the_rule_and_the_distance_to_every_profile():
    result = scoring.score_one(SPEC, answers_at(dict.fromkeys(DIMS, 3), budget=3, owner=3))[1]
    assert result["met"] and all(c["ok"] for c in result["met"])
    assert set(result["distances"]) == set(CLUSTERS)
    assert result["next_cluster"] == CLUSTERS[CLUSTERS.index(result["cluster"]) + 1]


def test_many_assessments_score_in_one_call_like_one_by_one():
    rng = np.random.default_rng(7)
    codes = [q.code for q in SPEC.scored]
    many = {i: dict(zip(codes, rng.integers(1, 6, len(codes)).tolist())) for i in range(300)}
    table = scoring.score(SPEC, scoring.answers_frame(SPEC, many))
    for i in (0, 17, 299):
        one, _ = scoring.score_one(SPEC, many[i])
        assert table.loc[i, "overall"] == pytest.approx(one["overall"])
        assert table.loc[i, "cluster"] == one["cluster"]


def test_strengths_and_gaps_rank_by_level_and_weighted_gap():
    levels = {q.code: 2 for q in SPEC.scored}
    levels.update({"DAT2": 5, "TEC3": 4, "EXE2": 4, "STR1": 1})
    target = dict.fromkeys(DIMS, 60.0)
    strengths, gaps = scoring.strengths_and_gaps(SPEC, levels, target)
    assert strengths == ["DAT2", "TEC3", "EXE2"]
    assert gaps[0] == "STR1"  # widest gap (60) times the heaviest weight (1.5)


level_values = st.one_of(st.integers(1, 5), st.just(DONT_KNOW))
answer_sets = st.fixed_dictionaries({q.code: level_values for q in SPEC.scored})


@settings(max_examples=300, deadline=None)
@given(answer_sets)
def test_scores_stay_within_zero_and_one_hundred(answers):
    row, _ = scoring.score_one(SPEC, answers)
    for col in (*DIMS, "overall"):
        assert 0.0 <= row[col] <= 100.0


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.sampled_from([q.code for q in SPEC.scored]), st.integers(1, 5))
def test_raising_an_answer_never_lowers_its_dimension_or_the_cluster(answers, code, level):
    before, eb = scoring.score_one(SPEC, answers)
    old = answers[code]
    old_level = 1 if old == DONT_KNOW else old
    raised = {**answers, code: max(old_level, level)}
    after, ea = scoring.score_one(SPEC, raised)
    dim = SPEC.question(code).dimension
    assert after[dim] >= before[dim] - 1e-9
    assert CLUSTERS.index(ea["cluster"]) >= CLUSTERS.index(eb["cluster"])


def test_every_cluster_is_reachable():
    rng = np.random.default_rng(1)
    codes = [q.code for q in SPEC.scored]
    seen = set()
    many = {}
    for i in range(3000):
        base = rng.integers(1, 6)
        many[i] = {c: int(np.clip(base + rng.integers(-1, 2), 1, 5)) for c in codes}
    table = scoring.score(SPEC, scoring.answers_frame(SPEC, many))
    seen = set(table["cluster"])
    assert seen == set(CLUSTERS)


def test_rules_are_data_a_stricter_threshold_changes_the_cluster():
    strict = {**METHOD, "rules": {**METHOD["rules"],
                                  "structured": {**METHOD["rules"]["structured"],
                                                 "all_dimensions_min": 60}}}
    spec = QuestionnaireSpec("strict", DIMS, SPEC.questions, strict)
    answers = answers_at(dict.fromkeys(DIMS, 3), budget=3, owner=3)
    assert scoring.score_one(SPEC, answers)[1]["cluster"] == "structured"
    assert scoring.score_one(spec, answers)[1]["cluster"] == "enterprising"


def test_an_empty_table_scores_nothing():
    empty = pd.DataFrame(columns=["assessment", "question", "level"])
    assert scoring.score(SPEC, empty).empty


def test_a_question_is_never_both_a_strength_and_a_gap():
    levels = {q.code: 3 for q in SPEC.scored}
    strengths, gaps = scoring.strengths_and_gaps(SPEC, levels, dict.fromkeys(DIMS, 90.0))
    assert len(strengths) == 3 and len(gaps) == 3
    assert not set(strengths) & set(gaps)
